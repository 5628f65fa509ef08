package newsroom.query.entities;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import newsroom.query.InvalidArgumentException;
import newsroom.query.RequestChecks;
import newsroom.query.TimeRange;
import newsroom.query.WhereClause;
import newsroom.query.paging.PageRequest;
import newsroom.query.paging.QueryFingerprint;

/**
 * An entity's coverage per period: an index-only range scan of
 * entity_article_timeline_idx (entity, date, with mentions and tone
 * included), grouped by calendar period in UTC.
 */
@ApplicationScoped
@Transactional
public class TimelineQueries {

    /** The length of a timeline's periods, as PostgreSQL's date_trunc names them. */
    public enum Granularity {
        DAY("day"), WEEK("week"), MONTH("month");

        private final String unit;

        Granularity(String unit) {
            this.unit = unit;
        }
    }

    public static final int DEFAULT_BUCKETS = 100;
    public static final int MAX_BUCKETS = 1000;
    private static final int TONE_TREND_MONTHS = 12;

    private static final String BUCKETS = """
            SELECT date_trunc(CAST(:unit AS text), ea.published_at AT TIME ZONE 'UTC') AT TIME ZONE 'UTC' AS period,
                   sum(ea.mention_count), count(*), coalesce(avg(ea.tone), 0), count(ea.tone)
            FROM entity_article ea
            WHERE ea.entity_id = :id AND %s
            GROUP BY period
            ORDER BY period
            OFFSET :offset LIMIT :limit
            """;

    // The twelve calendar months up to the month of the last mention.
    private static final String SINCE_LAST_YEAR = """
            ea.published_at >= (SELECT date_trunc('month', max(last.published_at) AT TIME ZONE 'UTC')
                                       AT TIME ZONE 'UTC' - interval '%d months'
                                FROM entity_article last WHERE last.entity_id = :id)
            """.formatted(TONE_TREND_MONTHS - 1);

    private final EntityManager entityManager;
    private final EntityProfiles profiles;

    TimelineQueries(EntityManager entityManager, EntityProfiles profiles) {
        this.entityManager = entityManager;
        this.profiles = profiles;
    }

    /** A page of the periods in {@code range} in which the entity is mentioned, oldest first. */
    public Timeline timeline(long entityId, Granularity granularity, TimeRange range, int pageSize,
                             String pageToken) {
        RequestChecks.positiveId("entity_id", entityId);
        if (granularity == null) {
            throw new InvalidArgumentException("granularity", "must be DAY, WEEK or MONTH");
        }
        PageRequest page = PageRequest.of(pageSize, pageToken,
                QueryFingerprint.of("GetEntityTimeline", entityId, granularity, range.fingerprint()),
                DEFAULT_BUCKETS, MAX_BUCKETS);
        EntityRef entity = profiles.ref(entityId);
        WhereClause where = new WhereClause();
        range.restrict(where, "ea.published_at");
        return new Timeline(entity, page.toPage(buckets(entityId, granularity, where, page.offset(), page.fetchSize())));
    }

    /** Monthly buckets of the twelve months up to the entity's last mention. */
    List<TimelineBucket> toneTrend(long entityId) {
        return buckets(entityId, Granularity.MONTH, new WhereClause().add(SINCE_LAST_YEAR), 0, TONE_TREND_MONTHS);
    }

    private List<TimelineBucket> buckets(long entityId, Granularity granularity, WhereClause where, int offset,
                                         int limit) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = where.bind(entityManager.createNativeQuery(BUCKETS.formatted(where.sql())))
                .setParameter("unit", granularity.unit)
                .setParameter("id", entityId)
                .setParameter("offset", offset)
                .setParameter("limit", limit)
                .getResultList();
        return rows.stream().map(row -> new TimelineBucket((Instant) row[0], ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue(), ((Number) row[3]).doubleValue(), ((Number) row[4]).longValue()))
                .toList();
    }
}
