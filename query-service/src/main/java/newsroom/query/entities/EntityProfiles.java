package newsroom.query.entities;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import newsroom.nlp.v1.Entity;
import newsroom.query.NotFoundException;

/**
 * Builds entity profiles for a page of ids in two queries, whatever the
 * page's size: one aggregates counts and dates per entity with GROUP BY, one
 * reads the aliases. Also reads an entity's identity alone.
 */
@ApplicationScoped
@Transactional
public class EntityProfiles {

    // Counts and dates come from entity_article, one row per entity and
    // article: an index-only scan of entity_article_timeline_idx per entity.
    private static final String PROFILES = """
            SELECT e.id, e.name, e.type, coalesce(seen.mentions, 0), coalesce(seen.articles, 0),
                   seen.first_seen, seen.last_seen, coalesce(quotes.n, 0)
            FROM entity e
            LEFT JOIN (SELECT entity_id, sum(mention_count) AS mentions, count(*) AS articles,
                              min(published_at) AS first_seen, max(published_at) AS last_seen
                       FROM entity_article WHERE entity_id IN (:ids) GROUP BY entity_id) seen
                   ON seen.entity_id = e.id
            LEFT JOIN (SELECT speaker_entity_id, count(*) AS n
                       FROM quote WHERE speaker_entity_id IN (:ids) GROUP BY speaker_entity_id) quotes
                   ON quotes.speaker_entity_id = e.id
            WHERE e.id IN (:ids)
            """;

    // The canonical name is stored among the aliases too; the profile lists only the other forms.
    private static final String ALIASES = """
            SELECT al.entity_id, al.alias
            FROM entity_alias al JOIN entity e ON e.id = al.entity_id
            WHERE al.entity_id IN (:ids) AND al.alias_key <> e.name_key
            ORDER BY al.entity_id, al.alias
            """;

    private final EntityManager entityManager;

    EntityProfiles(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The profiles of the entities that exist among {@code ids}, in the order of {@code ids}. */
    public List<EntityProfile> load(List<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<Long, List<String>> aliases = new HashMap<>();
        for (Object[] row : rows(ALIASES, ids)) {
            aliases.computeIfAbsent(((Number) row[0]).longValue(), id -> new ArrayList<>()).add((String) row[1]);
        }
        Map<Long, EntityProfile> profiles = new HashMap<>();
        for (Object[] row : rows(PROFILES, ids)) {
            long id = ((Number) row[0]).longValue();
            profiles.put(id, new EntityProfile(id, (String) row[1], typeOf((String) row[2]),
                    aliases.getOrDefault(id, List.of()),
                    ((Number) row[3]).longValue(), ((Number) row[4]).longValue(),
                    Optional.ofNullable((Instant) row[5]), Optional.ofNullable((Instant) row[6]),
                    ((Number) row[7]).longValue()));
        }
        return ids.stream().map(profiles::get).filter(profile -> profile != null).toList();
    }

    /** The entity's id, name and type. */
    public EntityRef ref(long entityId) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("SELECT id, name, type FROM entity WHERE id = :id")
                .setParameter("id", entityId).getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundException("entity", entityId);
        }
        return EntityRef.fromRow(rows.get(0), 0);
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, List<Long> ids) {
        return entityManager.createNativeQuery(sql).setParameter("ids", ids).getResultList();
    }

    // A type name the contract does not know (written by a newer ingest) reads as unspecified.
    static Entity.Type typeOf(String stored) {
        try {
            Entity.Type type = Entity.Type.valueOf(stored);
            return type == Entity.Type.UNRECOGNIZED ? Entity.Type.TYPE_UNSPECIFIED : type;
        } catch (IllegalArgumentException e) {
            return Entity.Type.TYPE_UNSPECIFIED;
        }
    }
}
