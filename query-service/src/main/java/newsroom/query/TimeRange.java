package newsroom.query;

import java.time.Instant;
import java.util.Optional;

/**
 * A half-open range of publication times: {@code start} inclusive, {@code end}
 * exclusive; an empty bound is open.
 */
public record TimeRange(Optional<Instant> start, Optional<Instant> end) {

    public static final TimeRange ALL = new TimeRange(Optional.empty(), Optional.empty());

    /** The range of a request's {@code start_time} and {@code end_time}; rejects an end not after the start. */
    public static TimeRange of(Optional<Instant> start, Optional<Instant> end) {
        if (start.isPresent() && end.isPresent() && !end.get().isAfter(start.get())) {
            throw new InvalidArgumentException("end_time", "must be after start_time");
        }
        return new TimeRange(start, end);
    }

    /** Adds the range's bounds on {@code column} to {@code where}. */
    public void restrict(WhereClause where, String column) {
        start.ifPresent(time -> where.add(column + " >= :rangeStart", "rangeStart", time));
        end.ifPresent(time -> where.add(column + " < :rangeEnd", "rangeEnd", time));
    }

    /** A stable text for page-token fingerprints. */
    public String fingerprint() {
        return start.map(Instant::toString).orElse("") + ".." + end.map(Instant::toString).orElse("");
    }
}
