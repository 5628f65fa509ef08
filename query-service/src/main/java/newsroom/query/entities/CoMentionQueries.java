package newsroom.query.entities;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import newsroom.query.PagedReads;
import newsroom.query.RequestChecks;
import newsroom.query.paging.PageRequest;
import newsroom.query.paging.QueryFingerprint;
import newsroom.store.StoredEntity;

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

    private final PagedReads reads;
    private final EntityProfiles profiles;

    CoMentionQueries(PagedReads reads, EntityProfiles profiles) {
        this.reads = reads;
        this.profiles = profiles;
    }

    /** A page of the entities mentioned with {@code entityId}, most shared articles first. */
    public CoMentions list(long entityId, int pageSize, String pageToken) {
        RequestChecks.positiveId("entity_id", entityId);
        PageRequest page = reads.page(pageSize, pageToken,
                QueryFingerprint.of("GetCoMentions", entityId));
        // The entity's number of articles is the weights' denominator (kept by ArticleRollups).
        StoredEntity stored = profiles.stored(entityId);
        EntityIdentity entity = EntityIdentity.stored(stored.id, stored.name, stored.type);
        return new CoMentions(entity, stored.articleCount,
                page.toPage(rows(entityId, stored.articleCount, page.offset(), page.fetchSize())));
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
    static CoMentionedEntity of(EntityIdentity other, long shared, long articles) {
        return new CoMentionedEntity(other, shared, articles == 0 ? 0 : (double) shared / articles);
    }

    private List<CoMentionedEntity> rows(long entityId, long articles, int offset, int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = reads.entityManager().createNativeQuery(CO_MENTIONS)
                .setParameter("id", entityId)
                .setParameter("offset", offset)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream()
                .map(row -> of(EntityIdentity.fromRow(row, 0), ((Number) row[3]).longValue(), articles))
                .toList();
    }
}
