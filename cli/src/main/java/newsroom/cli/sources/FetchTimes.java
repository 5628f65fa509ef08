package newsroom.cli.sources;

import com.google.protobuf.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;

/** A source's times for people: "3 min ago", "in 12 min", or short ISO ("2026-12-07 05:10:03Z"). */
final class FetchTimes {

    private static final DateTimeFormatter SHORT_ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd HH:mm:ss'Z'")
            .withZone(ZoneOffset.UTC);

    private FetchTimes() {
    }

    static Instant instant(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }

    /** "just now", "42 s ago", "in 12 min", "3 d ago": the largest whole unit, so columns stay narrow. */
    static String relative(Timestamp timestamp, Instant now) {
        Duration between = Duration.between(now, instant(timestamp));
        boolean past = between.isNegative();
        long seconds = between.abs().getSeconds();
        if (seconds < 1) {
            return "just now";
        }
        String amount;
        if (seconds < 60) {
            amount = seconds + " s";
        } else if (seconds < 3_600) {
            amount = seconds / 60 + " min";
        } else if (seconds < 86_400) {
            amount = seconds / 3_600 + " h";
        } else {
            amount = seconds / 86_400 + " d";
        }
        return past ? amount + " ago" : "in " + amount;
    }

    /** "2026-12-07 05:10:03Z (3 min ago)". */
    static String full(Timestamp timestamp, Instant now) {
        return SHORT_ISO.format(instant(timestamp).truncatedTo(ChronoUnit.SECONDS)) + " (" + relative(timestamp, now) + ")";
    }
}
