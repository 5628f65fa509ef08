package newsroom.cli.ingest;

import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.function.IntConsumer;
import newsroom.cli.ErrorMessages;
import newsroom.cli.grpc.ServiceCallException;
import newsroom.cli.grpc.ServiceChannel;
import newsroom.ingest.v1.IngestArticlesRequest;
import newsroom.ingest.v1.IngestArticlesResponse;
import newsroom.ingest.v1.IngestResult;
import newsroom.ingest.v1.IngestServiceGrpc;

/**
 * Sends many files over one {@code IngestArticles} stream, reading each only when the
 * stream can take it, so a large directory does not pile up in memory.
 */
public final class ArticleStream {

    private final ServiceChannel channel;

    public ArticleStream(ServiceChannel channel) {
        this.channel = channel;
    }

    /**
     * @param sent told how many files have been sent so far
     * @return one outcome per file, in the order given
     */
    public List<IngestOutcome> send(List<Path> files, ArticleTemplate template, IntConsumer sent) {
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
        Map<String, IngestOutcome> unreadable = new HashMap<>();
        for (int i = 0; i < files.size() && !response.isDone(); i++) {
            Path file = files.get(i);
            try {
                IngestArticlesRequest request = IngestArticlesRequest.newBuilder()
                        .setArticle(template.articleFrom(file))
                        .setClientReference(file.toString())
                        .build();
                awaitReady(requests[0], readiness, response);
                requests[0].onNext(request);
            } catch (IOException e) {
                unreadable.put(file.toString(), IngestOutcome.rejected(file, "cannot read: " + ErrorMessages.describe(e)));
            }
            sent.accept(i + 1);
        }
        if (!response.isDone()) {
            requests[0].onCompleted();
        }
        IngestArticlesResponse results = await(response);
        Map<String, IngestResult> byReference = new HashMap<>();
        for (IngestResult result : results.getResultsList()) {
            byReference.put(result.getClientReference(), result);
        }
        List<IngestOutcome> outcomes = new ArrayList<>();
        for (Path file : files) {
            IngestResult result = byReference.get(file.toString());
            if (result != null) {
                outcomes.add(new IngestOutcome(file, result.getArticleId(), result.getStatus().name(),
                        result.getAlreadyStored(), result.getDuplicateOf(), result.getError()));
            } else {
                outcomes.add(unreadable.getOrDefault(file.toString(),
                        IngestOutcome.rejected(file, "no result from ingest-service")));
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
