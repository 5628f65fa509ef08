package newsroom.bench.ingest;

import io.grpc.Channel;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import newsroom.ingest.v1.Article;
import newsroom.ingest.v1.IngestArticlesRequest;
import newsroom.ingest.v1.IngestArticlesResponse;
import newsroom.ingest.v1.IngestServiceGrpc;

/**
 * New articles sent to ingest-service over a few concurrent {@code IngestArticles} streams, for
 * a number of articles or for a time, and how fast the service stored them.
 *
 * <p>Each stream sends whenever gRPC's flow control says it can take more, and only then: the
 * service reads a stream's next article once it has stored the one before, so the articles in
 * flight are at most the transport's window, however slowly the service stores, and a stream
 * sent for a time ends within moments of that time.
 *
 * <p>Every article must be newly stored: an article refused or already stored means the
 * benchmark measures something else than intake, and fails the round.
 */
public final class ArticleStreams {

    /**
     * One round of streams.
     *
     * @param accepted articles newly stored
     * @param seconds  from the first article sent to the last stream's result
     */
    public record Round(long accepted, double seconds) {

        /** Articles stored per second. */
        public double perSecond() {
            return accepted / seconds;
        }
    }

    private final Channel channel;
    private final int streams;
    private final Supplier<Article> newArticles;

    /**
     * @param streams     concurrent streams in each round
     * @param newArticles called from the streams' threads for each article sent; a new article every call
     */
    public ArticleStreams(Channel channel, int streams, Supplier<Article> newArticles) {
        this.channel = channel;
        this.streams = streams;
        this.newArticles = newArticles;
    }

    /** Sends {@code count} articles over the streams together; returns once all are stored. */
    public Round send(long count) throws Exception {
        AtomicLong left = new AtomicLong(count);
        return round(() -> left.getAndDecrement() > 0);
    }

    /** Sends articles for {@code time}; returns once the articles sent in it are stored. */
    public Round sendFor(Duration time) throws Exception {
        long end = System.nanoTime() + time.toNanos();
        return round(() -> System.nanoTime() < end);
    }

    private Round round(BooleanSupplier more) throws Exception {
        long start = System.nanoTime();
        List<CompletableFuture<IngestArticlesResponse>> results = new ArrayList<>();
        for (int s = 0; s < streams; s++) {
            results.add(stream(more));
        }
        long accepted = 0;
        for (CompletableFuture<IngestArticlesResponse> result : results) {
            IngestArticlesResponse response = result.get(30, TimeUnit.MINUTES);
            if (response.getRejectedCount() > 0 || response.getAlreadyStoredCount() > 0) {
                throw new IllegalStateException("expected only new articles: " + response.getRejectedCount()
                        + " rejected, " + response.getAlreadyStoredCount() + " already stored; why: "
                        + response.getResultsList().stream().filter(r -> !r.getError().isEmpty() || r.getAlreadyStored())
                        .limit(3).map(r -> r.getError().isEmpty() ? "already stored as " + r.getArticleId() : r.getError())
                        .toList());
            }
            accepted += response.getAcceptedCount();
        }
        return new Round(accepted, (System.nanoTime() - start) / 1e9);
    }

    private CompletableFuture<IngestArticlesResponse> stream(BooleanSupplier more) {
        CompletableFuture<IngestArticlesResponse> result = new CompletableFuture<>();
        IngestServiceGrpc.newStub(channel).ingestArticles(new ClientResponseObserver<IngestArticlesRequest,
                IngestArticlesResponse>() {
            private ClientCallStreamObserver<IngestArticlesRequest> requests;
            private boolean ended;

            @Override
            public void beforeStart(ClientCallStreamObserver<IngestArticlesRequest> requests) {
                this.requests = requests;
                requests.setOnReadyHandler(this::sendWhileReady);
            }

            // gRPC runs the handler on the call's executor, one run at a time.
            private void sendWhileReady() {
                while (!ended && !result.isDone() && requests.isReady()) {
                    if (!more.getAsBoolean()) {
                        ended = true;
                        requests.onCompleted();
                        return;
                    }
                    requests.onNext(IngestArticlesRequest.newBuilder().setArticle(newArticles.get()).build());
                }
            }

            @Override
            public void onNext(IngestArticlesResponse response) {
                result.complete(response);
            }

            @Override
            public void onError(Throwable t) {
                result.completeExceptionally(t);
            }

            @Override
            public void onCompleted() {
            }
        });
        return result;
    }
}
