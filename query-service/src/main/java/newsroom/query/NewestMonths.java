package newsroom.query;

import jakarta.persistence.EntityManager;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The lower bounds, newest first, at which a list read newest first tries the
 * store before it reads all of it: the newest month, the newest three, the
 * newest twelve, then no bound.
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
 * caller tries the next, wider bound.
 */
public final class NewestMonths {

    /** How many newest months each try reads, after the first month. */
    private static final int[] MONTHS_BEFORE_NEWEST = {0, 2, 11};

    // The newest day with a searchable article (article_day, V17: a row per day, its primary key).
    private static final String NEWEST_DAY = "SELECT max(day) FROM article_day";

    private NewestMonths() {
    }

    /**
     * The bounds to try, each a start time (inclusive) or empty for no bound,
     * which is always the last. The months counted end at the request's
     * range's end where that is older than {@code newest}; bounds at or before
     * the range's start are left out: the request's own bound already holds
     * the statement there.
     *
     * @param newest the newest time the list can hold (its first row at most); empty when unknown
     * @param range  the request's own range
     */
    public static List<Optional<Instant>> bounds(Optional<Instant> newest, TimeRange range) {
        List<Optional<Instant>> bounds = new ArrayList<>();
        Optional<Instant> rangeStart = range.start();
        Optional<Instant> first = newest.map(time -> range.end().filter(end -> end.isBefore(time)).orElse(time));
        first.ifPresent(time -> {
            LocalDate month = LocalDate.ofInstant(time, ZoneOffset.UTC).withDayOfMonth(1);
            for (int before : MONTHS_BEFORE_NEWEST) {
                Instant bound = month.minusMonths(before).atStartOfDay(ZoneOffset.UTC).toInstant();
                if (rangeStart.isPresent() && !bound.isAfter(rangeStart.get())) {
                    break;
                }
                bounds.add(Optional.of(bound));
            }
        });
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

    /**
     * The end of the newest day on which an article became searchable (UTC),
     * empty for a store with none; every search row, mention and quote is
     * dated before it.
     */
    public static Optional<Instant> newestInStore(EntityManager entityManager) {
        Object day = entityManager.createNativeQuery(NEWEST_DAY).getSingleResult();
        LocalDate date = day instanceof java.sql.Date sqlDate ? sqlDate.toLocalDate() : (LocalDate) day;
        return Optional.ofNullable(date).map(newest -> newest.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant());
    }
}
