package newsroom.ingest.reanalysis;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import newsroom.store.StoredReanalysisJob;

/**
 * Starts re-analyses and reports on them (V12 migration). A re-analysis fixes its articles
 * when it starts: the ANALYZED articles of its range then, one {@code reanalysis_item}
 * each, which the analysis worker takes from {@code analysis.ReanalysisQueue}. Starting a
 * range whose re-analysis has not finished resumes that one instead.
 */
@ApplicationScoped
public class ReanalysisJobs {

    /** The most failures a report lists; the count covers them all. */
    public static final int FAILURES_SHOWN = 100;

    /** Tries at creating or finding the unfinished job of a range; each loses only to a job finishing meanwhile. */
    private static final int START_TRIES = 5;

    // The bounds are bound as text, an open one as '-infinity' or 'infinity' (never null, whose
    // type the driver cannot tell), and stored as null.
    //
    // The range's one unfinished job is unique (reanalysis_job_unfinished_range_key): a start that
    // meets it, committed or not yet, inserts nothing and finds it afterwards. SQL, not a persisted
    // entity: only ON CONFLICT settles two starts of one range at once.
    private static final String CREATE_JOB = """
            INSERT INTO reanalysis_job (range_start, range_end, total_count)
            VALUES (nullif(CAST(:start AS timestamptz), '-infinity'), nullif(CAST(:end AS timestamptz), 'infinity'), 0)
            ON CONFLICT ((coalesce(range_start, '-infinity')), (coalesce(range_end, 'infinity')))
                WHERE finished_at IS NULL DO NOTHING
            RETURNING id""";

    // A probe of reanalysis_job_unfinished_range_key (the same expressions, the same predicate).
    private static final String UNFINISHED_JOB = """
            SELECT id FROM reanalysis_job
            WHERE finished_at IS NULL
              AND coalesce(range_start, '-infinity') = CAST(:start AS timestamptz)
              AND coalesce(range_end, 'infinity') = CAST(:end AS timestamptz)""";

    // One row per ANALYZED article of the range, inserted by the statement that finds them (no
    // round trip per article): article_published_idx serves a narrow range; a wide one reads the
    // table, as inserting most of its rows needs anyway.
    private static final String ADD_ARTICLES = """
            INSERT INTO reanalysis_item (job_id, article_id)
            SELECT :job, id FROM article
            WHERE status = 'ANALYZED'
              AND published_at >= CAST(:start AS timestamptz) AND published_at < CAST(:end AS timestamptz)""";

    // The first entries of the job's range of reanalysis_item_failed_idx (partial: FAILED only).
    private static final String FAILURES = """
            SELECT article_id, last_error FROM reanalysis_item
            WHERE job_id = :job AND state = 'FAILED'
            ORDER BY article_id
            LIMIT :limit""";

    private final EntityManager entityManager;
    private final Event<ReanalysisStarted> started;

    public ReanalysisJobs(EntityManager entityManager, Event<ReanalysisStarted> started) {
        this.entityManager = entityManager;
        this.started = started;
    }

    /**
     * Starts re-analysing the ANALYZED articles published in {@code range}, or resumes the
     * range's unfinished re-analysis. A range with no such article gives a re-analysis that
     * is finished at once.
     */
    @Transactional
    public StartedReanalysis start(PublicationRange range) {
        for (int tries = 0; tries < START_TRIES; tries++) {
            Optional<Long> created = firstId(bind(entityManager.createNativeQuery(CREATE_JOB), range).getResultList());
            if (created.isPresent()) {
                long id = created.get();
                int total = bind(entityManager.createNativeQuery(ADD_ARTICLES), range)
                        .setParameter("job", id)
                        .executeUpdate();
                StoredReanalysisJob job = entityManager.find(StoredReanalysisJob.class, id);
                job.totalCount = total;
                if (total == 0) {
                    // Nothing to re-analyse: finished as it starts, at this transaction's now(),
                    // which created_at took too.
                    job.finishedAt = job.createdAt;
                }
                started.fire(new ReanalysisStarted(id));
                return new StartedReanalysis(find(id), false);
            }
            Optional<Long> unfinished = firstId(bind(entityManager.createNativeQuery(UNFINISHED_JOB), range)
                    .getResultList());
            if (unfinished.isPresent()) {
                return new StartedReanalysis(find(unfinished.get()), true);
            }
            // The range's job finished between the two statements: its slot is free again.
        }
        throw new IllegalStateException("could neither start nor find the re-analysis of " + range
                + " in " + START_TRIES + " tries");
    }

    /** @throws ReanalysisNotFoundException when no re-analysis has this id */
    @Transactional
    public ReanalysisJob find(long id) {
        StoredReanalysisJob job = entityManager.find(StoredReanalysisJob.class, id);
        if (job == null) {
            throw new ReanalysisNotFoundException(id);
        }
        // Read after the counts: a failure counted there is listed here too.
        List<FailedReanalysisArticle> failures = failures(id, job.failedCount);
        return new ReanalysisJob(job.id,
                new PublicationRange(Optional.ofNullable(job.rangeStart), Optional.ofNullable(job.rangeEnd)),
                job.totalCount, job.doneCount, job.failedCount, job.createdAt, Optional.ofNullable(job.finishedAt),
                failures);
    }

    private List<FailedReanalysisArticle> failures(long job, long failed) {
        if (failed == 0) {
            return List.of();
        }
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery(FAILURES)
                .setParameter("job", job)
                .setParameter("limit", FAILURES_SHOWN)
                .getResultList();
        return rows.stream()
                .map(row -> new FailedReanalysisArticle(((Number) row[0]).longValue(),
                        row[1] == null ? "" : (String) row[1]))
                .toList();
    }

    private static jakarta.persistence.Query bind(jakarta.persistence.Query query, PublicationRange range) {
        return query.setParameter("start", range.start().map(Instant::toString).orElse("-infinity"))
                .setParameter("end", range.end().map(Instant::toString).orElse("infinity"));
    }

    private static Optional<Long> firstId(List<?> rows) {
        return rows.stream().findFirst().map(row -> ((Number) row).longValue());
    }
}
