package newsroom.query.entities;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import newsroom.nlp.v1.Entity;
import newsroom.query.InvalidArgumentException;
import newsroom.query.NotFoundException;
import newsroom.query.PlannerSettings;
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
    // the aliases) equals the query's key, has it at the start of a word
    // ("lav" and "lavrov" find "sergey lavrov"), or is similar to it by
    // trigrams (pg_trgm's %%, similarity >= 0.3: "lavrof", "kureshi"). The
    // LIKE and %% conditions use the trigram index entity_alias_trgm_idx; the
    // word test then drops matches inside a word. Keys hold only letters,
    // digits and single spaces, so the key is safe inside a LIKE pattern.
    // The planner prices similarity() like any function and prefers reading
    // all aliases (a sequential scan, or for a long name a full scan of the
    // primary key), which computes similarity for each of them: 5 to 20 ms
    // for a few thousand aliases, against 0.4 to 1.5 ms for a bitmap scan of
    // the trigram index (docs/query-plans.md). So the search runs with only
    // bitmap scans allowed (ONLY_BITMAP_SCANS), and the defaults come back
    // for the profiles read after it (index-only scans of entity_article).
    // Exact matches rank first, then word matches, then similar ones; within
    // each, the most mentioned first (entity.mention_count, kept by
    // ArticleRollups), then the oldest entity.
    private static final String SEARCH = """
            SELECT matched.entity_id
            FROM (SELECT al.entity_id, bool_or(al.alias_key = CAST(:key AS text)) AS exact,
                         bool_or(strpos(' ' || al.alias_key, ' ' || CAST(:key AS text)) > 0) AS word,
                         bool_or(al.alias_key %% CAST(:key AS text)) AS similar
                  FROM entity_alias al JOIN entity e ON e.id = al.entity_id
                  WHERE (al.alias_key LIKE :pattern OR al.alias_key %% CAST(:key AS text)) %s
                  GROUP BY al.entity_id) matched
            JOIN entity e ON e.id = matched.entity_id
            WHERE matched.word OR matched.similar
            ORDER BY matched.exact DESC, matched.word DESC, e.mention_count DESC, matched.entity_id
            OFFSET :offset LIMIT :limit
            """;

    private static final Map<String, String> ONLY_BITMAP_SCANS = scans("off");
    private static final Map<String, String> ALL_SCANS = scans("on");

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
        Query search = entityManager.createNativeQuery(SEARCH.formatted(anyType ? "" : "AND e.type = :type"))
                .setParameter("key", key)
                .setParameter("pattern", "%" + key + "%")
                .setParameter("offset", page.offset())
                .setParameter("limit", page.fetchSize());
        if (!anyType) {
            search.setParameter("type", type.name());
        }
        PlannerSettings.setLocal(entityManager, ONLY_BITMAP_SCANS);
        @SuppressWarnings("unchecked")
        List<Number> ids = search.getResultList();
        PlannerSettings.setLocal(entityManager, ALL_SCANS);
        Page<Long> idPage = page.toPage(ids.stream().map(Number::longValue).toList());
        return new Page<>(profiles.load(idPage.items()), idPage.nextPageToken());
    }

    // The scans other than bitmap scans; all "on" by default in PostgreSQL.
    private static Map<String, String> scans(String value) {
        Map<String, String> settings = new LinkedHashMap<>();
        for (String scan : List.of("enable_seqscan", "enable_indexscan", "enable_indexonlyscan")) {
            settings.put(scan, value);
        }
        return settings;
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
