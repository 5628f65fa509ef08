package newsroom.cli.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

class PublishedTimeTest {

    private static Instant instant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }

    @Test
    void aDayIsMidnightUtc() {
        assertEquals(Instant.parse("2021-04-07T00:00:00Z"), instant(PublishedTime.parse("2021-04-07")));
    }

    @Test
    void isoInstantsOffsetsAndLocalTimesAreAccepted() {
        assertEquals(Instant.parse("2021-04-07T10:15:30Z"), instant(PublishedTime.parse("2021-04-07T10:15:30Z")));
        assertEquals(Instant.parse("2021-04-07T05:00:00Z"), instant(PublishedTime.parse("2021-04-07T10:00+05:00")));
        assertEquals(Instant.parse("2021-04-07T10:00:00Z"), instant(PublishedTime.parse("2021-04-07T10:00")));
    }

    @Test
    void somethingElseIsRejectedWithTheFormatsThatWork() {
        TypeConversionException error = assertThrows(TypeConversionException.class, () -> PublishedTime.parse("April 7"));
        assertTrue(error.getMessage().contains("YYYY-MM-DD"), error.getMessage());
        assertThrows(TypeConversionException.class, () -> PublishedTime.parse("2021-13-40"));
    }
}
