package newsroom.ingest.analysis;

import java.time.Duration;

/**
 * What {@link RetryPolicy} decided about a failed attempt.
 *
 * @param counts    whether the failure counts against the article (false for an outage)
 * @param giveUp    whether the article is given up now (FAILED)
 * @param delay     the wait before the next attempt; zero when given up
 * @param reason    the failure's gRPC code ("DEADLINE_EXCEEDED"), or "ERROR"; empty for an outage
 * @param giveUpWhy why the article is given up, ahead of the failure's own message; empty otherwise
 */
public record RetryDecision(boolean counts, boolean giveUp, Duration delay, String reason, String giveUpWhy) {

    static RetryDecision outage(Duration delay) {
        return new RetryDecision(false, false, delay, "", "");
    }

    static RetryDecision articleFailure(Duration delay, String reason) {
        return new RetryDecision(true, false, delay, reason, "");
    }

    static RetryDecision giveUp(String reason, String why) {
        return new RetryDecision(true, true, Duration.ZERO, reason, why);
    }
}
