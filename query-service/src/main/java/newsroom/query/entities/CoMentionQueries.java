package newsroom.query.entities;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.util.List;
import newsroom.query.NotFoundException;
import newsroom.query.RequestChecks;
import newsroom.query.paging.PageRequest;
import newsroom.query.paging.PageTokens;
import newsroom.query.paging.QueryFingerprint;

/**
 * Who is mentioned with whom, read from entity_pair (kept by ArticleRollups
 * as analyses are written), so an entity's co-mentions are one index range of
 * entity_pair_top_idx whatever its coverage.
 */
@ApplicationScoped
@Transactional
public class CoMentionQueries {

    // CO_MENTIONS and ENTITY are public for the query benchmark, which times
    // and explains them over plain JDBC.
    public static final String CO_MENTIONS = """
            SELECT e.id, e.name, e.type, p.article_count
            FROM entity_pair p JOIN entity e ON e.id = p.other_id
            WHERE p.entity_id = :id AND p.article_count > 0
            ORDER BY p.article_count DESC, p.other_id
            OFFSET :offset LIMIT :limit
            """;

    // The entity and its number of articles (the weights' denominator, kept by ArticleRollups).
    public static final String ENTITY = """
            SELECT e.id, e.name, e.type, e.article_count
            FROM entity e WHERE e.id = :id
            """;

    private final EntityManager entityManager;
    private final PageTokens pageTokens;

    CoMentionQueries(EntityManager entityManager, PageTokens pageTokens) {
        this.entityManager = entityManager;
        this.pageTokens = pageTokens;
    }

    /** A page of the entities mentioned with {@code entityId}, most shared articles first. */
    public CoMentions list(long entityId, int pageSize, String pageToken) {
        RequestChecks.positiveId("entity_id", entityId);
        PageRequest page = pageTokens.request(pageSize, pageToken, QueryFingerprint.of("GetCoMentions", entityId));
        @SuppressWarnings("unchecked")
        List<Object[]> found = entityManager.createNativeQuery(ENTITY).setParameter("id", entityId).getResultList();
        if (found.isEmpty()) {
            throw new NotFoundException("entity", entityId);
        }
        EntityRef entity = EntityRef.fromRow(found.get(0), 0);
        long articles = ((Number) found.get(0)[3]).longValue();
        return new CoMentions(entity, articles, page.toPage(rows(entityId, articles, page.offset(), page.fetchSize())));
    }

    /**
     * The first {@code limit} co-mentions of the entity {@code :id} as one
     * SELECT of (id, name, type, shared articles) rows, for a statement that
     * reads them with the profile (EntityQueries).
     */
    static String top(int limit) {
        return CO_MENTIONS.replace("OFFSET :offset LIMIT :limit", "LIMIT " + limit);
    }

    /** A co-mention of an entity mentioned in {@code articles} articles. */
    static CoMention of(EntityRef other, long shared, long articles) {
        return new CoMention(other, shared, articles == 0 ? 0 : (double) shared / articles);
    }

    private List<CoMention> rows(long entityId, long articles, int offset, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(CO_MENTIONS)
                .setParameter("id", entityId)
                .setParameter("offset", offset)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(row -> of(EntityRef.fromRow(row, 0), ((Number) row[3]).longValue(), articles)).toList();
    }
}
