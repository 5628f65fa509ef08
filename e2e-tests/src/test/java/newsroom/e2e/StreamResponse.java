package newsroom.e2e;

import io.grpc.stub.ClientCallStreamObserver;
import io.grpc.stub.ClientResponseObserver;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one response of a client-streaming call such as {@code IngestArticles}: {@link #get}
 * waits for it and throws an {@link ExecutionException} with the stream's error, or with an
 * {@link IllegalStateException} when the stream ended without a response. A sender that
 * follows flow control overrides {@link #beforeStart}.
 */
class StreamResponse<ReqT, RespT> implements ClientResponseObserver<ReqT, RespT> {

    private final CompletableFuture<RespT> response = new CompletableFuture<>();

    @Override
    public void beforeStart(ClientCallStreamObserver<ReqT> requests) {
    }

    @Override
    public void onNext(RespT value) {
        response.complete(value);
    }

    @Override
    public void onError(Throwable error) {
        response.completeExceptionally(error);
    }

    @Override
    public void onCompleted() {
        response.completeExceptionally(new IllegalStateException("the stream ended without a response"));
    }

    RespT get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        return response.get(timeout, unit);
    }
}
