package newsroom.cli.query;

import com.google.protobuf.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.function.Consumer;
import newsroom.cli.UserError;

/** {@code --from} and {@code --to}: a date (midnight UTC) or an ISO-8601 instant. */
public final class TimeBound {

    private TimeBound() {
    }

    /** @throws UserError naming {@code option} when {@code value} is neither */
    public static Timestamp parse(String option, String value) {
        Instant instant;
        try {
            instant = value.contains("T") ? Instant.parse(value)
                    : LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant();
        } catch (DateTimeParseException e) {
            throw new UserError(option + ": '" + value + "' is not a date (2021-04-07) or an instant (2021-04-07T09:00:00Z)");
        }
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    /** Sets a request's start from {@code --from} and its end from {@code --to}, each where it is given. */
    public static void setRange(String from, String to, Consumer<Timestamp> setStartTime,
                                Consumer<Timestamp> setEndTime) {
        if (from != null) {
            setStartTime.accept(parse("--from", from));
        }
        if (to != null) {
            setEndTime.accept(parse("--to", to));
        }
    }

    public static String show(Timestamp timestamp) {
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos()).toString();
    }

    static String day(Timestamp timestamp) {
        return show(timestamp).substring(0, 10);
    }
}
