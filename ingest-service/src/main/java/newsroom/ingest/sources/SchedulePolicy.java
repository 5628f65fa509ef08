package newsroom.ingest.sources;

import java.time.Duration;

/**
 * When a source is fetched next. A source that keeps bringing new items is fetched more often,
 * one that brings none less often, so busy feeds are followed closely and quiet ones cost
 * little; a failing source is retried ever later, so a site that is down is not hammered.
 *
 * @param minInterval the adaptive interval's floor, unless the requested interval is smaller
 *                    (a source asked for every 5 s is never slowed to fit the floor's minutes)
 * @param maxInterval the adaptive interval's ceiling, unless the requested interval is larger
 * @param maxBackoff  the longest wait after failures in a row
 */
public record SchedulePolicy(Duration minInterval, Duration maxInterval, Duration maxBackoff) {

    /** The interval at which to fetch after a successful fetch ({@code newItems}: whether it found any). */
    public Duration nextInterval(Duration requested, Duration current, boolean newItems) {
        Duration floor = min(requested, minInterval);
        Duration ceiling = max(requested, maxInterval);
        // Halving follows a burst of news within a few fetches; growing by half backs off gently.
        Duration next = newItems ? current.dividedBy(2) : current.plus(current.dividedBy(2));
        return max(floor, min(ceiling, next));
    }

    /**
     * How long to wait after the {@code consecutiveFailures}-th failure in a row (1 for the
     * first): the interval doubled per failure, at most {@code maxBackoff}.
     */
    public Duration retryDelay(Duration interval, int consecutiveFailures) {
        Duration delay = interval;
        for (int i = 0; i < consecutiveFailures && delay.compareTo(maxBackoff) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return min(delay, maxBackoff);
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a.compareTo(b) >= 0 ? a : b;
    }
}
