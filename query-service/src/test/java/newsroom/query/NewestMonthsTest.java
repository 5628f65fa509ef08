package newsroom.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NewestMonthsTest {

    // The month starts that begin the first and the second try's articles, newest first.
    private static final List<Instant> STARTS = List.of(Instant.parse("2021-04-01T00:00:00Z"),
            Instant.parse("2020-05-01T00:00:00Z"));

    private static Optional<Instant> at(String time) {
        return Optional.of(Instant.parse(time));
    }

    @Test
    void theTwoTriesThenNoBound() {
        assertEquals(List.of(at("2021-04-01T00:00:00Z"), at("2020-05-01T00:00:00Z"), Optional.empty()),
                NewestMonths.bounds(STARTS, TimeRange.ALL));
    }

    @Test
    void aSmallStoreIsReadWhole() {
        assertEquals(List.of(Optional.empty()), NewestMonths.bounds(List.of(), TimeRange.ALL));
    }

    @Test
    void theRequestsOwnRangeLeavesOutTheBoundsThatWouldReadNothingMore() {
        // Its start already holds the statement after the second try's bound: that one is not tried.
        assertEquals(List.of(at("2021-04-01T00:00:00Z"), Optional.empty()),
                NewestMonths.bounds(STARTS, new TimeRange(at("2021-03-15T00:00:00Z"), Optional.empty())));
        // Its end is before the first try's bound: that one would read nothing.
        assertEquals(List.of(at("2020-05-01T00:00:00Z"), Optional.empty()),
                NewestMonths.bounds(STARTS, new TimeRange(Optional.empty(), at("2021-04-01T00:00:00Z"))));
        assertEquals(List.of(Optional.empty()),
                NewestMonths.bounds(STARTS, new TimeRange(Optional.empty(), at("2019-01-11T00:00:00Z"))));
    }
}
