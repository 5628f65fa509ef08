package newsroom.query.export;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import newsroom.query.CallClass;
import newsroom.query.StatementTimeouts;
import newsroom.query.WhereClause;
import newsroom.query.articles.ArticleFilter;
import newsroom.query.articles.ArticleMetadata;
import newsroom.query.articles.ArticleQueries;
import newsroom.query.articles.StoredAnalysis;

/**
 * Reads analysed articles for export in batches by ascending id: each batch is
 * two queries (articles, then their entity links), whatever its size, and the
 * next batch starts after the last id, so an export of any size holds one
 * batch in memory.
 */
@ApplicationScoped
@Transactional
public class AnalysisExport {

    /** Articles read per batch. */
    public static final int BATCH_SIZE = 100;

    private static final String BATCH = """
            SELECT %s, a.analysis FROM article a
            WHERE a.status = 'ANALYZED' AND a.analysis IS NOT NULL AND a.id > :after AND %s
            ORDER BY a.id
            LIMIT :limit
            """;

    private static final String LINKS = """
            SELECT article_id, local_entity_id, entity_id FROM article_entity WHERE article_id IN (:ids)
            """;

    private final EntityManager entityManager;
    private final StatementTimeouts timeouts;

    AnalysisExport(EntityManager entityManager, StatementTimeouts timeouts) {
        this.entityManager = entityManager;
        this.timeouts = timeouts;
    }

    /** Checks the filter before anything is streamed, so a bad one fails the call at once. */
    public void check(ArticleFilter filter) {
        ArticleQueries.restriction(filter);
    }

    /** The next batch of matching articles with ids above {@code afterId}; empty at the end. */
    public List<ExportedArticle> batch(ArticleFilter filter, long afterId) {
        WhereClause where = ArticleQueries.restriction(filter);
        timeouts.setLocal(entityManager, CallClass.EXPORT);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = where.bind(entityManager.createNativeQuery(
                        BATCH.formatted(ArticleMetadata.COLUMNS, where.sql())))
                .setParameter("after", afterId)
                .setParameter("limit", BATCH_SIZE)
                .getResultList();
        if (rows.isEmpty()) {
            return List.of();
        }
        List<Long> ids = rows.stream().map(row -> ((Number) row[0]).longValue()).toList();
        Map<Long, Map<String, Long>> links = new HashMap<>();
        @SuppressWarnings("unchecked")
        List<Object[]> linkRows = entityManager.createNativeQuery(LINKS).setParameter("ids", ids).getResultList();
        for (Object[] link : linkRows) {
            links.computeIfAbsent(((Number) link[0]).longValue(), id -> new HashMap<>())
                    .put((String) link[1], ((Number) link[2]).longValue());
        }
        List<ExportedArticle> batch = new ArrayList<>();
        for (Object[] row : rows) {
            ArticleMetadata summary = ArticleMetadata.fromRow(row, 0);
            batch.add(new ExportedArticle(summary,
                    StoredAnalysis.parse(summary.id(), (byte[]) row[ArticleMetadata.COLUMN_COUNT]),
                    links.getOrDefault(summary.id(), Map.of())));
        }
        return batch;
    }
}
