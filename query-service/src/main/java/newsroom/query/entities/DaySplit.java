package newsroom.query.entities;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import newsroom.query.TimeRange;

/**
 * A time range cut into the whole UTC days it covers, which per-day rollups
 * answer, and the parts of at most two days at its ends, which only
 * per-article rows can answer.
 *
 * @param wholeDays the whole days, {@code [from, to)} as dates; empty when the range covers none
 * @param parts     the time ranges outside the whole days: none for a range on day boundaries
 */
record DaySplit(Optional<DayRange> wholeDays, List<TimeRange> parts) {

    /** Days {@code from} (inclusive) to {@code to} (exclusive); an empty bound is open. */
    record DayRange(Optional<LocalDate> from, Optional<LocalDate> to) {
    }

    static DaySplit of(TimeRange range) {
        Optional<Instant> start = range.start();
        Optional<Instant> end = range.end();
        // The first whole day starts at or after the range's start; the last one ends at or before its end.
        Optional<Instant> wholeStart = start.map(DaySplit::ceilingDay);
        Optional<Instant> wholeEnd = end.map(DaySplit::floorDay);
        if (wholeStart.isPresent() && wholeEnd.isPresent() && !wholeStart.get().isBefore(wholeEnd.get())) {
            return new DaySplit(Optional.empty(), List.of(range));
        }
        List<TimeRange> parts = new ArrayList<>();
        if (start.isPresent() && !start.equals(wholeStart)) {
            parts.add(new TimeRange(start, wholeStart));
        }
        if (end.isPresent() && !end.equals(wholeEnd)) {
            parts.add(new TimeRange(wholeEnd, end));
        }
        return new DaySplit(Optional.of(new DayRange(wholeStart.map(DaySplit::date), wholeEnd.map(DaySplit::date))),
                parts);
    }

    private static Instant floorDay(Instant time) {
        return time.truncatedTo(ChronoUnit.DAYS);
    }

    private static Instant ceilingDay(Instant time) {
        Instant floor = floorDay(time);
        return floor.equals(time) ? floor : floor.plus(1, ChronoUnit.DAYS);
    }

    private static LocalDate date(Instant dayStart) {
        return LocalDate.ofInstant(dayStart, ZoneOffset.UTC);
    }
}
