package newsroom.query.articles;

import com.google.protobuf.InvalidProtocolBufferException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import newsroom.nlp.v1.Analysis;
import newsroom.query.NotFoundException;
import newsroom.query.PlannerSettings;
import newsroom.query.RequestChecks;
import newsroom.query.WhereClause;
import newsroom.query.paging.Page;
import newsroom.query.paging.PageRequest;
import newsroom.query.paging.QueryFingerprint;
import newsroom.store.ArticleEntityLink;
import newsroom.store.ArticleState;
import newsroom.store.StoredArticle;

/** Reads articles: one by id, or many by full-text search. */
@ApplicationScoped
@Transactional
public class ArticleQueries {

    /** The longest search text accepted, in characters. */
    public static final int MAX_QUERY_LENGTH = 500;
    public static final int MAX_SOURCE_LENGTH = 200;
    public static final int MAX_LANGUAGE_LENGTH = 35;

    private static final String HEADLINE_OPTIONS =
            "StartSel=<b>, StopSel=</b>, MinWords=15, MaxWords=35, MaxFragments=2, FragmentDelimiter=\" … \"";

    /**
     * How many matching articles a search ranks: the newest ones, by
     * publication date. Older matches of a query that matches more articles
     * than this are not returned.
     */
    public static final int RANKED_CANDIDATES = 200;

    /**
     * What a search prices reading a page at, in PostgreSQL's cost units (a
     * row costs 0.01): the store is read from memory, where a page costs
     * about what a few rows do, not the default 1 (in order) or 4 (out of
     * order).
     */
    static final String SEARCH_PAGE_COST = "0.05";

    // Takes the newest RANKED_CANDIDATES matches (c) from article_search, the
    // narrow table that holds each searchable article's vector, date, source
    // and language (V9), ranks and pages only those, then builds headlines for
    // the page's rows only. Ranking every match made a common word cost as
    // much as the store is large (384 ms p50 at 100,000 articles); bounding
    // the candidates lets the planner walk article_search_published_idx
    // newest first and stop after RANKED_CANDIDATES matches for a common
    // word, or read the few matches of a rare one from the GIN index
    // (docs/query-plans.md). The tsquery is written inline, not as a FROM
    // item, so the planner estimates how many articles it matches.
    //
    // ts_headline parses and stems all the text it is given, which cost as
    // much as the rest of the search; it is given only SNIPPET_WINDOW
    // characters of the text, starting SNIPPET_LEAD characters before the
    // first occurrence of a query word (first_match), or the text's start
    // when none occurs in it (a match in the title only). A word occurs where
    // its stem, less a final "i" (Snowball writes "compani" for "company"),
    // starts a substring of the lowercased text: the query's stems are
    // computed once (terms), each row is searched with strpos. A window that
    // starts inside a word drops that word's part.
    private static final String SEARCH = """
            WITH terms AS MATERIALIZED (
                SELECT array_agg(DISTINCT rtrim(t.lexeme, 'i')) AS prefixes
                FROM unnest(to_tsvector('english', CAST(:query AS text))) t
                WHERE length(rtrim(t.lexeme, 'i')) > 1)
            SELECT %1$s, hit.rank,
                   ts_headline('english',
                               CASE WHEN first_match.at <= %4$d THEN left(a.cleaned_text, %5$d)
                                    ELSE regexp_replace(substr(a.cleaned_text, first_match.at - %4$d, %5$d),
                                                        '^\\S*\\s+', '')
                               END,
                               websearch_to_tsquery('english', :query), :options)
            FROM (SELECT c.id, ts_rank_cd(c.search_vector, websearch_to_tsquery('english', :query)) AS rank
                  FROM (SELECT s.article_id AS id, s.search_vector
                        FROM article_search s
                        WHERE s.search_vector @@ websearch_to_tsquery('english', :query) AND %2$s
                        ORDER BY s.published_at DESC, s.article_id DESC
                        LIMIT %3$d) c
                  ORDER BY rank DESC, c.id DESC
                  OFFSET :offset LIMIT :limit) hit
            JOIN article a ON a.id = hit.id
            CROSS JOIN LATERAL (SELECT coalesce(min(nullif(strpos(lower(a.cleaned_text), prefix), 0)), 1) AS at
                                FROM terms, unnest(terms.prefixes) prefix) first_match
            ORDER BY hit.rank DESC, hit.id DESC
            """;

    /** How many characters of an article's text its snippet is chosen from. */
    static final int SNIPPET_WINDOW = 480;
    /** How many of them come before the first occurrence of a query word. */
    static final int SNIPPET_LEAD = 120;

    private final EntityManager entityManager;

