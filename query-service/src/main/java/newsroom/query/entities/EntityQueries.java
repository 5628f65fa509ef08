package newsroom.query.entities;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.List;
import newsroom.nlp.v1.Entity;
import newsroom.query.InvalidArgumentException;
import newsroom.query.NotFoundException;
import newsroom.query.RequestChecks;
import newsroom.query.paging.Page;
import newsroom.query.paging.PageRequest;
import newsroom.query.paging.QueryFingerprint;
import newsroom.store.NameKey;

/** Finds entities by name and reads their profiles. */
@ApplicationScoped
@Transactional
public class EntityQueries {

    /** The longest name query accepted, in characters. */
    public static final int MAX_QUERY_LENGTH = 200;

    // An entity matches when one of its name keys (the canonical name is among
    // the aliases) equals the query's key or has it at the start of a word:
    // "lav" and "lavrov" find "sergey lavrov". Keys hold only letters, digits
    // and single spaces, so a plain substring test is safe. Exact matches rank
    // first, then the most mentioned, then the oldest entity.
    private static final String SEARCH = """
            SELECT matched.entity_id
            FROM (SELECT al.entity_id, bool_or(al.alias_key = CAST(:key AS text)) AS exact
                  FROM entity_alias al JOIN entity e ON e.id = al.entity_id
                  WHERE strpos(' ' || al.alias_key, ' ' || CAST(:key AS text)) > 0 %s
                  GROUP BY al.entity_id) matched
            ORDER BY matched.exact DESC,
                     (SELECT count(*) FROM mention m WHERE m.entity_id = matched.entity_id) DESC,
                     matched.entity_id
            OFFSET :offset LIMIT :limit
            """;

    private final EntityManager entityManager;
    private final EntityProfiles profiles;

    EntityQueries(EntityManager entityManager, EntityProfiles profiles) {
        this.entityManager = entityManager;
        this.profiles = profiles;
    }

    /**
     * Entities whose canonical name or an alias matches {@code query}, case-
     * and accent-insensitively.
     *
     * @param type only entities of this type; {@code TYPE_UNSPECIFIED} means all
     */
    public Page<EntityProfile> search(String query, Entity.Type type, int pageSize, String pageToken) {
        String text = RequestChecks.requiredText("query", query, MAX_QUERY_LENGTH);
        String key = NameKey.of(text);
        if (key.isEmpty()) {
            throw new InvalidArgumentException("query", "must contain a letter or digit");
        }
        if (type == Entity.Type.UNRECOGNIZED) {
            throw new InvalidArgumentException("type", "is not a known entity type");
        }
        boolean anyType = type == Entity.Type.TYPE_UNSPECIFIED;
        PageRequest page = PageRequest.of(pageSize, pageToken,
                QueryFingerprint.of("SearchEntities", key, type.name()));
        Query search = entityManager.createNativeQuery(SEARCH.formatted(anyType ? "" : "AND e.type = :type"))
                .setParameter("key", key)
                .setParameter("offset", page.offset())
                .setParameter("limit", page.fetchSize());
        if (!anyType) {
            search.setParameter("type", type.name());
        }
        @SuppressWarnings("unchecked")
        List<Number> ids = search.getResultList();
        Page<Long> idPage = page.toPage(ids.stream().map(Number::longValue).toList());
        return new Page<>(profiles.load(idPage.items()), idPage.nextPageToken());
    }

    /** One entity's profile. */
    public EntityProfile get(long entityId) {
        RequestChecks.positiveId("entity_id", entityId);
        return profiles.load(List.of(entityId)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("entity", entityId));
    }
}
