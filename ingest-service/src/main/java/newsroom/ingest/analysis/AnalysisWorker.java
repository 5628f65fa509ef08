package newsroom.ingest.analysis;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.TransactionPhase;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import newsroom.ingest.DaemonThreads;
import newsroom.ingest.IngestConfig;
import newsroom.ingest.intake.ArticleAccepted;
import newsroom.ingest.reanalysis.ReanalysisStarted;
import newsroom.nlp.v1.Analysis;
import newsroom.store.DatabaseFailures;
import newsroom.store.MonthPartitions;
import org.jboss.logging.Logger;

/**
 * Analyses accepted articles on its own threads: claims one from the queue,
 * has the NLP service analyse it, stores the result, and on failure puts it
 * back with a growing delay or, once {@link RetryPolicy} gives it up, marks it
 * FAILED and counts it in {@code newsroom_articles_failed_total{reason}}. The articles of re-analyses are handled the
 * same way, from their own queue, by a thread that finds no accepted article
 * due: fresh articles always go first. Idle threads look for work every poll
 * interval and at once when an article is accepted or a re-analysis starts.
 */
@ApplicationScoped
public class AnalysisWorker {

    private static final Logger LOG = Logger.getLogger(AnalysisWorker.class);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(10);

    private final AnalysisQueue queue;
    private final ReanalysisQueue reanalysis;
    private final NlpAnalyzer nlp;
    private final AnalysisWriter writer;
    private final IngestConfig config;
    private final RetryPolicy retryPolicy;
    private final MeterRegistry meters;
    private final MonthPartitions partitions;
    private final Duration lease;
    /** When an analysis was last stored: what tells a poison article from an NLP service that is down. */
    private final AtomicReference<Instant> lastAnalyzed = new AtomicReference<>();
    private final WakeUpSignal signal = new WakeUpSignal();
    private volatile boolean running;
    /** Whether the last claim attempt reached the database; an outage is logged once, not every poll. */
    private volatile boolean queueReachable = true;
    private ExecutorService threads;

    public AnalysisWorker(AnalysisQueue queue, ReanalysisQueue reanalysis, NlpAnalyzer nlp, AnalysisWriter writer,
                          IngestConfig config, MeterRegistry meters, MonthPartitions partitions) {
        this.queue = queue;
        this.reanalysis = reanalysis;
        this.nlp = nlp;
        this.writer = writer;
        this.config = config;
        this.retryPolicy = new RetryPolicy(config.initialBackoff(), config.maxBackoff(), config.maxAttempts(),
                config.maxAge());
        this.meters = meters;
        this.partitions = partitions;
        this.lease = config.nlpDeadline().plus(config.writeMargin());
    }

