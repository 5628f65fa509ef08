package newsroom.ingest.analysis;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.Set;
import newsroom.store.DatabaseFailures;

/**
 * What to do after a failed analysis attempt. An NLP service (or database)
 * that is down or too slow says nothing about the article: such failures are
 * retried for as long as it takes, and so are refused credentials (UNAUTHENTICATED,
 * PERMISSION_DENIED): a misconfigured key is fixed by an operator, not by the article. Any other failure is retried a few times,
 * then the article is given up as FAILED.
 */
public final class RetryPolicy {

    private static final Set<Status.Code> OUTAGE_CODES = Set.of(
            Status.Code.UNAVAILABLE, Status.Code.DEADLINE_EXCEEDED, Status.Code.CANCELLED, Status.Code.ABORTED,
            Status.Code.UNAUTHENTICATED, Status.Code.PERMISSION_DENIED);

    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final int maxAttempts;

    public RetryPolicy(Duration initialBackoff, Duration maxBackoff, int maxAttempts) {
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.maxAttempts = maxAttempts;
    }

    /** True when the failure comes from a service being out of reach, or a lock conflict, rather than from the article. */
    public boolean isOutage(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof StatusRuntimeException status && OUTAGE_CODES.contains(status.getStatus().getCode())) {
                return true;
            }
        }
        // A deadlock or serialization failure with a concurrent writer is not the article's fault either.
        return DatabaseFailures.isConnectionFailure(failure) || DatabaseFailures.isTransactionConflict(failure);
    }

    /** True when an article that failed its {@code attempts}-th attempt for a non-outage reason is given up. */
    public boolean givesUp(int attempts) {
        return attempts >= maxAttempts;
    }

    /** The wait before the attempt after the {@code attempts}-th: the initial backoff doubling, capped. */
    public Duration backoff(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 30));
        Duration delay = initialBackoff.multipliedBy(1L << doublings);
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }
}
