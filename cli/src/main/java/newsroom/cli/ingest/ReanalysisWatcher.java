package newsroom.cli.ingest;

import io.grpc.Status;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import newsroom.cli.UserError;
import newsroom.cli.grpc.ServiceCallException;
import newsroom.cli.grpc.ServiceChannel;
import newsroom.cli.output.ProgressBar;
import newsroom.cli.output.ProgressLine;
import newsroom.ingest.v1.GetReanalysisRequest;
import newsroom.ingest.v1.IngestServiceGrpc;
import newsroom.ingest.v1.Reanalysis;

/**
 * Polls {@code GetReanalysis} until a re-analysis is DONE, with a progress bar. The work is the
 * service's: a watcher that stops, or an ingest-service that restarts meanwhile, costs it
 * nothing, so an unreachable service is waited for rather than reported.
 */
public final class ReanalysisWatcher {

    private static final Duration POLL_INTERVAL = Duration.ofSeconds(1);

    private final ServiceChannel ingest;

    public ReanalysisWatcher(ServiceChannel ingest) {
        this.ingest = ingest;
    }

    public Reanalysis get(long reanalysisId) {
        return ServiceCallException.call(ingest.endpoint(), () -> IngestServiceGrpc.newBlockingStub(ingest.channel())
                .withDeadlineAfter(30, TimeUnit.SECONDS)
                .getReanalysis(GetReanalysisRequest.newBuilder().setReanalysisId(reanalysisId).build())
                .getReanalysis());
    }

    /** @return the re-analysis once DONE */
    public Reanalysis awaitDone(Reanalysis started, ProgressLine progress) {
        Reanalysis current = started;
        long start = System.nanoTime();
        while (current.getState() != Reanalysis.State.DONE) {
            long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
            progress.update(ProgressBar.render(current.getDoneCount() + current.getFailedCount(),
                    current.getTotalCount(), "re-analysed")
                    + (current.getFailedCount() > 0 ? " (" + current.getFailedCount() + " failed)" : "")
                    + " " + seconds + " s");
            sleep();
            try {
                current = get(current.getReanalysisId());
            } catch (ServiceCallException e) {
                if (e.status().getCode() != Status.Code.UNAVAILABLE) {
                    throw e;
                }
                progress.update(ingest.endpoint().serviceName() + " is unreachable; the re-analysis goes on once it"
                        + " is back, waiting... " + seconds + " s");
            }
        }
        progress.clear();
        return current;
    }

    private static void sleep() {
        try {
            Thread.sleep(POLL_INTERVAL.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while following the re-analysis (it goes on in ingest-service)");
        }
    }
}
