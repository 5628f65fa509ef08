package newsroom.ingest.backpressure;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.OptionalLong;
import newsroom.ingest.IngestConfig;
import newsroom.ingest.analysis.AnalysisBacklog;

/**
 * Refuses new articles while the analysis backlog is full, so that clients slow down when
 * the NLP service does not keep up instead of piling up work it will take hours to do.
 * ingest-service's own memory does not depend on the backlog (the backlog is rows in the
 * store, and the worker has at most its concurrency of articles in hand); this bounds the
 * backlog itself.
 */
@ApplicationScoped
public class BacklogLimit {

    private final AnalysisBacklog backlog;
    private final long maxBacklog;

    public BacklogLimit(AnalysisBacklog backlog, IngestConfig config) {
        this.backlog = backlog;
        this.maxBacklog = config.maxBacklog();
    }

    /**
     * @throws BacklogFullException when {@code newsroom.ingest.max-backlog} articles or more wait for
     *                              analysis. A backlog that cannot be counted (the store is down) lets
     *                              the article through: storing it then fails with its own clear status.
     */
    public void checkRoom() {
        OptionalLong waiting = backlog.articlesWaiting();
        if (waiting.isPresent() && waiting.getAsLong() >= maxBacklog) {
            throw new BacklogFullException(waiting.getAsLong(), maxBacklog);
        }
    }
}