    ArticleQueries(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The article with its text, analysis and resolved entities. */
    public ArticleDetails get(long articleId) {
        RequestChecks.positiveId("article_id", articleId);
        StoredArticle article = StoredArticle.<StoredArticle>findByIdOptional(articleId)
                .orElseThrow(() -> new NotFoundException("article", articleId));
        Map<String, Long> globalEntityIds = new HashMap<>();
        for (ArticleEntityLink link : ArticleEntityLink.<ArticleEntityLink>list("key.articleId", articleId)) {
            globalEntityIds.put(link.key.localEntityId(), link.entityId);
        }
        ArticleSummary summary = new ArticleSummary(article.id, article.title, article.source,
                article.url == null ? "" : article.url, article.publishedAt, article.language,
                article.status.name(), article.storyId == null ? 0 : article.storyId,
                article.duplicateOf == null ? 0 : article.duplicateOf);
        return new ArticleDetails(summary, article.cleanedText, analysisOf(article), globalEntityIds);
    }

    /**
     * Articles matching web-search syntax and the filter, best match first,
     * newest id first among equals, among the {@link #RANKED_CANDIDATES}
     * newest matches.
     */
    public Page<ArticleHit> search(String query, ArticleFilter filter, int pageSize, String pageToken) {
        String text = RequestChecks.requiredText("query", query, MAX_QUERY_LENGTH);
        WhereClause where = restriction(filter, "s", "article_id");
        PageRequest page = PageRequest.of(pageSize, pageToken, QueryFingerprint.of("SearchArticles", text,
                filter.entityId(), filter.source(), filter.language(), filter.range().fingerprint()));
        // A plan made for the words searched: a generic plan (pgjdbc prepares
        // a statement on the server after five uses) cannot tell a common word,
        // best found by walking the date index, from a rare one, best read
        // from the GIN index. Pages are priced at SEARCH_PAGE_COST: by
        // default a page costs a hundred times a row, so walking rows that
        // share pages (article_search is in date order) looked ten times
        // cheaper than reading matches that each sit on their own page, while
        // both cost about a microsecond a row. With the default prices a word
        // the statistics do not know (estimated at 0.5% of the articles) was
        // walked for: at 1,000,000 articles a word in no article walked them
        // all, 1.2 to 1.6 s, instead of reading its GIN entry, 0.1 ms
        // (BENCHMARKS.md, issue 5).
        PlannerSettings.setLocal(entityManager, Map.of("plan_cache_mode", "force_custom_plan",
                "seq_page_cost", SEARCH_PAGE_COST, "random_page_cost", SEARCH_PAGE_COST));
        @SuppressWarnings("unchecked")
        List<Object[]> rows = where.bind(entityManager.createNativeQuery(
                        SEARCH.formatted(ArticleSummary.COLUMNS, where.sql(), RANKED_CANDIDATES, SNIPPET_LEAD,
                                SNIPPET_WINDOW)))
                .setParameter("query", text)
                .setParameter("options", HEADLINE_OPTIONS)
                .setParameter("offset", page.offset())
                .setParameter("limit", page.fetchSize())
                .getResultList();
        return page.toPage(rows.stream()
                .map(row -> new ArticleHit(ArticleSummary.fromRow(row, 0),
                        ((Number) row[ArticleSummary.COLUMN_COUNT]).doubleValue(),
                        (String) row[ArticleSummary.COLUMN_COUNT + 1]))
                .toList());
    }

    /** The filter as conditions on {@code article a}; shared with the export. */
    public static WhereClause restriction(ArticleFilter filter) {
        return restriction(filter, "a", "id");
    }

    /**
     * The filter as conditions on a table of articles that has their source,
     * language and publication date under those names, here
     * {@code article} and {@code article_search}.
     *
     * @param alias the table's alias in the query
     * @param idColumn its column holding the article's id
     */
    private static WhereClause restriction(ArticleFilter filter, String alias, String idColumn) {
        RequestChecks.nonNegativeId("entity_id", filter.entityId());
        String source = RequestChecks.optionalText("source", filter.source(), MAX_SOURCE_LENGTH);
        String language = RequestChecks.optionalText("language", filter.language(), MAX_LANGUAGE_LENGTH);
        WhereClause where = new WhereClause();
        if (filter.entityId() > 0) {
            where.add("EXISTS (SELECT 1 FROM entity_article ea WHERE ea.entity_id = :entityId AND ea.article_id = "
                    + alias + "." + idColumn + ")", "entityId", filter.entityId());
        }
        if (!source.isEmpty()) {
            where.add(alias + ".source = :source", "source", source);
        }
        if (!language.isEmpty()) {
            where.add(alias + ".language = :language", "language", language);
        }
        filter.range().restrict(where, alias + ".published_at");
        return where;
    }

    private static Optional<Analysis> analysisOf(StoredArticle article) {
        if (article.status != ArticleState.ANALYZED || article.analysis == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(Analysis.parseFrom(article.analysis));
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("article " + article.id + " has a stored analysis that does not parse", e);
        }
    }
}
