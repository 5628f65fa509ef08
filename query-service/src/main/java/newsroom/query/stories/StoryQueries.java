package newsroom.query.stories;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import newsroom.query.InvalidArgumentException;
import newsroom.query.NotFoundException;
import newsroom.query.PagedReads;
import newsroom.query.RequestChecks;
import newsroom.query.TimeRange;
import newsroom.query.WhereClause;
import newsroom.query.articles.ArticleMetadata;
import newsroom.query.paging.Page;
import newsroom.query.paging.PageRequest;
import newsroom.query.paging.QueryFingerprint;

/**
 * Same-story clusters, read from the shared contract of the V2 migration:
 * {@code article.story_id} is the id of the story's first report (a root's
 * own id) and {@code duplicate_of} is null for a root. Roots come newest first
 * from article_story_root_idx; each root's reports are counted on
 * article_story_idx.
 */
@ApplicationScoped
@Transactional
public class StoryQueries {

    /** The most reports GetStory returns; the story's report count says how many there are. */
    public static final int MAX_REPORTS = 1000;

    /** The most publishers a story names. */
    public static final int MAX_SOURCES = 10;

    // A story's publishers are a subquery of the SELECT list, so they are
    // read only for the stories listed (their reports, on article_story_idx),
    // in the same statement as the page.
    private static final String STORIES = """
            SELECT %s, reports.n, reports.last_report,
                   (SELECT array_agg(p.source ORDER BY p.n DESC, p.source)
                    FROM (SELECT r.source, count(*) AS n
                          FROM article r WHERE r.story_id = a.id AND r.source <> ''
                          GROUP BY r.source
                          ORDER BY count(*) DESC, r.source
                          LIMIT %d) p)
            FROM article a
            CROSS JOIN LATERAL (SELECT count(*) AS n, max(r.published_at) AS last_report
                                FROM article r WHERE r.story_id = a.id) reports
            WHERE a.story_id = a.id AND %s
            ORDER BY a.published_at DESC, a.id DESC
            OFFSET :offset LIMIT :limit
            """;

    private static final String REPORTS = """
            SELECT %s FROM article a WHERE a.story_id = :id
            ORDER BY a.published_at, a.id
            LIMIT :limit
            """.formatted(ArticleMetadata.COLUMNS);

    // A read by id, on the mapped row (article_pkey); only the one column, not the article's text.
    private static final String STORY_OF = "select a.storyId from StoredArticle a where a.id = :id";

    private final PagedReads reads;

    StoryQueries(PagedReads reads) {
        this.reads = reads;
    }

    /** Stories whose first report is in {@code range} and that have at least {@code minReports} reports. */
    public Page<StoryCluster> list(TimeRange range, int minReports, int pageSize, String pageToken) {
        if (minReports < 0) {
            throw new InvalidArgumentException("min_report_count", "must not be negative");
        }
        int atLeast = Math.max(1, minReports);
        PageRequest page = reads.page(pageSize, pageToken,
                QueryFingerprint.of("ListStories", range.fingerprint(), atLeast));
        reads.underSearchLimit();
        WhereClause where = listConditions(range, atLeast);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = where.bind(reads.entityManager().createNativeQuery(statement(where.sql())))
                .setParameter("offset", page.offset())
                .setParameter("limit", page.fetchSize())
                .getResultList();
        return page.toPage(rows.stream().map(StoryCluster::fromRow).toList());
    }

    /** The story whose first report is {@code storyId}, with its reports. */
    public StoryDetails get(long storyId) {
        RequestChecks.positiveId("story_id", storyId);
        WhereClause where = new WhereClause().add("a.id = :id", "id", storyId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = where.bind(reads.entityManager().createNativeQuery(statement(where.sql())))
                .setParameter("offset", 0)
                .setParameter("limit", 1)
                .getResultList();
        if (rows.isEmpty()) {
            throw notAStory(storyId);
        }
        @SuppressWarnings("unchecked")
        List<Object[]> reports = reads.entityManager().createNativeQuery(REPORTS)
                .setParameter("id", storyId)
                .setParameter("limit", MAX_REPORTS)
                .getResultList();
        return new StoryDetails(StoryCluster.fromRow(rows.get(0)),
                reports.stream().map(row -> ArticleMetadata.fromRow(row, 0)).toList());
    }

    /**
     * The conditions of a list of the stories whose first report is in {@code range} and that
     * have at least {@code atLeast} reports (1 or more).
     */
    public static WhereClause listConditions(TimeRange range, int atLeast) {
        WhereClause where = new WhereClause();
        range.restrict(where, "a.published_at");
        if (atLeast > 1) {
            where.add("reports.n >= :minReports", "minReports", atLeast);
        }
        return where;
    }

    /**
     * The statement of a page of stories: {@link #STORIES} with {@code conditions} on the roots
     * ({@code article a}) and their reports ({@code reports.n}); its parameters are the
     * conditions', {@code :offset} and {@code :limit}. Public, with {@link #listConditions}, for
     * the query benchmark, which times and explains it over plain JDBC.
     */
    public static String statement(String conditions) {
        return STORIES.formatted(ArticleMetadata.COLUMNS, MAX_SOURCES, conditions);
    }

    // An article that is not a root is a report of another story: say which.
    private NotFoundException notAStory(long storyId) {
        List<Long> root = reads.entityManager().createQuery(STORY_OF, Long.class).setParameter("id", storyId)
                .getResultList();
        if (!root.isEmpty() && root.get(0) != null) {
            return new NotFoundException("story", storyId,
                    "article " + storyId + " is a report of story " + root.get(0).longValue());
        }
        return new NotFoundException("story", storyId);
    }
}
