package newsroom.query.console;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;

/** The console's dates: form fields in (YYYY-MM-DD, UTC days), timestamps out. */
final class PageDates {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")
            .withZone(ZoneOffset.UTC);

    private PageDates() {
    }

    /** The start of the day a "from" field names; empty when the field is empty. */
    static Optional<Timestamp> from(String field, String day) {
        return parse(field, day).map(date -> timestamp(date.atStartOfDay(ZoneOffset.UTC).toInstant()));
    }

    /** The end of the day a "to" field names (the field is inclusive, the query's end exclusive). */
    static Optional<Timestamp> to(String field, String day) {
        return parse(field, day).map(date -> timestamp(date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant()));
    }

    /** The JSON API's form of a timestamp (RFC 3339), for CSV links; empty for none. */
    static String rfc3339(Optional<Timestamp> time) {
        return time.map(t -> Instant.ofEpochSecond(t.getSeconds()).toString()).orElse("");
    }

    static String day(Timestamp time) {
        return time.getSeconds() == 0 && time.getNanos() == 0 ? "" : DAY.format(Instant.ofEpochSecond(time.getSeconds()));
    }

    static String minute(Timestamp time) {
        return time.getSeconds() == 0 && time.getNanos() == 0 ? ""
                : MINUTE.format(Instant.ofEpochSecond(time.getSeconds()));
    }

    private static Optional<LocalDate> parse(String field, String day) {
        if (day == null || day.isBlank()) {
            return Optional.empty();
        }
        try {
            return Optional.of(LocalDate.parse(day.strip()));
        } catch (DateTimeParseException e) {
            throw new PageInputException(field, "expected a date as YYYY-MM-DD (2021-04-07), not \"" + day + "\"");
        }
    }

    private static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).build();
    }
}
