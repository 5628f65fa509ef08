package newsroom.ingest.analysis;

import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * What the two queues the worker claims from ({@link AnalysisQueue}, {@link ReanalysisQueue})
 * do alike. A claim is a lease on the database's clock; a failed attempt gives the claim back
 * and the row comes due again after a delay. Each queue keeps its own statements: here they
 * are run, with the parameters they share named and measured alike (durations in seconds).
 */
abstract class LeasedQueue {

    @Inject
    EntityManager entityManager;

    /** The first row the claim statement finds due, if any; the caller's lease then takes it. */
    Optional<Object> firstDue(String claim) {
        List<?> due = entityManager.createNativeQuery(claim).getResultList();
        return due.isEmpty() ? Optional.empty() : Optional.of(due.get(0));
    }

    /** The lease statement, its {@code :lease} set. */
    Query lease(String statement, Duration lease) {
        return entityManager.createNativeQuery(statement).setParameter("lease", seconds(lease));
    }

    /**
     * The statement that gives a claim back, its {@code :error}, {@code :counted} (1 when the
     * failure was the article's own, see {@link RetryPolicy}) and {@code :delay} set.
     */
    Query giveBack(String statement, Duration delay, String error, boolean counts) {
        return entityManager.createNativeQuery(statement)
                .setParameter("error", error)
                .setParameter("counted", counts ? 1 : 0)
                .setParameter("delay", seconds(delay));
    }

    private static double seconds(Duration duration) {
        return (double) duration.toMillis() / 1000;
    }
}
