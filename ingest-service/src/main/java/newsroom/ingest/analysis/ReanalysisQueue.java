package newsroom.ingest.analysis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import jakarta.transaction.Transactional.TxType;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The articles of re-analyses waiting to be analysed again, kept in {@code reanalysis_item}
 * (V12 migration) and claimed as {@link AnalysisQueue} claims fresh articles: a lease, so
 * that a worker that dies loses nothing, and no lock held during an NLP call. An item
 * leaves the queue only in a transaction that also counts it on its job: DONE in the one
 * that writes the article's new analysis ({@link AnalysisWriter#rewrite}), FAILED in
 * {@link #fail}. Whichever finishes a job's last pending item marks the job finished.
 */
@ApplicationScoped
public class ReanalysisQueue extends LeasedQueue {

    // The head of reanalysis_item_pending_idx (job_id, next_attempt_at, article_id; partial:
    // PENDING only), oldest job first; SKIP LOCKED as AnalysisQueue's claim.
    private static final String CLAIM = """
            SELECT job_id, article_id FROM reanalysis_item
            WHERE state = 'PENDING' AND next_attempt_at <= now()
              AND (claimed_until IS NULL OR claimed_until < now())
            ORDER BY job_id, next_attempt_at, article_id
            LIMIT 1
            FOR UPDATE SKIP LOCKED""";

    // The item by its key (reanalysis_item_pkey); the lease on the database's clock, as AnalysisQueue's.
    private static final String LEASE = """
            UPDATE reanalysis_item SET claimed_until = now() + make_interval(secs => :lease),
                                       attempts = attempts + 1
            WHERE job_id = :job AND article_id = :article""";

    // The item and its job, each by its key (reanalysis_item_pkey, reanalysis_job_pkey).
    private static final String PROGRESS = """
            SELECT i.attempts, i.failed_attempts, i.last_failed_at, j.created_at
            FROM reanalysis_item i JOIN reanalysis_job j ON j.id = i.job_id
            WHERE i.job_id = :job AND i.article_id = :article""";

    // By id, on the mapped row: only what the analysis needs.
    private static final String ARTICLE = """
            select a.cleanedText, a.publishedAt, a.language
            from StoredArticle a where a.id = :id""";

    // The item by its key, only while it is pending: whoever finishes it first counts it.
    private static final String MARK_DONE = """
            UPDATE reanalysis_item SET state = 'DONE', claimed_until = NULL, last_error = NULL
            WHERE job_id = :job AND article_id = :article AND state = 'PENDING'""";

    // As MARK_DONE; the database's clock, as LEASE.
    private static final String RETRY_LATER = """
            UPDATE reanalysis_item SET claimed_until = NULL, last_error = :error, last_failed_at = now(),
                                       failed_attempts = failed_attempts + :counted,
                                       next_attempt_at = now() + make_interval(secs => :delay)
            WHERE job_id = :job AND article_id = :article AND state = 'PENDING'""";

    // As MARK_DONE.
    private static final String FAIL = """
            UPDATE reanalysis_item SET state = 'FAILED', claimed_until = NULL, last_error = :error
            WHERE job_id = :job AND article_id = :article AND state = 'PENDING'""";

    // The job by its key (reanalysis_job_pkey), counted in place: two workers finishing items of
    // one job at once each add theirs, in the order the row lock gives them.
    private static final String COUNT_DONE = "UPDATE reanalysis_job SET done_count = done_count + 1 WHERE id = :job";

    // As COUNT_DONE.
    private static final String COUNT_FAILED =
            "UPDATE reanalysis_job SET failed_count = failed_count + 1 WHERE id = :job";

    // The job by its key, and a probe of reanalysis_item_pending_idx for its pending items. Runs
    // after the count above, which locked the job's row: a concurrent finisher of the job's other
    // items either committed before (its item is seen finished here) or waits for this
    // transaction and then sees this item finished. So the last one to finish always sees none pending.
    private static final String FINISH_JOB = """
            UPDATE reanalysis_job SET finished_at = now()
            WHERE id = :job AND finished_at IS NULL
              AND NOT EXISTS (SELECT 1 FROM reanalysis_item WHERE job_id = :job AND state = 'PENDING')""";

    /** Claims the pending article of the oldest re-analysis that has been due longest, if any. */
    @Transactional(TxType.REQUIRES_NEW)
    public Optional<ClaimedArticle> claimNext(Duration lease) {
        Optional<Object> due = firstDue(CLAIM);
        if (due.isEmpty()) {
            return Optional.empty();
        }
        Object[] item = (Object[]) due.get();
        long job = ((Number) item[0]).longValue();
        long articleId = ((Number) item[1]).longValue();
        lease(LEASE, lease)
                .setParameter("job", job)
                .setParameter("article", articleId)
                .executeUpdate();
        Object[] progress = (Object[]) entityManager.createNativeQuery(PROGRESS)
                .setParameter("job", job)
                .setParameter("article", articleId)
                .getSingleResult();
        int attempts = ((Number) progress[0]).intValue();
        FailureHistory history = new FailureHistory(((Number) progress[1]).intValue(), instant(progress[2]),
                instant(progress[3]));
        Object[] article = (Object[]) entityManager.createQuery(ARTICLE)
                .setParameter("id", articleId)
                .getSingleResult();
        return Optional.of(new ClaimedArticle(articleId, (String) article[0], (Instant) article[1],
                (String) article[2], attempts, job, history));
    }

    private static Instant instant(Object timestamp) {
        if (timestamp == null) {
            return null;
        }
        if (timestamp instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        return timestamp instanceof java.sql.Timestamp sql ? sql.toInstant() : (Instant) timestamp;
    }

    /**
     * Counts the article re-analysed on its job, in the caller's transaction, which writes the
     * new analysis.
     *
     * @throws ReanalysisAlreadyFinishedException when the item is no longer pending; the caller's
     *     transaction must then roll back
     */
    @Transactional(TxType.MANDATORY)
    public void markDone(ClaimedArticle article) {
        int finished = entityManager.createNativeQuery(MARK_DONE)
                .setParameter("job", article.reanalysisId())
                .setParameter("article", article.id())
                .executeUpdate();
        if (finished == 0) {
            throw new ReanalysisAlreadyFinishedException(article);
        }
        count(article.reanalysisId(), COUNT_DONE);
    }

    /**
     * Gives the claim back after a failed attempt; the item comes due again after {@code delay}.
     * {@code counts}: the failure was the article's own ({@link RetryPolicy}).
     */
    @Transactional(TxType.REQUIRES_NEW)
    public void retryLater(ClaimedArticle article, Duration delay, String error, boolean counts) {
        giveBack(RETRY_LATER, delay, error, counts)
                .setParameter("job", article.reanalysisId())
                .setParameter("article", article.id())
                .executeUpdate();
    }

    /**
     * Gives up on re-analysing the article, with the reason; it keeps its old analysis.
     *
     * @return whether the item was still pending and is now FAILED
     */
    @Transactional(TxType.REQUIRES_NEW)
    public boolean fail(ClaimedArticle article, String error) {
        int failed = entityManager.createNativeQuery(FAIL)
                .setParameter("error", error)
                .setParameter("job", article.reanalysisId())
                .setParameter("article", article.id())
                .executeUpdate();
        if (failed == 1) {
            count(article.reanalysisId(), COUNT_FAILED);
        }
        return failed == 1;
    }

    private void count(long job, String countStatement) {
        entityManager.createNativeQuery(countStatement).setParameter("job", job).executeUpdate();
        entityManager.createNativeQuery(FINISH_JOB).setParameter("job", job).executeUpdate();
    }
}
