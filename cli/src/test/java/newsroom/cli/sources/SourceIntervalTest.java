package newsroom.cli.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.Duration;
import newsroom.cli.UserError;
import org.junit.jupiter.api.Test;

class SourceIntervalTest {

    @Test
    void unitsAndIsoReadAlike() {
        assertEquals(90, SourceInterval.parse("--every", "90s").getSeconds());
        assertEquals(90, SourceInterval.parse("--every", "PT1M30S").getSeconds());
        assertEquals(900, SourceInterval.parse("--every", "15m").getSeconds());
        assertEquals(900, SourceInterval.parse("--every", "15min").getSeconds());
        assertEquals(7_200, SourceInterval.parse("--every", "2H").getSeconds());
        assertEquals(604_800, SourceInterval.parse("--every", "7d").getSeconds(), "7 days is the longest allowed");
    }

    @Test
    void negativeAndFractionalAreNotDurations() {
        assertThrows(UserError.class, () -> SourceInterval.parse("--every", "-5m"));
        assertThrows(UserError.class, () -> SourceInterval.parse("--every", "1.5h"));
        assertThrows(UserError.class, () -> SourceInterval.parse("--every", "PT-15M"));
        assertThrows(UserError.class, () -> SourceInterval.parse("--every", "4999ms"));
    }

    @Test
    void intervalsAreWrittenWithEveryWholeUnit() {
        assertEquals("15 min", SourceInterval.describe(seconds(900)));
        assertEquals("7 min 30 s", SourceInterval.describe(seconds(450)));
        assertEquals("1 d 6 h", SourceInterval.describe(seconds(108_000)));
        assertEquals("5 s", SourceInterval.describe(seconds(5)));
        assertEquals("0 s", SourceInterval.describe(Duration.getDefaultInstance()));
    }

    private static Duration seconds(long seconds) {
        return Duration.newBuilder().setSeconds(seconds).build();
    }
}
