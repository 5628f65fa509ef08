package newsroom.cli.run;

import java.time.Duration;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import newsroom.cli.UserError;

/** Reads settings from environment variables, with a clear error for a malformed one. */
final class EnvironmentValues {

    private static final Pattern DURATION = Pattern.compile("(\\d{1,9})\\s*(ms|s|m|h)?");

    private EnvironmentValues() {
    }

    static int port(Map<String, String> environment, String variable, int defaultPort) {
        return wholeNumber(environment, variable, defaultPort, 1, 65535, "a port number from 1 to 65535");
    }

    /** A whole number, 0 or more. */
    static int count(Map<String, String> environment, String variable, int defaultValue) {
        return wholeNumber(environment, variable, defaultValue, 0, Integer.MAX_VALUE, "a whole number, 0 or more");
    }

    /** @throws UserError saying the value must be {@code expected} when it is not a whole number from min to max */
    private static int wholeNumber(Map<String, String> environment, String variable, int defaultValue, int min,
                                   int max, String expected) {
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value.trim());
            if (number < min || number > max) {
                throw new NumberFormatException();
            }
            return number;
        } catch (NumberFormatException e) {
            throw new UserError(variable + ": must be " + expected + ", not \"" + value + "\"");
        }
    }

    /** A duration written as the services' settings are: {@code 500ms}, {@code 30s}, {@code 10m}, {@code 1h}; a bare number is seconds. */
    static Duration duration(Map<String, String> environment, String variable, Duration defaultValue) {
        String value = environment.get(variable);
        if (value == null || value.isBlank()) {
            return defaultValue;
        }
        Matcher matcher = DURATION.matcher(value.trim());
        if (!matcher.matches()) {
            throw new UserError(variable + ": must be a duration such as 500ms, 30s, 10m or 1h, not \"" + value + "\"");
        }
        long amount = Long.parseLong(matcher.group(1));
        String unit = matcher.group(2) == null ? "s" : matcher.group(2);
        return switch (unit) {
            case "ms" -> Duration.ofMillis(amount);
            case "m" -> Duration.ofMinutes(amount);
            case "h" -> Duration.ofHours(amount);
            default -> Duration.ofSeconds(amount);
        };
    }

    /** A duration for people: "500 ms", "30 s", "10 min", "1 h" (the largest unit it is a whole number of). */
    static String describe(Duration duration) {
        if (duration.toMillis() % 1000 != 0) {
            return duration.toMillis() + " ms";
        }
        long seconds = duration.toSeconds();
        if (seconds % 3600 == 0 && seconds > 0) {
            return seconds / 3600 + " h";
        }
        if (seconds % 60 == 0 && seconds > 0) {
            return seconds / 60 + " min";
        }
        return seconds + " s";
    }

    static String text(Map<String, String> environment, String variable, String defaultValue) {
        String value = environment.get(variable);
        return value == null || value.isBlank() ? defaultValue : value;
    }
}
