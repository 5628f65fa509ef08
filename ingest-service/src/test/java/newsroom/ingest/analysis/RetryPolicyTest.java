package newsroom.ingest.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private static final Instant ACCEPTED = Instant.parse("2026-12-01T10:00:00Z");
    private static final Instant START = ACCEPTED.plusSeconds(60);
    private static final Instant END = START.plusSeconds(120);

    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(60), 5,
            Duration.ofHours(24));

    @Test
    void backoffDoublesFromTheInitialDelayUpToTheCap() {
        assertEquals(Duration.ofSeconds(1), policy.backoff(1));
        assertEquals(Duration.ofSeconds(2), policy.backoff(2));
        assertEquals(Duration.ofSeconds(4), policy.backoff(3));
        assertEquals(Duration.ofSeconds(32), policy.backoff(6));
        assertEquals(Duration.ofSeconds(60), policy.backoff(7));
        assertEquals(Duration.ofSeconds(60), policy.backoff(10_000));
    }

    @Test
    void anOutageNeverCountsAgainstTheArticleHoweverLongItLasts() {
        ClaimedArticle old = article(1_000, 4, END.minusSeconds(30), ACCEPTED.minus(Duration.ofDays(30)));
        // Nothing analysed since the article's previous failure: the NLP service is down or slow for everyone.
        for (Status status : new Status[] {Status.UNAVAILABLE, Status.DEADLINE_EXCEEDED, Status.CANCELLED}) {
            RetryDecision decision = policy.decide(old, status.asRuntimeException(), START, END.minusSeconds(60), END);
            assertFalse(decision.counts(), status.toString());
            assertFalse(decision.giveUp(), status.toString());
            assertEquals(Duration.ofSeconds(60), decision.delay());
        }
        assertFalse(policy.decide(old, Status.DEADLINE_EXCEEDED.asRuntimeException(), START, null, END).counts(),
                "nothing analysed at all");
        // The store, a lock conflict, a refused key: never the article's fault, whatever else succeeds.
        for (RuntimeException failure : new RuntimeException[] {
                new RuntimeException(new SQLException("Connection refused", "08001")),
                new RuntimeException(new SQLException("deadlock detected", "40P01")),
                new RuntimeException(new SQLException("could not serialize access", "40001")),
                Status.UNAUTHENTICATED.asRuntimeException(), Status.PERMISSION_DENIED.asRuntimeException()}) {
            assertFalse(policy.decide(old, failure, START, END.minusSeconds(1), END).counts(), failure.toString());
        }
    }

    @Test
    void aTimeoutOrACrashWhileOtherArticlesAreAnalyzedCountsAgainstTheArticle() {
        // First attempt: something was analysed while this one ran.
        RetryDecision first = policy.decide(article(1, 0, null, ACCEPTED), Status.DEADLINE_EXCEEDED.asRuntimeException(),
                START, START.plusSeconds(5), END);
        assertTrue(first.counts());
        assertFalse(first.giveUp());
        assertEquals("DEADLINE_EXCEEDED", first.reason());
        // A later attempt brought the service down at once; it had analysed others since this one's last failure.
        RetryDecision crash = policy.decide(article(3, 1, START.minusSeconds(60), ACCEPTED),
                Status.UNAVAILABLE.asRuntimeException(), START, START.minusSeconds(30), START.plusMillis(10));
        assertTrue(crash.counts());
        assertEquals("UNAVAILABLE", crash.reason());
        // ... but not when nothing was analysed since that failure (the service was not back yet).
        assertFalse(policy.decide(article(3, 1, START.minusSeconds(60), ACCEPTED),
                Status.UNAVAILABLE.asRuntimeException(), START, START.minusSeconds(90), END).counts());
    }

    @Test
    void anArticleIsGivenUpAtMaxAttemptsCountedAgainstIt() {
        RetryDecision fourth = policy.decide(article(9, 3, START.minusSeconds(1), ACCEPTED),
                Status.INVALID_ARGUMENT.asRuntimeException(), START, null, END);
        assertTrue(fourth.counts());
        assertFalse(fourth.giveUp());
        RetryDecision fifth = policy.decide(article(10, 4, START.minusSeconds(1), ACCEPTED),
                Status.INVALID_ARGUMENT.asRuntimeException(), START, null, END);
        assertTrue(fifth.giveUp());
        assertEquals("INVALID_ARGUMENT", fifth.reason());
        assertEquals("given up after 5 failed analysis attempts (at most 5)", fifth.giveUpWhy());
        assertEquals(RetryPolicy.NO_STATUS, policy.decide(article(10, 4, null, ACCEPTED),
                new IllegalStateException("bad analysis"), START, null, END).reason());
    }

    @Test
    void anArticleOlderThanMaxAgeIsGivenUpAtItsNextCountedFailure() {
        ClaimedArticle old = article(2, 1, START.minusSeconds(1), END.minus(Duration.ofHours(25)));
        RetryDecision decision = policy.decide(old, Status.DEADLINE_EXCEEDED.asRuntimeException(), START,
                START.plusSeconds(1), END);
        assertTrue(decision.giveUp());
        assertEquals("given up after 2 failed analysis attempts over 25h (at most 24h of waiting)",
                decision.giveUpWhy());
    }

    private static ClaimedArticle article(int attempts, int failedAttempts, Instant lastFailedAt, Instant waitingSince) {
        return new ClaimedArticle(42, "text", ACCEPTED, "en", attempts, 0,
                new FailureHistory(failedAttempts, lastFailedAt, waitingSince));
    }
}
