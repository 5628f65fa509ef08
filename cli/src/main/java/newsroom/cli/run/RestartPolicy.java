package newsroom.cli.run;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import newsroom.cli.UserError;

/**
 * When the supervisor restarts a process that died, and when it stops trying.
 *
 * <p>A process that dies again soon after a restart waits longer each time (the initial
 * backoff doubling up to the cap), so a crash loop neither floods the log nor keeps the
 * machine's cores busy starting JVMs. A process that needed {@code maxRestarts} restarts
 * within {@code window} and dies once more has a cause that restarting does not cure (a
 * wrong setting, a full disk, too little memory): it is left down for a person to look at.
 * Restarts older than the window are forgiven, so a service that dies once a day is
 * restarted after the initial backoff every time.
 *
 * @param initialBackoff the wait before the first restart within the window
 * @param maxBackoff     the longest wait before a restart
 * @param maxRestarts    restarts allowed within {@code window}; 0 never restarts
 * @param window         how far back restarts count
 */
public record RestartPolicy(Duration initialBackoff, Duration maxBackoff, int maxRestarts, Duration window) {

    /** What {@code newsroom up} does unless the environment says otherwise (README, "The newsroom command"). */
    public static final RestartPolicy DEFAULT =
            new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 5, Duration.ofMinutes(10));

    static final String LIMIT_VARIABLE = "NEWSROOM_RESTART_LIMIT";
    static final String WINDOW_VARIABLE = "NEWSROOM_RESTART_WINDOW";
    static final String BACKOFF_VARIABLE = "NEWSROOM_RESTART_BACKOFF";
    static final String MAX_BACKOFF_VARIABLE = "NEWSROOM_RESTART_MAX_BACKOFF";

    public RestartPolicy {
        if (initialBackoff.isNegative() || initialBackoff.isZero()) {
            throw new UserError(BACKOFF_VARIABLE + ": must be longer than 0, not " + EnvironmentValues.describe(initialBackoff));
        }
        if (maxBackoff.compareTo(initialBackoff) < 0) {
            throw new UserError(MAX_BACKOFF_VARIABLE + ": must be at least " + BACKOFF_VARIABLE + " ("
                    + EnvironmentValues.describe(initialBackoff) + "), not " + EnvironmentValues.describe(maxBackoff));
        }
        if (maxRestarts < 0) {
            throw new UserError(LIMIT_VARIABLE + ": must be 0 (never restart) or more, not " + maxRestarts);
        }
        if (window.isNegative() || window.isZero()) {
            throw new UserError(WINDOW_VARIABLE + ": must be longer than 0, not " + EnvironmentValues.describe(window));
        }
    }

    /** What happens after a death: a restart after {@code delay}, or none. */
    public sealed interface Decision permits RestartAfter, GiveUp {
    }

    /** Restart once {@code delay} has passed. */
    public record RestartAfter(Duration delay) implements Decision {
    }

    /** Leave the process down; {@code why} says so in words for the log and {@code newsroom status}. */
    public record GiveUp(String why) implements Decision {
    }

    public static RestartPolicy fromEnvironment(Map<String, String> environment) {
        return new RestartPolicy(
                EnvironmentValues.duration(environment, BACKOFF_VARIABLE, DEFAULT.initialBackoff),
                EnvironmentValues.duration(environment, MAX_BACKOFF_VARIABLE, DEFAULT.maxBackoff),
                EnvironmentValues.count(environment, LIMIT_VARIABLE, DEFAULT.maxRestarts),
                EnvironmentValues.duration(environment, WINDOW_VARIABLE, DEFAULT.window));
    }

    /** The variables {@link #fromEnvironment} reads back as this policy: for the supervisor's process. */
    public Map<String, String> asEnvironment() {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put(BACKOFF_VARIABLE, initialBackoff.toMillis() + "ms");
        variables.put(MAX_BACKOFF_VARIABLE, maxBackoff.toMillis() + "ms");
        variables.put(LIMIT_VARIABLE, Integer.toString(maxRestarts));
        variables.put(WINDOW_VARIABLE, window.toMillis() + "ms");
        return variables;
    }

    /**
     * What to do about a process that died at {@code now}.
     *
     * @param restarts when the supervisor restarted it before (older ones may be included; they do not count)
     */
    public Decision afterDeath(List<Instant> restarts, Instant now) {
        Instant windowStart = now.minus(window);
        long recent = restarts.stream().filter(restart -> restart.isAfter(windowStart)).count();
        if (recent >= maxRestarts) {
            return new GiveUp(maxRestarts == 0
                    ? "restarts are off (" + LIMIT_VARIABLE + "=0)"
                    : recent + " restart" + (recent == 1 ? "" : "s") + " within " + EnvironmentValues.describe(window)
                            + " did not keep it running (" + LIMIT_VARIABLE + ", " + WINDOW_VARIABLE + ")");
        }
        return new RestartAfter(backoff(recent));
    }

    /** The initial backoff doubled once per recent restart, capped. */
    private Duration backoff(long recentRestarts) {
        Duration delay = initialBackoff;
        for (long i = 0; i < recentRestarts && delay.compareTo(maxBackoff) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }
}