    void start(@Observes StartupEvent startup) {
        if (!config.worker().enabled()) {
            LOG.info("analysis worker disabled (newsroom.ingest.worker.enabled=false)");
            return;
        }
        int concurrency = Math.max(1, config.worker().concurrency());
        threads = DaemonThreads.pool("analysis-worker", concurrency);
        running = true;
        for (int i = 0; i < concurrency; i++) {
            threads.execute(this::workUntilStopped);
        }
        LOG.infof("analysis worker started: %d threads, NLP deadline %s", concurrency, config.nlpDeadline());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (threads == null) {
            return;
        }
        running = false;
        signal.wakeAll();
        threads.shutdown();
        try {
            if (!threads.awaitTermination(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                // Articles still being analysed come due again when their claims lapse.
                threads.shutdownNow();
            }
        } catch (InterruptedException e) {
            threads.shutdownNow();
            Thread.currentThread().interrupt();
        }
        LOG.info("analysis worker stopped");
    }

    /** A new article waits: wake an idle thread now instead of at its next poll. */
    void onAccepted(@Observes ArticleAccepted accepted) {
        signal.wakeAll();
    }

    /** A re-analysis was committed: its articles wait. */
    void onReanalysisStarted(@Observes(during = TransactionPhase.AFTER_SUCCESS) ReanalysisStarted started) {
        signal.wakeAll();
    }

    private void workUntilStopped() {
        while (running) {
            long seen = signal.generation();
            try {
                Optional<ClaimedArticle> claimed = queue.claimNext(lease);
                if (claimed.isEmpty()) {
                    // Only now: a large re-analysis must never hold up articles waiting for their first analysis.
                    claimed = reanalysis.claimNext(lease);
                }
                if (!queueReachable) {
                    queueReachable = true;
                    LOG.info("analysis worker reaches the article store again");
                }
                if (claimed.isPresent()) {
                    analyze(claimed.get());
                } else {
                    signal.awaitAfter(seen, config.worker().pollInterval());
                }
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                // Typically the database being down; try again at the next poll.
                if (queueReachable) {
                    queueReachable = false;
                    LOG.warnf("analysis worker cannot claim work, retrying every %s: %s",
                            config.worker().pollInterval(), e.getMessage());
                }
                try {
                    signal.awaitAfter(seen, config.worker().pollInterval());
                } catch (InterruptedException interrupted) {
                    return;
                }
            }
        }
    }

    private void analyze(ClaimedArticle article) {
        long started = System.nanoTime();
        Instant attemptStart = Instant.now();
        try {
            Analysis analysis = nlp.analyze(article);
            WrittenAnalysis written;
            try {
                written = write(article, analysis);
            } catch (RuntimeException e) {
                if (!MonthPartitions.isMissingPartition(e)) {
                    throw e;
                }
                // The article's month was dropped after it was accepted (retention): the write was
                // rolled back whole, and is made again once the month's partitions are back.
                partitions.recreateMonthsOf(List.of(article.publishedAt()));
                written = write(article, analysis);
            }
            lastAnalyzed.accumulateAndGet(Instant.now(), (last, now) -> last == null || now.isAfter(last) ? now : last);
            LOG.infof("article %d %s: %d entities, %d mentions, %d quotes, %d events in %d ms", article.id(),
                    article.isReanalysis() ? "re-analysed (re-analysis " + article.reanalysisId() + ")" : "analysed",
                    written.entities(), written.mentions(), written.quotes(), written.events(),
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        } catch (ReanalysisAlreadyFinishedException e) {
            // This worker's claim had lapsed and another finished the article: its result stands, once.
            LOG.infof("article %d: %s; this analysis is dropped", article.id(), e.getMessage());
        } catch (RuntimeException e) {
            handleFailure(article, e, attemptStart);
        }
    }

    private WrittenAnalysis write(ClaimedArticle article, Analysis analysis) {
        return article.isReanalysis() ? writer.rewrite(article, analysis) : writer.write(article.id(), analysis);
    }

    private void handleFailure(ClaimedArticle article, RuntimeException failure, Instant attemptStart) {
        // Stored as last_error, which clients read: a database failure by its class and incident id, never its SQL.
        String error = DatabaseFailures.describe(failure);
        try {
            RetryDecision decision = retryPolicy.decide(article, failure, attemptStart, lastAnalyzed.get(),
                    Instant.now());
            if (decision.giveUp()) {
                String reason = decision.giveUpWhy() + ": " + error;
                LOG.errorf("article %d %s: %s", article.id(),
                        article.isReanalysis() ? "re-analysis FAILED (keeps its analysis)" : "FAILED", reason);
                giveUp(article, reason, decision.reason());
            } else if (!decision.counts()) {
                LOG.warnf("article %d waits %s for analysis (attempt %d): %s", article.id(), decision.delay(),
                        article.attempts(), error);
                retryLater(article, decision, error);
            } else {
                LOG.warnf("article %d analysis failed (attempt %d, %d counted against it), retrying in %s: %s",
                        article.id(), article.attempts(), article.history().failedAttempts() + 1, decision.delay(),
                        error);
                retryLater(article, decision, error);
            }
        } catch (RuntimeException e) {
            // The claim lapses and the article comes due again; nothing is lost.
            LOG.warnf("could not record the failure of article %d: %s", article.id(), e.getMessage());
        }
    }

    private void retryLater(ClaimedArticle article, RetryDecision decision, String error) {
        if (article.isReanalysis()) {
            reanalysis.retryLater(article, decision.delay(), error, decision.counts());
        } else {
            queue.retryLater(article.id(), decision.delay(), error, decision.counts());
        }
    }

    private void giveUp(ClaimedArticle article, String error, String reason) {
        if (article.isReanalysis()) {
            reanalysis.fail(article, error);
        } else if (queue.fail(article.id(), error, reason)) {
            Counter.builder("newsroom.articles.failed")
                    .description("Articles given up as FAILED after their analysis kept failing, by the gRPC code"
                            + " of the last failure")
                    .tag("reason", reason)
                    .register(meters)
                    .increment();
        }
    }
}
