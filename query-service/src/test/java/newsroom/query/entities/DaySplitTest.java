package newsroom.query.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import newsroom.query.TimeRange;
import org.junit.jupiter.api.Test;

class DaySplitTest {

    @Test
    void anOpenRangeIsAllDays() {
        DaySplit split = DaySplit.of(TimeRange.ALL);

        assertEquals(Optional.of(new DaySplit.DayRange(Optional.empty(), Optional.empty())), split.wholeDays());
        assertEquals(List.of(), split.parts());
    }

    @Test
    void boundsOnMidnightNeedNoPartialDays() {
        DaySplit split = DaySplit.of(range("2021-04-07T00:00:00Z", "2021-04-09T00:00:00Z"));

        assertEquals(Optional.of(new DaySplit.DayRange(date("2021-04-07"), date("2021-04-09"))), split.wholeDays());
        assertEquals(List.of(), split.parts());
    }

    @Test
    void boundsInsideDaysLeaveTheirPartsToArticles() {
        DaySplit split = DaySplit.of(range("2021-04-07T10:00:00Z", "2021-04-09T06:00:00Z"));

        assertEquals(Optional.of(new DaySplit.DayRange(date("2021-04-08"), date("2021-04-09"))), split.wholeDays());
        assertEquals(List.of(range("2021-04-07T10:00:00Z", "2021-04-08T00:00:00Z"),
                range("2021-04-09T00:00:00Z", "2021-04-09T06:00:00Z")), split.parts());
    }

    @Test
    void anOpenEndKeepsItsWholeDaysOpen() {
        DaySplit split = DaySplit.of(new TimeRange(Optional.of(Instant.parse("2021-04-07T10:00:00Z")), Optional.empty()));

        assertEquals(Optional.of(new DaySplit.DayRange(date("2021-04-08"), Optional.empty())), split.wholeDays());
        assertEquals(List.of(range("2021-04-07T10:00:00Z", "2021-04-08T00:00:00Z")), split.parts());
    }

    @Test
    void aRangeWithinOneOrTwoDaysWithoutAWholeDayIsAllParts() {
        TimeRange withinOne = range("2021-04-07T10:00:00Z", "2021-04-07T12:00:00Z");
        TimeRange acrossMidnight = range("2021-04-07T10:00:00Z", "2021-04-08T12:00:00Z");

        assertEquals(new DaySplit(Optional.empty(), List.of(withinOne)), DaySplit.of(withinOne));
        assertEquals(new DaySplit(Optional.empty(), List.of(acrossMidnight)), DaySplit.of(acrossMidnight));
    }

    private static TimeRange range(String start, String end) {
        return new TimeRange(Optional.of(Instant.parse(start)), Optional.of(Instant.parse(end)));
    }

    private static Optional<LocalDate> date(String day) {
        return Optional.of(LocalDate.parse(day));
    }
}
