package newsroom.cli.sources;

import com.google.protobuf.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import newsroom.cli.UserError;

/**
 * The {@code --every} option: how often a source is fetched to begin with, written {@code 5s},
 * {@code 90s}, {@code 15m}, {@code 2h}, {@code 1d} or in ISO-8601 ({@code PT15M}); and
 * intervals written back for people ("7 min 30 s").
 */
final class SourceInterval {

    /** AddSourceRequest.interval's range; checked here too so a typo fails before any call. */
    static final java.time.Duration SHORTEST = java.time.Duration.ofSeconds(5);
    static final java.time.Duration LONGEST = java.time.Duration.ofDays(7);

    private static final Pattern AMOUNT_AND_UNIT = Pattern.compile("(\\d{1,9})\\s*(s|sec|m|min|h|d)");

    private SourceInterval() {
    }

    /** @throws UserError naming {@code option} for a duration it cannot read or one outside 5 s .. 7 days */
    static Duration parse(String option, String text) {
        java.time.Duration duration = read(option, text.strip());
        if (duration.compareTo(SHORTEST) < 0 || duration.compareTo(LONGEST) > 0) {
            throw new UserError(option + ": must be from 5s to 7d, not " + text.strip());
        }
        return Duration.newBuilder().setSeconds(duration.getSeconds()).setNanos(duration.getNano()).build();
    }

    private static java.time.Duration read(String option, String text) {
        String lower = text.toLowerCase(Locale.ROOT);
        if (lower.startsWith("p")) {
            try {
                return java.time.Duration.parse(text);
            } catch (DateTimeParseException e) {
                throw unreadable(option, text);
            }
        }
        Matcher matcher = AMOUNT_AND_UNIT.matcher(lower);
        if (!matcher.matches()) {
            throw unreadable(option, text);
        }
        long amount = Long.parseLong(matcher.group(1));
        return switch (matcher.group(2)) {
            case "s", "sec" -> java.time.Duration.ofSeconds(amount);
            case "m", "min" -> java.time.Duration.ofMinutes(amount);
            case "h" -> java.time.Duration.ofHours(amount);
            default -> java.time.Duration.ofDays(amount);
        };
    }

    private static UserError unreadable(String option, String text) {
        return new UserError(option + ": '" + text + "' is not a duration: write 5s, 90s, 15m, 2h, 1d or ISO-8601"
                + " such as PT15M");
    }

    /** "15 min", "7 min 30 s", "1 d 6 h": every whole unit it has, largest first; "0 s" for none. */
    static String describe(Duration duration) {
        long seconds = duration.getSeconds();
        if (seconds == 0 && duration.getNanos() > 0) {
            return duration.getNanos() / 1_000_000 + " ms";
        }
        List<String> parts = new ArrayList<>();
        long[] sizes = {86_400, 3_600, 60, 1};
        String[] units = {"d", "h", "min", "s"};
        for (int i = 0; i < sizes.length; i++) {
            if (seconds >= sizes[i]) {
                parts.add(seconds / sizes[i] + " " + units[i]);
                seconds %= sizes[i];
            }
        }
        return parts.isEmpty() ? "0 s" : String.join(" ", parts);
    }
}
