package newsroom.ingest.analysis;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import java.sql.SQLException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class RetryPolicyTest {

    private final RetryPolicy policy = new RetryPolicy(Duration.ofSeconds(1), Duration.ofSeconds(60), 5);

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
    void servicesOutOfReachAreOutagesAndRejectionsAreNot() {
        assertTrue(policy.isOutage(Status.UNAVAILABLE.asRuntimeException()));
        assertTrue(policy.isOutage(Status.DEADLINE_EXCEEDED.asRuntimeException()));
        assertTrue(policy.isOutage(new RuntimeException(new SQLException("Connection refused", "08001"))));
        assertTrue(policy.isOutage(new RuntimeException(new SQLException("deadlock detected", "40P01"))));
        assertTrue(policy.isOutage(new RuntimeException(new SQLException("could not serialize access", "40001"))));
        assertFalse(policy.isOutage(new RuntimeException(new SQLException("duplicate key", "23505"))));
        // A refused key is an operator's to fix; the article waits for that.
        assertTrue(policy.isOutage(Status.UNAUTHENTICATED.asRuntimeException()));
        assertTrue(policy.isOutage(Status.PERMISSION_DENIED.asRuntimeException()));
        assertFalse(policy.isOutage(Status.INVALID_ARGUMENT.asRuntimeException()));
        assertFalse(policy.isOutage(Status.INTERNAL.asRuntimeException()));
        assertFalse(policy.isOutage(new IllegalStateException("bad analysis")));
    }

    @Test
    void anArticleIsGivenUpAtMaxAttempts() {
        assertFalse(policy.givesUp(4));
        assertTrue(policy.givesUp(5));
    }
}
