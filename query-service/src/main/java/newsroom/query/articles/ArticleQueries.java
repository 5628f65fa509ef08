package newsroom.query.articles;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import newsroom.nlp.v1.Analysis;
import newsroom.query.NewestMonths;
import newsroom.query.NotFoundException;
import newsroom.query.PagedReads;
import newsroom.query.PlannerSettings;
import newsroom.query.RequestChecks;
import newsroom.query.WhereClause;
import newsroom.query.entities.EntityIdentity;
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

    /**
     * How many matching articles are ranked together. A search's results come
     * in rounds: its RANKING_ROUND newest matches (by publication date, newest
     * id first among equal dates), best match first, then the next
     * RANKING_ROUND newest, best first, and so on to the oldest match.
     */
    public static final int RANKING_ROUND = 100;

    // Takes the matches of the rounds the page falls in (c: one round, or
    // two when the page crosses a round's end) from article_search, the
    // narrow table that holds each searchable article's vector, date, source
    // and language (V9), ranks them within their round, pages, then reads the
    // page's texts for their snippets (Snippet) and the query's lexemes.
    // Ranking every match made a common word cost as much as the store is
    // large (384 ms p50 at 100,000 articles); ranking in rounds lets the
    // planner walk article_search_published_idx newest first and stop at the
    // page's last round for a common word, or read the few matches of a rare
    // one from the GIN index (docs/query-plans.md), and still reaches every
    // match. Rounds of 100 rather than 200 halve what a first page of a
    // common word walks (BENCHMARKS.md, "Rounds of 100, snippets built by the
    // service"). Each row also carries how many matches its rounds held
    // (candidates): fewer than the rounds' length when a bound on the newest
    // months (NewestMonths) left some out. The tsquery is written
    // inline, not as a FROM item, so the planner estimates how many articles
    // it matches.
    private static final String SEARCH = """
            SELECT %1$s, hit.rank, left(a.cleaned_text, %4$d),
                   (SELECT string_agg(t.lexeme, ' ') FROM unnest(to_tsvector('english', CAST(:query AS text))) t),
                   hit.candidates
            FROM (SELECT c.id,
                         (row_number() OVER (ORDER BY c.published_at DESC, c.id DESC) - 1) / %3$d AS round,
                         ts_rank_cd(c.search_vector, websearch_to_tsquery('english', :query)) AS rank,
                         count(*) OVER () AS candidates
                  FROM (SELECT s.article_id AS id, s.published_at, s.search_vector
                        FROM article_search s
                        WHERE s.search_vector @@ websearch_to_tsquery('english', :query) AND %2$s
                        ORDER BY s.published_at DESC, s.article_id DESC
                        OFFSET :roundsStart LIMIT :roundsLength) c
                  ORDER BY round, rank DESC, c.id DESC
                  OFFSET :offsetInRounds LIMIT :limit) hit
            JOIN article a ON a.id = hit.id
            ORDER BY hit.round, hit.rank DESC, hit.id DESC
            """;

    /**
     * How many characters of an article's text its snippet is chosen from,
     * from the start: a longer article's snippet shows only words in them
     * (or its first words when none matches).
     */
    static final int SNIPPET_SOURCE_LENGTH = 20_000;

    /** How many top sources and top entities a search's facets name. */
    public static final int TOP_FACETS = 10;

    /**
     * How many matches a search's facets count: its newest, the order its
     * ranking rounds walk. The count is exact up to this many, a lower bound
     * beyond.
     */
    public static final int FACET_SAMPLE = 1_000;

    // The sample's matches (and one more, which tells whether there are more
    // than the sample), newest first as the ranking rounds take them: for a
    // common word the planner walks article_search_published_idx and stops
    // there, for a rare one it reads the GIN index, so the cost is bounded by
    // the sample, not by the store. Counting every match and joining all of
    // them to entity_article cost 347 ms p95 for a common word at 100,000
    // articles (BENCHMARKS.md, "After the fixes: search facets from a sample").
    // The sample is then counted three
    // ways in the same statement: all of it, by publisher, and by the global
    // entities its articles mention (entity_article, by article). One row
    // per count, told apart by the first column; the order of the rows is
    // the facets' order.
    private static final String FACETS = """
            WITH newest AS MATERIALIZED (
                SELECT s.article_id, s.source,
                       row_number() OVER (ORDER BY s.published_at DESC, s.article_id DESC) AS position
                FROM article_search s
                WHERE s.search_vector @@ websearch_to_tsquery('english', :query) AND %1$s
                ORDER BY s.published_at DESC, s.article_id DESC
                LIMIT :sample + 1),
            matches AS MATERIALIZED (
                SELECT n.article_id, n.source FROM newest n WHERE n.position <= :sample)
            SELECT 0 AS facet, count(*) AS articles, CAST(NULL AS text) AS source,
                   CAST(NULL AS bigint) AS entity_id, CAST(NULL AS text) AS name, CAST(NULL AS text) AS type
            FROM newest
            UNION ALL
            (SELECT 1, count(*), m.source, NULL, NULL, NULL
             FROM matches m
             GROUP BY m.source
             ORDER BY count(*) DESC, m.source
             LIMIT %2$d)
            UNION ALL
            (SELECT 2, top.articles, NULL, e.id, e.name, e.type
             FROM (SELECT ea.entity_id, count(*) AS articles
                   FROM matches m JOIN entity_article ea ON ea.article_id = m.article_id
                   GROUP BY ea.entity_id
                   ORDER BY count(*) DESC, ea.entity_id
                   LIMIT %2$d) top
             JOIN entity e ON e.id = top.entity_id)
            ORDER BY facet, articles DESC, source, entity_id
            """;

    private final PagedReads reads;
    private final NewestMonths newestMonths;

    ArticleQueries(PagedReads reads, NewestMonths newestMonths) {
        this.reads = reads;
        this.newestMonths = newestMonths;
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
        ArticleMetadata summary = new ArticleMetadata(article.id, article.title, article.source,
                article.url == null ? "" : article.url, article.publishedAt, article.language,
                article.status, article.storyId == null ? 0 : article.storyId,
                article.duplicateOf == null ? 0 : article.duplicateOf, article.author,
                article.canonicalUrl == null ? "" : article.canonicalUrl, article.publishedTimeEstimated,
                article.sourceId == null ? 0 : article.sourceId);
        return new ArticleDetails(summary, article.cleanedText, analysisOf(article), globalEntityIds,
                failureOf(article));
    }

    private static String failureOf(StoredArticle article) {
        if (article.status != ArticleState.FAILED) {
            return "";
        }
        String error = article.lastError == null ? "" : article.lastError;
        return article.failureReason == null ? error : article.failureReason + ": " + error;
    }

    /**
     * Articles matching web-search syntax and the filter, in rounds of the
     * {@link #RANKING_ROUND} newest matches not yet returned, each round best
     * match first, newest id first among equals.
     */
    public Page<SearchMatch> search(String query, ArticleFilter filter, int pageSize, String pageToken) {
        return search(query, filter, pageSize, pageToken, OptionalInt.empty()).page();
    }

    /**
     * As {@link #search(String, ArticleFilter, int, String)}, and with a
     * {@code facetSample} also the {@link SearchFacets} of that many of the
     * newest matches (a service passes {@link #FACET_SAMPLE}), in the same
     * transaction (so the count agrees with the pages) and one statement more.
     *
     * @param facetSample how many of the newest matches the facets count; empty for no facets
     */
    public SearchResult search(String query, ArticleFilter filter, int pageSize, String pageToken,
                               OptionalInt facetSample) {
        String text = RequestChecks.requiredText("query", query, MAX_QUERY_LENGTH);
        WhereClause where = restriction(filter, "s", "article_id");
        PageRequest page = reads.page(pageSize, pageToken, QueryFingerprint.of("SearchArticles", text,
                filter.entityId(), filter.source(), filter.language(), filter.range().fingerprint()));
        // A plan made for the words searched, pages priced for memory
        // (PlannerSettings.WORD_SEARCH); with the searches' statement_timeout,
        // in the same one statement.
        reads.underSearchLimit(PlannerSettings.WORD_SEARCH);
        // The rounds the page's rows (and the one after it, fetched to tell
        // whether there is a next page) fall in, as positions among the
        // matches newest first.
        long roundsStart = (long) page.offset() / RANKING_ROUND * RANKING_ROUND;
        long roundsEnd = ((long) page.offset() + page.fetchSize() + RANKING_ROUND - 1) / RANKING_ROUND * RANKING_ROUND;
        // The newest months first: the rounds are the newest matches, so when
        // the months hold all of the rounds' matches they are the answer.
        List<Optional<Instant>> bounds = newestMonths.bounds(filter.range());
        int tried = 0;
        List<Object[]> rows;
        while (true) {
            Optional<Instant> bound = bounds.get(tried);
            @SuppressWarnings("unchecked")
            List<Object[]> found = where.bind(reads.entityManager()
                            .createNativeQuery(searchStatement(withBound(where, bound))))
                    .setParameter("query", text)
                    .setParameter("roundsStart", roundsStart)
                    .setParameter("roundsLength", roundsEnd - roundsStart)
                    .setParameter("offsetInRounds", page.offset() - roundsStart)
                    .setParameter("limit", page.fetchSize())
                    .getResultList();
            rows = found;
            if (bound.isEmpty() || !rows.isEmpty()
                    && ((Number) rows.get(0)[ArticleMetadata.COLUMN_COUNT + 3]).longValue() >= roundsEnd - roundsStart) {
                break;
            }
            tried++;
        }
        Optional<SearchFacets> facets = facetSample.isPresent()
                ? Optional.of(facets(text, where, facetSample.getAsInt(), bounds.subList(tried, bounds.size())))
                : Optional.empty();
        if (rows.isEmpty()) {
            return new SearchResult(page.toPage(List.of()), facets);
        }
        // The query's lexemes (the same in every row); none for a query of stop words only.
        String lexemes = (String) rows.get(0)[ArticleMetadata.COLUMN_COUNT + 2];
        Snippet snippet = new Snippet(lexemes == null ? List.of() : List.of(lexemes.split(" ")));
        return new SearchResult(page.toPage(rows.stream()
                .map(row -> new SearchMatch(ArticleMetadata.fromRow(row, 0),
                        ((Number) row[ArticleMetadata.COLUMN_COUNT]).doubleValue(),
                        snippet.of((String) row[ArticleMetadata.COLUMN_COUNT + 1])))
                .toList()), facets);
    }

    /**
     * The statement of a page of a search: {@link #SEARCH} with {@code conditions} on the
     * matches ({@code article_search s}; {@code TRUE} for none); its parameters are the
     * conditions', {@code :query}, {@code :roundsStart}, {@code :roundsLength},
     * {@code :offsetInRounds} and {@code :limit}. Public for the query benchmark, which times
     * and explains it over plain JDBC.
     */
    public static String searchStatement(String conditions) {
        return SEARCH.formatted(ArticleMetadata.COLUMNS, conditions, RANKING_ROUND, SNIPPET_SOURCE_LENGTH);
    }

    /**
     * The facets of the {@code sample} newest matches, trying {@code bounds}
     * in turn (the last is no bound) until one holds more than the sample.
     */
    private SearchFacets facets(String text, WhereClause where, int sample, List<Optional<Instant>> bounds) {
        if (sample < 1) {
            throw new IllegalArgumentException("a facet sample must hold at least one match, not " + sample);
        }
        List<Object[]> rows = List.of();
        for (Optional<Instant> bound : bounds) {
            @SuppressWarnings("unchecked")
            List<Object[]> found = where.bind(reads.entityManager().createNativeQuery(
                            FACETS.formatted(withBound(where, bound), TOP_FACETS)))
                    .setParameter("query", text)
                    .setParameter("sample", sample)
                    .getResultList();
            rows = found;
            // The first row counts the matches read: the sample and one more when there are more.
            if (!rows.isEmpty() && ((Number) rows.get(0)[1]).longValue() > sample) {
                break;
            }
        }
        long total = 0;
        List<SearchFacets.SourceCount> sources = new ArrayList<>();
        List<SearchFacets.EntityCount> entities = new ArrayList<>();
        for (Object[] row : rows) {
            long articles = ((Number) row[1]).longValue();
            switch (((Number) row[0]).intValue()) {
                case 0 -> total = articles;
                case 1 -> sources.add(new SearchFacets.SourceCount((String) row[2], articles));
                default -> entities.add(new SearchFacets.EntityCount(EntityIdentity.fromRow(row, 3), articles));
            }
        }
        // The sample and one more were read: that one tells there are more than the sample.
        boolean moreThanSample = total > sample;
        return new SearchFacets(Math.min(total, sample), moreThanSample, sources, entities);
    }

    private static String withBound(WhereClause where, Optional<Instant> bound) {
        return bound.map(time -> where.sql() + " AND " + NewestMonths.atOrAfter("s.published_at", time))
                .orElse(where.sql());
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
        return Optional.of(StoredAnalysis.parse(article.id, article.analysis));
    }
}
