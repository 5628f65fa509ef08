package newsroom.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NewestMonthsTest {

    private static Optional<Instant> at(String time) {
        return Optional.of(Instant.parse(time));
    }

    @Test
    void theNewestMonthThenThreeThenTwelveThenNoBound() {
        assertEquals(List.of(at("2021-04-01T00:00:00Z"), at("2021-02-01T00:00:00Z"), at("2020-05-01T00:00:00Z"),
                        Optional.empty()),
                NewestMonths.bounds(at("2021-04-08T15:30:00Z"), TimeRange.ALL));
    }

    @Test
    void aStoreWithoutArticlesIsReadWhole() {
        assertEquals(List.of(Optional.empty()), NewestMonths.bounds(Optional.empty(), TimeRange.ALL));
    }

    @Test
    void theRequestsOwnRangeBoundsTheTries() {
        // Its start already holds the statement within the three newest months: no wider bound is tried.
        assertEquals(List.of(at("2021-04-01T00:00:00Z"), Optional.empty()),
                NewestMonths.bounds(at("2021-04-08T15:30:00Z"),
                        new TimeRange(at("2021-03-15T00:00:00Z"), Optional.empty())));
        // Its end, older than the newest article, is where the months are counted from.
        assertEquals(List.of(at("2020-01-01T00:00:00Z"), at("2019-11-01T00:00:00Z"), at("2019-02-01T00:00:00Z"),
                        Optional.empty()),
                NewestMonths.bounds(at("2021-04-08T15:30:00Z"),
                        new TimeRange(Optional.empty(), at("2020-01-11T00:00:00Z"))));
    }
}
