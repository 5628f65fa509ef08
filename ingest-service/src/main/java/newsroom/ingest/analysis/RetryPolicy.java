package newsroom.ingest.analysis;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Set;
import newsroom.store.DatabaseFailures;

/**
 * What to do after a failed analysis attempt. A failure either says something about the
 * article or only about the services around it, and only the first kind counts towards
 * giving the article up:
 * <ul>
 * <li>An outage never counts: the database out of reach or in a lock conflict, and refused
 * credentials (UNAUTHENTICATED, PERMISSION_DENIED), which an operator fixes, not the
 * article. Such failures are retried for as long as it takes.
 * <li>The NLP service timing out (DEADLINE_EXCEEDED) or going away mid-call (UNAVAILABLE,
 * CANCELLED, ABORTED) is an outage too, unless the NLP service analysed another article
 * between the end of this article's previous failed attempt (or, on its first, the start of
 * this one) and this failure: then the service works and this article is what it cannot
 * finish, or what brought it down and had to be restarted (a poison article), and the
 * failure counts. An article that merely shared the service with a poison article when it
 * went down may have that failure counted too; it takes {@code maxAttempts} such crashes
 * to fail it.
 * <li>Any other failure (the NLP service refusing the document, an analysis that cannot be
 * stored) always counts.
 * </ul>
 * An article is given up (FAILED) when its counted failures reach {@code maxAttempts}, or at
 * a counted failure once it has waited longer than {@code maxAge}: the attempts' growing
 * delays must not keep a poison article alive for days. A real outage therefore never fails
 * an article, however long it lasts.
 */
public final class RetryPolicy {

    private static final Set<Status.Code> NEVER_THE_ARTICLE = Set.of(
            Status.Code.UNAUTHENTICATED, Status.Code.PERMISSION_DENIED);

    private static final Set<Status.Code> THE_ARTICLE_IF_OTHERS_SUCCEED = Set.of(
            Status.Code.DEADLINE_EXCEEDED, Status.Code.UNAVAILABLE, Status.Code.CANCELLED, Status.Code.ABORTED);

    /** The label of a failure that carries no gRPC status. */
    static final String NO_STATUS = "ERROR";

    private final Duration initialBackoff;
    private final Duration maxBackoff;
    private final int maxAttempts;
    private final Duration maxAge;

    public RetryPolicy(Duration initialBackoff, Duration maxBackoff, int maxAttempts, Duration maxAge) {
        this.initialBackoff = initialBackoff;
        this.maxBackoff = maxBackoff;
        this.maxAttempts = maxAttempts;
        this.maxAge = maxAge;
    }

    /**
     * Decides about the failed attempt of {@code article} that started at {@code attemptStart}.
     *
     * @param lastAnalyzed when this process last stored an analysis of any article; null when never
     */
    public RetryDecision decide(ClaimedArticle article, Throwable failure, Instant attemptStart, Instant lastAnalyzed,
                                Instant now) {
        Duration delay = backoff(article.attempts());
        Status.Code code = statusCode(failure);
        boolean counts;
        if (isDatabaseOutage(failure) || code != null && NEVER_THE_ARTICLE.contains(code)) {
            counts = false;
        } else if (code != null && THE_ARTICLE_IF_OTHERS_SUCCEED.contains(code)) {
            Instant since = article.history().lastFailedAt() == null ? attemptStart : article.history().lastFailedAt();
            counts = lastAnalyzed != null && lastAnalyzed.isAfter(since);
        } else {
            counts = true;
        }
        if (!counts) {
            return RetryDecision.outage(delay);
        }
        int failedAttempts = article.history().failedAttempts() + 1;
        String reason = code == null ? NO_STATUS : code.name();
        Duration waited = Duration.between(article.history().waitingSince(), now);
        if (failedAttempts >= maxAttempts) {
            return RetryDecision.giveUp(reason, String.format(Locale.ROOT, "given up after %d failed analysis attempts (at most %d)",
                    failedAttempts, maxAttempts));
        }
        if (waited.compareTo(maxAge) > 0) {
            return RetryDecision.giveUp(reason, String.format(Locale.ROOT,
                    "given up after %d failed analysis attempts over %s (at most %s of waiting)",
                    failedAttempts, readable(waited), readable(maxAge)));
        }
        return RetryDecision.articleFailure(delay, reason);
    }

    /** The wait before the attempt after the {@code attempts}-th: the initial backoff doubling, capped. */
    public Duration backoff(int attempts) {
        int doublings = Math.max(0, Math.min(attempts - 1, 30));
        Duration delay = initialBackoff.multipliedBy(1L << doublings);
        return delay.compareTo(maxBackoff) > 0 ? maxBackoff : delay;
    }

    private static Status.Code statusCode(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof StatusRuntimeException status) {
                return status.getStatus().getCode();
            }
        }
        return null;
    }

    // A deadlock or serialization failure with a concurrent writer is not the article's fault either.
    private static boolean isDatabaseOutage(Throwable failure) {
        return DatabaseFailures.isConnectionFailure(failure) || DatabaseFailures.isTransactionConflict(failure);
    }

    private static String readable(Duration duration) {
        return duration.truncatedTo(ChronoUnit.SECONDS).toString().substring(2).toLowerCase(Locale.ROOT);
    }
}
