package newsroom.cli.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import newsroom.cli.UserError;
import org.junit.jupiter.api.Test;

class TimeBoundTest {

    @Test
    void aDateIsMidnightUtc() {
        assertEquals(Instant.parse("2021-04-07T00:00:00Z").getEpochSecond(),
                TimeBound.parse("--from", "2021-04-07").getSeconds());
    }

    @Test
    void anInstantIsTakenAsWritten() {
        assertEquals(Instant.parse("2021-04-07T09:30:00Z").getEpochSecond(),
                TimeBound.parse("--to", "2021-04-07T09:30:00Z").getSeconds());
    }

    @Test
    void anythingElseNamesTheOption() {
        UserError error = assertThrows(UserError.class, () -> TimeBound.parse("--from", "last week"));
        assertEquals("--from: 'last week' is not a date (2021-04-07) or an instant (2021-04-07T09:00:00Z)",
                error.getMessage());
    }
}
