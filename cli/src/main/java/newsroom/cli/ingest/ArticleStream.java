package newsroom.cli.ingest;

import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.LongConsumer;
import newsroom.cli.grpc.ServiceCallException;
import newsroom.cli.grpc.ServiceChannel;
import newsroom.ingest.v1.IngestArticlesRequest;
import newsroom.ingest.v1.IngestArticlesResponse;
import newsroom.ingest.v1.IngestResult;
import newsroom.ingest.v1.IngestServiceGrpc;

/**
 * Sends many articles over {@code IngestArticles} streams, reading each only
 * when the stream can take it (gRPC flow control: when ingest-service falls
 * behind, reading stops), so a large directory or JSON Lines file does not
 * pile up in memory. One stream carries at most {@link #BATCH} articles, fewer
 * than the 10,000 whose results ingest-service returns per stream, so every
 * article gets its result. Each is sent with its index in the stream as
 * {@code client_reference} (the service caps references at 256 bytes; a path
 * may be longer), and its result is matched back by that index.
 */
public final class ArticleStream {

    static final int BATCH = 5_000;

    private final ServiceChannel channel;

    public ArticleStream(ServiceChannel channel) {
        this.channel = channel;
    }

    /**
     * @param sent told how many articles have been stored or rejected so far
     * @return one outcome per article, in the order given
     */
    public List<IngestOutcome> send(Iterator<PendingArticle> articles, LongConsumer sent) {
        List<IngestOutcome> outcomes = new ArrayList<>();
        while (articles.hasNext()) {
            List<PendingArticle> batch = new ArrayList<>();
            outcomes.addAll(sendBatch(articles, batch));
            sent.accept(outcomes.size());
        }
        return outcomes;
    }

    private List<IngestOutcome> sendBatch(Iterator<PendingArticle> articles, List<PendingArticle> batch) {
        CompletableFuture<IngestArticlesResponse> response = new CompletableFuture<>();
        Object readiness = new Object();
        @SuppressWarnings("unchecked")
        ClientCallStreamObserver<IngestArticlesRequest>[] requests = new ClientCallStreamObserver[1];
        IngestServiceGrpc.newStub(channel.channel()).ingestArticles(
                new ClientResponseObserver<IngestArticlesRequest, IngestArticlesResponse>() {
                    @Override
                    public void beforeStart(ClientCallStreamObserver<IngestArticlesRequest> stream) {
                        requests[0] = stream;
                        stream.setOnReadyHandler(() -> {
                            synchronized (readiness) {
                                readiness.notifyAll();
                            }
                        });
                    }

                    @Override
                    public void onNext(IngestArticlesResponse value) {
                        response.complete(value);
                    }

                    @Override
                    public void onError(Throwable error) {
                        response.completeExceptionally(error);
                        synchronized (readiness) {
                            readiness.notifyAll();
                        }
                    }

                    @Override
                    public void onCompleted() {
                        response.completeExceptionally(new IllegalStateException(
                                "ingest-service closed the stream without a result"));
                    }
                });
        while (batch.size() < BATCH && articles.hasNext() && !response.isDone()) {
            PendingArticle article = articles.next();
            // Only the reference is kept: the article itself is gone once sent.
            batch.add(new PendingArticle(article.reference(), null, article.unreadable()));
            if (article.article() != null) {
                awaitReady(requests[0], readiness, response);
                requests[0].onNext(IngestArticlesRequest.newBuilder()
                        .setArticle(article.article())
                        .setClientReference(Integer.toString(batch.size() - 1))
                        .build());
            }
        }
        if (!response.isDone()) {
            requests[0].onCompleted();
        }
        IngestArticlesResponse results = await(response);
        Map<String, IngestResult> byIndex = new HashMap<>();
        for (IngestResult result : results.getResultsList()) {
            byIndex.put(result.getClientReference(), result);
        }
        List<IngestOutcome> outcomes = new ArrayList<>();
        for (int index = 0; index < batch.size(); index++) {
            PendingArticle article = batch.get(index);
            IngestResult result = byIndex.get(Integer.toString(index));
            if (result != null) {
                outcomes.add(new IngestOutcome(article.reference(), result.getArticleId(), result.getStatus(),
                        result.getAlreadyStored(), result.getDuplicateOf(), result.getError()));
            } else {
                outcomes.add(IngestOutcome.rejected(article.reference(), article.unreadable() != null
                        ? article.unreadable() : "no result from ingest-service"));
            }
        }
        return outcomes;
    }

    private static void awaitReady(ClientCallStreamObserver<IngestArticlesRequest> stream, Object readiness,
                                   CompletableFuture<IngestArticlesResponse> response) {
        synchronized (readiness) {
            while (!stream.isReady() && !response.isDone()) {
                try {
                    readiness.wait(100);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    private IngestArticlesResponse await(CompletableFuture<IngestArticlesResponse> response) {
        try {
            return response.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof StatusRuntimeException status) {
                throw new ServiceCallException(channel.endpoint(), status.getStatus());
            }
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for ingest-service");
        }
    }
}
