package newsroom.query;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The lower bounds, newest first, at which a list read newest first tries the
 * store before it reads all of it: the newest months that hold
 * {@code newsroom.query.newest-first.first-try-articles} searchable articles
 * (10,000 by default), those that hold {@code second-try-articles} (100,000),
 * then no bound.
 *
 * <p>Why: history is partitioned by publication month (V15). A statement with
 * no date bound is planned over every month's partitions (each with its date
 * and word indexes), and PostgreSQL plans searches afresh for their words at
 * each call (a generic plan cannot tell a common word from a rare one), so an
 * undated search paid the planning of every month on every call, and walking
 * the date index of every month for a rarely used word could pass the
 * statement timeout. With a bound known when planning, the planner reads the
 * newest months' partitions only. Rows newer than the bound come before every
 * row older than it in a list ordered newest first, so when the bounded
 * statement fills what the caller needs (a page, a ranking round, a sample),
 * those are exactly the rows the unbounded statement gives; otherwise the
 * caller tries the next, wider bound. Any bound gives the right rows; the
 * bounds only decide how much is read, so they are computed from the store
 * at most every {@code newest-first.refresh} (a minute) and may be that old.
 *
 * <p>The bounds count articles, not months, since what fills a page is
 * matches: a search's first ranking round needs 100 matches, which 10,000
 * articles hold for a word in 1% of them and 100,000 for a word in 0.1%; a page of quotes needs
 * about 20, which articles (several quotes each) hold sooner. Counted in
 * months, the same bounds fitted one store density and missed the others
 * (a month held 1,200 articles at 100,000 stored over seven years).
 */
@ApplicationScoped
public class NewestMonths {

    // The newest days that begin the first and the second try's searchable articles,
    // counted newest first (article_day, V17: a row per day; a few thousand rows for years).
    private static final String STARTS = """
            SELECT max(d.day) FILTER (WHERE d.newer >= :first), max(d.day) FILTER (WHERE d.newer >= :second)
            FROM (SELECT day, sum(article_count) OVER (ORDER BY day DESC) AS newer FROM article_day) d
            """;

    private final EntityManager entityManager;
    private final int firstTryArticles;
    private final int secondTryArticles;
    private final Duration refresh;
    private volatile Computed computed;

    NewestMonths(EntityManager entityManager,
                 @ConfigProperty(name = "newsroom.query.newest-first.first-try-articles") int firstTryArticles,
                 @ConfigProperty(name = "newsroom.query.newest-first.second-try-articles") int secondTryArticles,
                 @ConfigProperty(name = "newsroom.query.newest-first.refresh") Duration refresh) {
        if (firstTryArticles < 1 || secondTryArticles <= firstTryArticles) {
            throw new IllegalArgumentException("newsroom.query.newest-first: first-try-articles must be at least 1"
                    + " and second-try-articles more than it, not " + firstTryArticles + " and " + secondTryArticles);
        }
        this.entityManager = entityManager;
        this.firstTryArticles = firstTryArticles;
        this.secondTryArticles = secondTryArticles;
        this.refresh = refresh;
    }

    /** The month starts of the two tries, newest first (fewer in a small store), and when they were read. */
    private record Computed(List<Instant> starts, Instant at) {
    }

    /**
     * The bounds to try for a list in {@code range}, each a start time
     * (inclusive) or empty for no bound, which is always the last. Bounds at
     * or after the range's end are left out (nothing would be read), and so
     * are bounds at or before its start: the request's own bound already
     * holds the statement there.
     */
    public List<Optional<Instant>> bounds(TimeRange range) {
        Computed now = computed;
        if (now == null || !now.at().plus(refresh).isAfter(Instant.now())) {
            now = new Computed(readStarts(), Instant.now());
            computed = now;
        }
        return bounds(now.starts(), range);
    }

    static List<Optional<Instant>> bounds(List<Instant> starts, TimeRange range) {
        List<Optional<Instant>> bounds = new ArrayList<>();
        for (Instant start : starts) {
            if (range.start().isPresent() && !start.isAfter(range.start().get())) {
                break;
            }
            if (range.end().isEmpty() || start.isBefore(range.end().get())) {
                bounds.add(Optional.of(start));
            }
        }
        bounds.add(Optional.empty());
        return bounds;
    }

    /**
     * {@code column >= bound}, the bound written as a constant: PostgreSQL
     * prunes partitions by a constant when it plans, by a parameter only when
     * it runs a plan made for every month. The bound is one of
     * {@link #bounds}' month starts, never a client's text.
     */
    public static String atOrAfter(String column, Instant bound) {
        return column + " >= CAST('" + bound + "' AS timestamptz)";
    }

    // In a transaction of its own: callers are in theirs, some of them read-only with settings of their own.
    private List<Instant> readStarts() {
        Object[] days = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(STARTS)
                .setParameter("first", firstTryArticles)
                .setParameter("second", secondTryArticles)
                .getSingleResult());
        List<Instant> starts = new ArrayList<>();
        for (Object day : days) {
            LocalDate date = day instanceof java.sql.Date sqlDate ? sqlDate.toLocalDate() : (LocalDate) day;
            if (date == null) {
                break;
            }
            // From the start of the day's month: partitions are whole months, and an earlier bound reads no more of them.
            Instant start = date.withDayOfMonth(1).atStartOfDay(ZoneOffset.UTC).toInstant();
            if (starts.isEmpty() || start.isBefore(starts.get(starts.size() - 1))) {
                starts.add(start);
            }
        }
        return List.copyOf(starts);
    }
}
