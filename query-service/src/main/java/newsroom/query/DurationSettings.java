package newsroom.query;

import java.time.Duration;

/** The check of a duration setting, made as the bean that reads it is built, so a bad value stops the service at start. */
public final class DurationSettings {

    private DurationSettings() {
    }

    /** Refuses a zero or negative {@code value} of {@code setting}, naming the setting. */
    public static void requirePositive(String setting, Duration value) {
        if (value.isNegative() || value.isZero()) {
            throw new IllegalArgumentException(setting + " must be positive, not " + value);
        }
    }
}
