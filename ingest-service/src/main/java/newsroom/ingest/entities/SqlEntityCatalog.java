package newsroom.ingest.entities;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * {@link EntityCatalog} on the {@code entity} and {@code entity_alias} tables.
 * Runs inside the caller's transaction; creation relies on the unique
 * (type, name_key) index so concurrent workers never create duplicates.
 */
@ApplicationScoped
public class SqlEntityCatalog implements EntityCatalog {

    // Each candidate's mentions are counted on mention_entity_idx, a probe per month's partition.
    private static final String SELECT_WITH_MENTIONS = """
            SELECT e.id, e.name, e.name_key,
                   (SELECT count(*) FROM mention m WHERE m.entity_id = e.id) AS mentions
            FROM entity e
            """;
    private static final String MOST_MENTIONED_FIRST = " ORDER BY mentions DESC, e.id";

    // A probe of entity_type_name_key.
    private static final String WITH_NAME_KEY = SELECT_WITH_MENTIONS + " WHERE e.type = :type AND e.name_key = :key";

    // Relies on entity_alias_key_idx for the aliases with the key, and finds their entities by id.
    private static final String KNOWN_AS = SELECT_WITH_MENTIONS + """
             WHERE e.type = :type
               AND EXISTS (SELECT 1 FROM entity_alias a WHERE a.entity_id = e.id AND a.alias_key = :key)
            """ + MOST_MENTIONED_FIRST;

    // A probe of entity_type_name_key per key.
    private static final String WITH_NAME_KEYS =
            SELECT_WITH_MENTIONS + " WHERE e.type = :type AND e.name_key IN (:keys)" + MOST_MENTIONED_FIRST;

    // SQL, not a persisted entity: the unique entity_type_name_key settles two workers creating
    // one entity at once (the later inserts nothing), and ID_OF then finds the one stored.
    private static final String CREATE = """
            INSERT INTO entity (name, type, name_key) VALUES (:name, :type, :key)
            ON CONFLICT (type, name_key) DO NOTHING""";
    private static final String ID_OF = "SELECT id FROM entity WHERE type = :type AND name_key = :key";

    // By id (entity_pkey), unless another entity has the new key (a probe of entity_type_name_key).
    private static final String RENAME_UNLESS_TAKEN = """
            UPDATE entity SET name = :name, name_key = :key
            WHERE id = :id
              AND NOT EXISTS (SELECT 1 FROM entity o WHERE o.type = :type AND o.name_key = :key)""";

    // Settled by entity_alias_pkey (entity_id, alias_key), as CREATE is by its key.
    private static final String ADD_ALIAS = """
            INSERT INTO entity_alias (entity_id, alias, alias_key) VALUES (:id, :alias, :key)
            ON CONFLICT DO NOTHING""";

    private final EntityManager entityManager;

    public SqlEntityCatalog(EntityManager entityManager) {
        this.entityManager = entityManager;
    }

    @Override
    public Optional<KnownEntity> withNameKey(String type, String nameKey) {
        return knownEntities(entityManager.createNativeQuery(WITH_NAME_KEY)
                .setParameter("type", type)
                .setParameter("key", nameKey)
                .getResultList()).stream().findFirst();
    }

    @Override
    public List<KnownEntity> knownAs(String type, String aliasKey) {
        return knownEntities(entityManager.createNativeQuery(KNOWN_AS)
                .setParameter("type", type)
                .setParameter("key", aliasKey)
                .getResultList());
    }

    @Override
    public List<KnownEntity> withNameKeys(String type, Collection<String> nameKeys) {
        return knownEntities(entityManager.createNativeQuery(WITH_NAME_KEYS)
                .setParameter("type", type)
                .setParameter("keys", nameKeys)
                .getResultList());
    }

    @Override
    public long createOrFind(String type, String name, String nameKey) {
        entityManager.createNativeQuery(CREATE)
                .setParameter("name", name)
                .setParameter("type", type)
                .setParameter("key", nameKey)
                .executeUpdate();
        return ((Number) entityManager.createNativeQuery(ID_OF)
                .setParameter("type", type)
                .setParameter("key", nameKey)
                .getSingleResult()).longValue();
    }

    // Two workers renaming two entities to one new key at the same moment: the
    // unique index fails one transaction, and its article is simply retried.
    @Override
    public void renameUnlessTaken(long entityId, String type, String name, String nameKey) {
        entityManager.createNativeQuery(RENAME_UNLESS_TAKEN)
                .setParameter("name", name)
                .setParameter("key", nameKey)
                .setParameter("id", entityId)
                .setParameter("type", type)
                .executeUpdate();
    }

    @Override
    public void addAlias(long entityId, String alias, String aliasKey) {
        entityManager.createNativeQuery(ADD_ALIAS)
                .setParameter("id", entityId)
                .setParameter("alias", alias)
                .setParameter("key", aliasKey)
                .executeUpdate();
    }

    private static List<KnownEntity> knownEntities(List<?> rows) {
        return rows.stream().map(row -> {
            Object[] columns = (Object[]) row;
            return new KnownEntity(((Number) columns[0]).longValue(), (String) columns[1], (String) columns[2],
                    ((Number) columns[3]).longValue());
        }).toList();
    }
}
