package newsroom.query.entities;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import newsroom.nlp.v1.Entity;
import newsroom.query.NotFoundException;
import newsroom.store.StoredEntity;

/**
 * What an entity profile is made of, as columns that SearchEntities and
 * GetEntity read in their one statement each (so a page of profiles costs
 * no statement per entity). Also reads an entity by its id, the one place
 * query-service does: the mapped row, {@link StoredEntity}.
 */
@ApplicationScoped
@Transactional
public class EntityProfiles {

    // Each figure is read where it costs least whatever the entity's
    // coverage: mentions, articles and quotes from the entity's own row
    // (entity.mention_count, article_count, quote_count, kept by
    // ArticleRollups), first and last seen from the two ends of
    // entity_article_timeline_idx (min and max become one-row index scans).
    // The canonical name is stored among the aliases too; the profile lists
    // only the other forms. The columns are read from "entity e", in the
    // order fromRow reads them. Public for the query benchmark, which times
    // the profile as the service reads it.
    public static final String COLUMNS = """
            e.id, e.name, e.type, e.mention_count, e.article_count,
                   (SELECT min(ea.published_at) FROM entity_article ea WHERE ea.entity_id = e.id),
                   (SELECT max(ea.published_at) FROM entity_article ea WHERE ea.entity_id = e.id),
                   e.quote_count,
                   (SELECT array_agg(al.alias ORDER BY al.alias) FROM entity_alias al
                    WHERE al.entity_id = e.id AND al.alias_key <> e.name_key)""";

    /** How many columns {@link #COLUMNS} holds. */
    static final int COLUMN_COUNT = 9;

    private final EntityManager entityManager;

    EntityProfiles(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    /** The profile in a row of {@link #COLUMNS}. */
    static EntityProfile fromRow(Object[] row) {
        return new EntityProfile(((Number) row[0]).longValue(), (String) row[1], typeOf((String) row[2]),
                strings(row[8]), ((Number) row[3]).longValue(), ((Number) row[4]).longValue(),
                Optional.ofNullable((Instant) row[5]), Optional.ofNullable((Instant) row[6]),
                ((Number) row[7]).longValue());
    }

    /**
     * The entity's id, name and type; in the caller's transaction, or in none (a lone statement
     * needs none).
     */
    @Transactional(TxType.SUPPORTS)
    public EntityIdentity ref(long entityId) {
        StoredEntity entity = stored(entityId);
        return EntityIdentity.stored(entity.id, entity.name, entity.type);
    }

    /** The entity's row, by its primary key (entity_pkey). */
    StoredEntity stored(long entityId) {
        StoredEntity entity = entityManager.find(StoredEntity.class, entityId);
        if (entity == null) {
            throw new NotFoundException("entity", entityId);
        }
        return entity;
    }

    // A text[] column: null when there is no row to aggregate.
    private static List<String> strings(Object array) {
        return Arrays.stream(SqlArray.values(array)).map(String.class::cast).toList();
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
