package newsroom.ingest.analysis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The queue of articles waiting for analysis, kept in the {@code article}
 * table itself. A claim is a lease ({@code claimed_until}): a worker that dies
 * mid-analysis loses nothing, its articles come due again when the lease ends.
 * Each method commits on its own so that no lock is held during an NLP call.
 */
@ApplicationScoped
public class AnalysisQueue extends LeasedQueue {

    // The head of article_pending_idx (next_attempt_at, partial: ACCEPTED only); SKIP LOCKED
    // passes over the articles other workers are claiming at the same moment.
    private static final String CLAIM = """
            SELECT id FROM article
            WHERE status = 'ACCEPTED' AND next_attempt_at <= now()
              AND (claimed_until IS NULL OR claimed_until < now())
            ORDER BY next_attempt_at, id
            LIMIT 1
            FOR UPDATE SKIP LOCKED""";

    // By id (article_pkey). SQL, not the entity: the lease is on the database's clock, which the
    // next claim compares it with, and the attempt is counted in place.
    private static final String LEASE = """
            UPDATE article SET claimed_until = now() + make_interval(secs => :lease),
                               attempts = attempts + 1
            WHERE id = :id""";

    // By id, on the mapped row: only what the analysis needs, not the raw content or an old analysis.
    private static final String CLAIMED = """
            select a.cleanedText, a.publishedAt, a.language, a.attempts,
                   a.failedAttempts, a.lastFailedAt, a.acceptedAt
            from StoredArticle a where a.id = :id""";

    // By id (article_pkey), and only while the article waits: a claim taken over after its lease
    // ended may have finished it meanwhile. The database's clock, as LEASE.
    private static final String RETRY_LATER = """
            UPDATE article SET claimed_until = NULL, last_error = :error, last_failed_at = now(),
                               failed_attempts = failed_attempts + :counted,
                               next_attempt_at = now() + make_interval(secs => :delay)
            WHERE id = :id AND status = 'ACCEPTED'""";

    // As RETRY_LATER.
    private static final String FAIL = """
            UPDATE article SET status = 'FAILED', claimed_until = NULL, last_error = :error,
                               failure_reason = :reason, last_failed_at = now(),
                               failed_attempts = failed_attempts + 1
            WHERE id = :id AND status = 'ACCEPTED'""";

    /** Claims the accepted article that has been due longest, if any; other workers skip it. */
    @Transactional(TxType.REQUIRES_NEW)
    public Optional<ClaimedArticle> claimNext(Duration lease) {
        Optional<Object> due = firstDue(CLAIM);
        if (due.isEmpty()) {
            return Optional.empty();
        }
        long id = ((Number) due.get()).longValue();
        lease(LEASE, lease)
                .setParameter("id", id)
                .executeUpdate();
        Object[] row = (Object[]) entityManager.createQuery(CLAIMED)
                .setParameter("id", id)
                .getSingleResult();
        return Optional.of(new ClaimedArticle(id, (String) row[0], (Instant) row[1], (String) row[2],
                (Integer) row[3], 0, new FailureHistory((Integer) row[4], (Instant) row[5], (Instant) row[6])));
    }

    /**
     * Gives the claim back after a failed attempt; the article stays ACCEPTED and comes due again
     * after {@code delay}. {@code counts}: the failure was the article's own ({@link RetryPolicy}).
     */
    @Transactional(TxType.REQUIRES_NEW)
    public void retryLater(long articleId, Duration delay, String error, boolean counts) {
        giveBack(RETRY_LATER, delay, error, counts)
                .setParameter("id", articleId)
                .executeUpdate();
    }

    /**
     * Gives up on the article: FAILED, with the message and the gRPC code ({@code reason}) of
     * the failure it was given up for. A FAILED article is searchable: leaving ACCEPTED, it gets
     * its {@code article_search} row from the store's trigger {@code article_search_keep}
     * (docs/architecture.md, "The search row").
     *
     * @return whether the article was still waiting and is now FAILED
     */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean fail(long articleId, String error, String reason) {
        return entityManager.createNativeQuery(FAIL)
                .setParameter("error", error)
                .setParameter("reason", reason)
                .setParameter("id", articleId)
                .executeUpdate() == 1;
    }
}
