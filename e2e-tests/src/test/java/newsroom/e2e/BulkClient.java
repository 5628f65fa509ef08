package newsroom.e2e;

import io.grpc.stub.StreamObserver;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import newsroom.cli.grpc.ServiceChannel;
import newsroom.ingest.v1.Article;
import newsroom.ingest.v1.IngestArticlesRequest;
import newsroom.ingest.v1.IngestArticlesResponse;
import newsroom.ingest.v1.IngestServiceGrpc;

/**
 * What the fault tests' bulk clients send: one batch of articles as one {@code IngestArticles}
 * stream, with a stop halfway where a test can hold the stream open while it kills something.
 */
final class BulkClient {

    /** What to do when half the batch is sent (wait for a kill to be done, say). */
    @FunctionalInterface
    interface Halfway {
        void reached() throws InterruptedException;
    }

    private BulkClient() {
    }

    /**
     * Sends {@code batch}, pausing {@code betweenArticles} after each article, and waits for the
     * response; a broken stream throws an {@link java.util.concurrent.ExecutionException} with its error.
     */
    static IngestArticlesResponse send(ServiceChannel channel, List<Article> batch, Halfway halfway,
                                       Duration betweenArticles) throws Exception {
        StreamResponse<IngestArticlesRequest, IngestArticlesResponse> done = new StreamResponse<>();
        StreamObserver<IngestArticlesRequest> requests = IngestServiceGrpc.newStub(channel.channel())
                .withDeadlineAfter(60, TimeUnit.SECONDS)
                .ingestArticles(done);
        for (int i = 0; i < batch.size(); i++) {
            if (i == batch.size() / 2) {
                halfway.reached();
            }
            requests.onNext(IngestArticlesRequest.newBuilder().setArticle(batch.get(i)).build());
            if (!betweenArticles.isZero()) {
                Thread.sleep(betweenArticles.toMillis());
            }
        }
        requests.onCompleted();
        return done.get(90, TimeUnit.SECONDS);
    }
}
