package newsroom.cli.ingest;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * {@code --published}: a day (2021-04-07, taken as midnight UTC) or an ISO-8601 time
 * (2021-04-07T10:00:00Z, 2021-04-07T10:00+05:00, or 2021-04-07T10:00 taken as UTC).
 */
public final class PublishedTime implements ITypeConverter<Timestamp> {

    @Override
    public Timestamp convert(String value) {
        return parse(value);
    }

    public static Timestamp parse(String value) {
        String text = value.strip();
        Instant instant;
        try {
            if (text.length() == 10) {
                instant = LocalDate.parse(text).atStartOfDay(ZoneOffset.UTC).toInstant();
            } else if (text.endsWith("Z") || text.endsWith("z")) {
                instant = Instant.parse(text.toUpperCase(java.util.Locale.ROOT));
            } else if (text.matches(".*[+-]\\d\\d:?\\d\\d$")) {
                instant = OffsetDateTime.parse(text).toInstant();
            } else {
                instant = LocalDateTime.parse(text).toInstant(ZoneOffset.UTC);
            }
        } catch (DateTimeParseException e) {
            throw new TypeConversionException("'" + value + "' is not a date or time; use YYYY-MM-DD"
                    + " or an ISO-8601 time such as 2021-04-07T10:00:00Z");
        }
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }
}
