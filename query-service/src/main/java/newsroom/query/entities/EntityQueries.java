package newsroom.query.entities;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import newsroom.nlp.v1.Entity;
import newsroom.query.InvalidArgumentException;
import newsroom.query.NotFoundException;
import newsroom.query.PagedReads;
import newsroom.query.RequestChecks;
import newsroom.query.StatementTimeouts;
import newsroom.query.paging.Page;
import newsroom.query.paging.PageRequest;
import newsroom.query.paging.QueryFingerprint;
import newsroom.store.NameKey;

/**
 * Finds entities by name and reads their profiles.
 *
 * <p>Each call is one statement. GetEntity's runs without a transaction:
 * PostgreSQL gives a lone statement its own snapshot, and a transaction
 * around it cost a COMMIT round trip and the transaction manager's work on
 * every call (about a fifth of GetEntity's CPU; BENCHMARKS.md, "Calls in arrival
 * order, one-statement reads without a transaction"); it
 * has the lookups' statement_timeout, every connection's default. A search
 * runs in a transaction of its own that raises it to the searches' limit
 * ({@link StatementTimeouts}).
 */
@ApplicationScoped
public class EntityQueries {

    /** The longest name query accepted, in characters. */
    public static final int MAX_QUERY_LENGTH = 200;

    // The matching and ranking are the store's entity_search function (V7):
    // exact name keys first, then keys holding the query at the start of a
    // word, then keys similar to it by trigrams; within each the most
    // mentioned first. The function runs with only bitmap scans of the
    // trigram index allowed (the planner otherwise reads every alias, 5 to
    // 20 ms; docs/query-plans.md) while the profiles around it keep the
    // default settings, so a page is this one statement. Each entity found
    // is read by its key (OFFSET 0 keeps the lateral subquery a nested loop;
    // joined plainly, the planner hashed all entities, 0.4 ms against 0.05).
    // Public, as are DETAILS and the other query classes' statements, for
    // the query benchmark, which times and explains them over plain JDBC.
    public static final String SEARCH = """
            SELECT %s
            FROM entity_search(CAST(:key AS text), CAST(:type AS text), :offset, :limit)
                 WITH ORDINALITY AS found(entity_id, position)
            CROSS JOIN LATERAL (SELECT * FROM entity WHERE entity.id = found.entity_id OFFSET 0) e
            ORDER BY found.position
            """.formatted(EntityProfiles.COLUMNS);

    /** How many co-mentioned entities a profile lists. */
    public static final int TOP_CO_MENTIONS = 10;

    // GetEntity in one statement: the profile, its tone trend and its top
    // co-mentions, each list as arrays in list order (three statements
    // before; each costs a round trip and its share of CPU in the service and
    // PostgreSQL, which queueing for 2 cores multiplies; BENCHMARKS.md).
    // Array elements are cast to types Hibernate reads as arrays (bigint,
    // double precision, text); periods are epoch seconds (a timestamptz[]
    // comes back as a serialized object Hibernate cannot read).
    public static final String DETAILS = """
            SELECT %1$s,
                   trend.periods, trend.mentions, trend.articles, trend.tones, trend.toned,
                   top.ids, top.names, top.types, top.shared
            FROM entity e
            CROSS JOIN LATERAL (
                SELECT array_agg(CAST(extract(epoch FROM b.period) AS bigint) ORDER BY b.period) AS periods,
                       array_agg(CAST(b.mentions AS bigint) ORDER BY b.period) AS mentions,
                       array_agg(CAST(b.articles AS bigint) ORDER BY b.period) AS articles,
                       array_agg(CAST(b.tone AS double precision) ORDER BY b.period) AS tones,
                       array_agg(CAST(b.toned AS bigint) ORDER BY b.period) AS toned
                FROM (%2$s) AS b(period, mentions, articles, tone, toned)) trend
            CROSS JOIN LATERAL (
                SELECT array_agg(CAST(c.id AS bigint) ORDER BY c.shared DESC, c.id) AS ids,
                       array_agg(CAST(c.name AS text) ORDER BY c.shared DESC, c.id) AS names,
                       array_agg(CAST(c.type AS text) ORDER BY c.shared DESC, c.id) AS types,
                       array_agg(CAST(c.shared AS bigint) ORDER BY c.shared DESC, c.id) AS shared
                FROM (%3$s) AS c(id, name, type, shared)) top
            WHERE e.id = :id
            """.formatted(EntityProfiles.COLUMNS, TimelineQueries.TONE_TREND, CoMentionQueries.top(TOP_CO_MENTIONS));

    private final PagedReads reads;

    EntityQueries(PagedReads reads) {
        this.reads = reads;
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
        PageRequest page = reads.page(pageSize, pageToken,
                QueryFingerprint.of("SearchEntities", key, type.name()));
        List<Object[]> rows = QuarkusTransaction.requiringNew().call(() -> {
            reads.underSearchLimit();
            @SuppressWarnings("unchecked")
            List<Object[]> found = reads.entityManager().createNativeQuery(SEARCH)
                    .setParameter("key", key)
                    .setParameter("type", anyType ? null : type.name())
                    .setParameter("offset", page.offset())
                    .setParameter("limit", page.fetchSize())
                    .getResultList();
            return found;
        });
        return page.toPage(rows.stream().map(EntityProfiles::fromRow).toList());
    }

    /** One entity's profile with its tone trend and top co-mentions. */
    public EntityDetails get(long entityId) {
        RequestChecks.positiveId("entity_id", entityId);
        Query details = reads.entityManager().createNativeQuery(DETAILS).setParameter("id", entityId);
        TimelineQueries.TONE_TREND_PARAMETERS.forEach(details::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = details.getResultList();
        if (rows.isEmpty()) {
            throw new NotFoundException("entity", entityId);
        }
        Object[] row = rows.get(0);
        EntityProfile profile = EntityProfiles.fromRow(row);
        int at = EntityProfiles.COLUMN_COUNT;
        Object[] periods = SqlArray.values(row[at]);
        Object[] mentions = SqlArray.values(row[at + 1]);
        Object[] articles = SqlArray.values(row[at + 2]);
        Object[] tones = SqlArray.values(row[at + 3]);
        Object[] toned = SqlArray.values(row[at + 4]);
        List<TimelinePeriod> trend = new ArrayList<>(periods.length);
        for (int i = 0; i < periods.length; i++) {
            trend.add(new TimelinePeriod(Instant.ofEpochSecond(((Number) periods[i]).longValue()),
                    ((Number) mentions[i]).longValue(), ((Number) articles[i]).longValue(),
                    ((Number) tones[i]).doubleValue(), ((Number) toned[i]).longValue(), 0));
        }
        List<EntityIdentity> others = EntityIdentity.fromArrays(row, at + 5);
        Object[] shared = SqlArray.values(row[at + 8]);
        List<CoMentionedEntity> top = new ArrayList<>(others.size());
        for (int i = 0; i < others.size(); i++) {
            top.add(CoMentionQueries.of(others.get(i), ((Number) shared[i]).longValue(), profile.articleCount()));
        }
        return new EntityDetails(profile, trend, top);
    }
}
