package newsroom.query.entities;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import newsroom.query.InvalidArgumentException;
import newsroom.query.PagedReads;
import newsroom.query.RequestChecks;
import newsroom.query.TimeRange;
import newsroom.query.WhereClause;
import newsroom.query.paging.PageRequest;
import newsroom.query.paging.QueryFingerprint;

/**
 * An entity's coverage per period, summed from its entity_day rows (one per
 * UTC day it was mentioned on, kept by ArticleRollups), so a timeline costs
 * as many rows as the entity has days, not articles. Where a requested range
 * starts or ends inside a day, that day's part is read from entity_article.
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

        /** The unit's name, the value of a timeline statement's {@code :unit}. */
        public String unit() {
            return unit;
        }
    }

    public static final int DEFAULT_BUCKETS = 100;
    public static final int MAX_BUCKETS = 1000;
    private static final int TONE_TREND_MONTHS = 12;

    // Days are UTC dates; weeks start on Monday, as date_trunc has them.
    private static final String BUCKETS = """
            SELECT date_trunc(CAST(:unit AS text), CAST(days.day AS timestamp)) AT TIME ZONE 'UTC' AS period,
                   sum(days.mention_count), sum(days.article_count),
                   coalesce(sum(days.tone_sum) / nullif(sum(days.tone_count), 0), 0), sum(days.tone_count)
            FROM (%s) days
            GROUP BY period
            ORDER BY period
            OFFSET :offset LIMIT :limit
            """;

    // Each bucket with the count of all articles of its period (within the
    // requested range), as searches see them: article_search holds every
    // article that left the analysis queue. The range's whole days are summed
    // from article_day (V17: one row per UTC day, at most 31 a bucket, so a
    // timeline never counts articles); the parts of a day at the range's ends
    // are counted from article_search_published_idx, two days at most. One
    // statement for all the buckets; each sums only its own period. Periods
    // end a calendar unit after they start, computed on UTC wall-clock time
    // so that a month is a calendar month whatever the session's time zone.
    private static final String BUCKETS_WITH_ALL_ARTICLES = """
            SELECT b.*,
                   (SELECT coalesce(sum(ad.article_count), 0) FROM article_day ad
                    WHERE ad.day >= CAST(b.period AT TIME ZONE 'UTC' AS date)
                      AND ad.day < CAST(b.period AT TIME ZONE 'UTC' + CAST('1 ' || :unit AS interval) AS date)
                      AND %s)
                   + %s
            FROM (%s) b
            ORDER BY b.period
            """;

    // The articles of a bucket's period in the parts of days at the range's ends.
    private static final String ARTICLES_IN_PARTS_OF_DAYS = """
            (SELECT count(*) FROM article_search s
                    WHERE s.published_at >= b.period
                      AND s.published_at < (b.period AT TIME ZONE 'UTC' + CAST('1 ' || :unit AS interval))
                                           AT TIME ZONE 'UTC'
                      AND (%s))""";

    private static final String WHOLE_DAYS = """
            SELECT d.day, d.mention_count, d.article_count, d.tone_sum, d.tone_count
            FROM entity_day d
            WHERE d.entity_id = :id AND %s""";

    // Parts of days, each article as a day of its own (summed into its period like the days).
    private static final String PART_OF_DAY = """
            SELECT CAST(ea.published_at AT TIME ZONE 'UTC' AS date) AS day, ea.mention_count, 1 AS article_count,
                   coalesce(ea.tone, 0) AS tone_sum, CASE WHEN ea.tone IS NULL THEN 0 ELSE 1 END AS tone_count
            FROM entity_article ea
            WHERE ea.entity_id = :id AND %s""";

    // The twelve calendar months up to the month of the last day mentioned.
    private static final String SINCE_LAST_YEAR = """
            d.day >= (SELECT CAST(date_trunc('month', CAST(max(last.day) AS timestamp))
                                  - interval '%d months' AS date)
                      FROM entity_day last WHERE last.entity_id = :id)
            """.formatted(TONE_TREND_MONTHS - 1);

    private final PagedReads reads;
    private final EntityProfiles profiles;

    TimelineQueries(PagedReads reads, EntityProfiles profiles) {
        this.reads = reads;
        this.profiles = profiles;
    }

    /** A page of the periods in {@code range} in which the entity is mentioned, oldest first. */
    public Timeline timeline(long entityId, Granularity granularity, TimeRange range, int pageSize,
                             String pageToken) {
        RequestChecks.positiveId("entity_id", entityId);
        if (granularity == null) {
            throw new InvalidArgumentException("granularity", "must be DAY, WEEK or MONTH");
        }
        PageRequest page = reads.page(pageSize, pageToken,
                QueryFingerprint.of("GetEntityTimeline", entityId, granularity, range.fingerprint()),
                DEFAULT_BUCKETS, MAX_BUCKETS);
        reads.underSearchLimit();
        EntityIdentity entity = profiles.ref(entityId);
        Statement statement = statement(range);
        Query query = reads.entityManager().createNativeQuery(statement.sql());
        statement.parameters().forEach(query::setParameter);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = query
                .setParameter("unit", granularity.unit)
                .setParameter("id", entityId)
                .setParameter("offset", page.offset())
                .setParameter("limit", page.fetchSize())
                .getResultList();
        return new Timeline(entity, page.toPage(rows.stream().map(row -> new TimelinePeriod((Instant) row[0],
                ((Number) row[1]).longValue(), ((Number) row[2]).longValue(), ((Number) row[3]).doubleValue(),
                ((Number) row[4]).longValue(), ((Number) row[5]).longValue())).toList()));
    }

    /**
     * A timeline's statement.
     *
     * @param sql        its parameters are {@code :unit} (a {@link Granularity#unit()}), {@code :id} (the entity),
     *                   {@code :offset}, {@code :limit} (buckets) and those of {@code parameters}
     * @param parameters the range's bounds, by name
     */
    public record Statement(String sql, Map<String, Object> parameters) {
    }

    /**
     * The statement of a timeline of {@code range}, which {@link #timeline} runs; public for the
     * query benchmark, which times and explains it over plain JDBC.
     */
    public static Statement statement(TimeRange range) {
        DaySplit split = DaySplit.of(range);
        Map<String, Object> parameters = new LinkedHashMap<>();
        List<String> days = new ArrayList<>();
        split.wholeDays().ifPresent(whole -> {
            WhereClause where = new WhereClause();
            whole.from().ifPresent(day -> where.add("d.day >= :dayFrom", "dayFrom", day));
            whole.to().ifPresent(day -> where.add("d.day < :dayTo", "dayTo", day));
            days.add(WHOLE_DAYS.formatted(where.sql()));
            parameters.putAll(where.parameters());
        });
        for (int i = 0; i < split.parts().size(); i++) {
            TimeRange part = split.parts().get(i);
            WhereClause where = new WhereClause();
            String start = "partStart" + i;
            String end = "partEnd" + i;
            part.start().ifPresent(time -> where.add("ea.published_at >= :" + start, start, time));
            part.end().ifPresent(time -> where.add("ea.published_at < :" + end, end, time));
            days.add(PART_OF_DAY.formatted(where.sql()));
            parameters.putAll(where.parameters());
        }
        WhereClause wholeDays = new WhereClause();
        split.wholeDays().ifPresentOrElse(whole -> {
            whole.from().ifPresent(day -> wholeDays.add("ad.day >= :allFrom", "allFrom", day));
            whole.to().ifPresent(day -> wholeDays.add("ad.day < :allTo", "allTo", day));
        }, () -> wholeDays.add("FALSE"));
        parameters.putAll(wholeDays.parameters());
        List<String> parts = new ArrayList<>();
        for (int i = 0; i < split.parts().size(); i++) {
            TimeRange part = split.parts().get(i);
            List<String> bounds = new ArrayList<>();
            String start = "allPartStart" + i;
            String end = "allPartEnd" + i;
            part.start().ifPresent(time -> {
                bounds.add("s.published_at >= :" + start);
                parameters.put(start, time);
            });
            part.end().ifPresent(time -> {
                bounds.add("s.published_at < :" + end);
                parameters.put(end, time);
            });
            parts.add(bounds.isEmpty() ? "TRUE" : "(" + String.join(" AND ", bounds) + ")");
        }
        String articlesInParts = parts.isEmpty() ? "0"
                : ARTICLES_IN_PARTS_OF_DAYS.formatted(String.join(" OR ", parts));
        String sql = BUCKETS_WITH_ALL_ARTICLES.formatted(wholeDays.sql(), articlesInParts,
                BUCKETS.formatted(String.join("\nUNION ALL\n", days)));
        return new Statement(sql, Map.copyOf(parameters));
    }

    /**
     * The tone trend, monthly buckets of the twelve months up to the entity's
     * last mention, as one SELECT of bucket rows (period, mentions, articles,
     * average tone, toned articles) for the entity {@code :id}, for a
     * statement that reads it with the profile (EntityQueries); that
     * statement binds {@link #TONE_TREND_PARAMETERS}. Public, with its
     * parameters, for the query benchmark.
     */
    public static final String TONE_TREND = BUCKETS.formatted(WHOLE_DAYS.formatted(SINCE_LAST_YEAR));

    /** The parameters of {@link #TONE_TREND} other than {@code :id}. */
    public static final Map<String, Object> TONE_TREND_PARAMETERS = Map.of(
            "unit", Granularity.MONTH.unit, "offset", 0, "limit", TONE_TREND_MONTHS);
}
