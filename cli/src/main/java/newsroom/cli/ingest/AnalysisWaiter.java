package newsroom.cli.ingest;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import newsroom.cli.UserError;
import newsroom.cli.grpc.ServiceCallException;
import newsroom.cli.grpc.ServiceChannel;
import newsroom.cli.output.ProgressLine;
import newsroom.ingest.v1.ArticleStatus;
import newsroom.ingest.v1.GetIngestStatusRequest;
import newsroom.ingest.v1.GetIngestStatusResponse;
import newsroom.ingest.v1.IngestServiceGrpc;

/** Polls {@code GetIngestStatus} until articles are ANALYZED or FAILED. */
public final class AnalysisWaiter {

    private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

    private final ServiceChannel ingest;

    public AnalysisWaiter(ServiceChannel ingest) {
        this.ingest = ingest;
    }

    /**
     * @return the final status of each article, in the order given
     * @throws UserError when {@code timeout} passes with articles still waiting
     */
    public Map<Long, GetIngestStatusResponse> await(Collection<Long> articleIds, Duration timeout, ProgressLine progress) {
        Map<Long, GetIngestStatusResponse> done = new LinkedHashMap<>();
        long start = System.nanoTime();
        while (true) {
            int failed = 0;
            GetIngestStatusResponse waiting = null;
            for (long id : articleIds) {
                if (done.containsKey(id)) {
                    continue;
                }
                GetIngestStatusResponse status = ServiceCallException.call(ingest.endpoint(), () ->
                        IngestServiceGrpc.newBlockingStub(ingest.channel())
                                .withDeadlineAfter(30, TimeUnit.SECONDS)
                                .getIngestStatus(GetIngestStatusRequest.newBuilder().setArticleId(id).build()));
                if (status.getStatus() == ArticleStatus.ANALYZED || status.getStatus() == ArticleStatus.FAILED) {
                    done.put(id, status);
                } else if (waiting == null) {
                    waiting = status;
                }
            }
            for (GetIngestStatusResponse status : done.values()) {
                if (status.getStatus() == ArticleStatus.FAILED) {
                    failed++;
                }
            }
            long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
            if (done.size() == articleIds.size()) {
                progress.clear();
                Map<Long, GetIngestStatusResponse> ordered = new LinkedHashMap<>();
                articleIds.forEach(id -> ordered.put(id, done.get(id)));
                return ordered;
            }
            if (seconds > timeout.toSeconds()) {
                progress.clear();
                throw new UserError("gave up after " + seconds + " s: " + (articleIds.size() - done.size())
                        + " article(s) not analysed yet (article " + waiting.getArticleId() + " is "
                        + waiting.getStatus() + (waiting.getError().isEmpty() ? "" : ", last error: " + waiting.getError())
                        + "); is nlp-service running? see ./newsroom status");
            }
            String text = articleIds.size() == 1
                    ? "analysing article " + waiting.getArticleId() + "... " + seconds + " s"
                    : newsroom.cli.output.ProgressBar.render(done.size(), articleIds.size(), "analysed")
                            + (failed > 0 ? " (" + failed + " failed)" : "") + " " + seconds + " s";
            if (waiting.getAttempts() > 1 && !waiting.getError().isEmpty()) {
                text += " (attempt " + waiting.getAttempts() + ", last error: " + waiting.getError() + ")";
            }
            progress.update(text);
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new UserError("interrupted while waiting for the analysis");
            }
        }
    }
}
