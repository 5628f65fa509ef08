package newsroom.query.entities;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
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

    // The matching and ranking are the store's entity_search function (V8):
    // exact name keys first, then keys holding the query at the start of a
    // word, then keys similar to it by trigrams; within each the most
    // mentioned first. The function runs with only bitmap scans of the
    // trigram index allowed (the planner otherwise reads every alias, 5 to
    // 20 ms; docs/query-plans.md) while the profiles around it keep the
    // default settings, so a page is this one statement. Each entity found
    // is read by its key (OFFSET 0 keeps the lateral subquery a nested loop;
    // joined plainly, the planner hashed all entities, 0.4 ms against 0.05).
    private static final String SEARCH = """
            SELECT %s
            FROM entity_search(CAST(:key AS text), CAST(:type AS text), :offset, :limit)
                 WITH ORDINALITY AS found(entity_id, position)
            CROSS JOIN LATERAL (SELECT * FROM entity WHERE entity.id = found.entity_id OFFSET 0) e
            ORDER BY found.position
            """.formatted(EntityProfiles.COLUMNS);

    /** How many co-mentioned entities a profile lists. */
    public static final int TOP_CO_MENTIONS = 10;

    private final EntityManager entityManager;
    private final EntityProfiles profiles;

    private final CoMentionQueries coMentions;
    private final TimelineQueries timelines;

    EntityQueries(EntityManager entityManager, EntityProfiles profiles, CoMentionQueries coMentions,
                  TimelineQueries timelines) {
        this.entityManager = entityManager;
        this.profiles = profiles;
        this.coMentions = coMentions;
        this.timelines = timelines;
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
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(SEARCH)
                .setParameter("key", key)
                .setParameter("type", anyType ? null : type.name())
                .setParameter("offset", page.offset())
                .setParameter("limit", page.fetchSize())
                .getResultList();
        return page.toPage(rows.stream().map(EntityProfiles::fromRow).toList());
    }

    /** One entity's profile with its tone trend and top co-mentions. */
    public EntityDetails get(long entityId) {
        RequestChecks.positiveId("entity_id", entityId);
        EntityProfile profile = profiles.load(List.of(entityId)).stream().findFirst()
                .orElseThrow(() -> new NotFoundException("entity", entityId));
        return new EntityDetails(profile, timelines.toneTrend(entityId),
                coMentions.top(entityId, profile.articleCount(), TOP_CO_MENTIONS));
    }
}
