package newsroom.e2e;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.Compressor;
import io.grpc.MethodDescriptor;
import io.grpc.stub.ClientCalls;
import io.grpc.stub.StreamObserver;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import newsroom.testrawgrpc.RawBytes;

/**
 * Calls any gRPC method with request bytes as they are, bypassing the generated stubs'
 * marshallers: what lets a test put invalid UTF-8 in a {@code string} field, or send a
 * message it compressed itself.
 */
final class RawCalls {

    /** A generous bound on one call: a hostile input must be answered, not waited out. */
    static final long DEADLINE_SECONDS = 30;

    private RawCalls() {
    }

    static byte[] unary(Channel channel, MethodDescriptor<?, ?> method, byte[] request) {
        return unary(channel, method, request, CallOptions.DEFAULT);
    }

    static byte[] unary(Channel channel, MethodDescriptor<?, ?> method, byte[] request, CallOptions options) {
        return ClientCalls.blockingUnaryCall(channel, RawBytes.of(method), withDeadline(options), request);
    }

    /** A unary call of a method no stub on the classpath describes ("grpc.health.v1.Health/Check"). */
    static byte[] unary(Channel channel, String fullMethodName, byte[] request) {
        return ClientCalls.blockingUnaryCall(channel, RawBytes.unary(fullMethodName), withDeadline(CallOptions.DEFAULT),
                request);
    }

    /** Sends {@code requests} on a client stream and returns the one response. */
    static byte[] clientStream(Channel channel, MethodDescriptor<?, ?> method, List<byte[]> requests,
                               CallOptions options) throws InterruptedException {
        CompletableFuture<byte[]> response = new CompletableFuture<>();
        StreamObserver<byte[]> sender = ClientCalls.asyncClientStreamingCall(
                channel.newCall(RawBytes.of(method), withDeadline(options)), new StreamObserver<>() {
                    @Override
                    public void onNext(byte[] value) {
                        response.complete(value);
                    }

                    @Override
                    public void onError(Throwable failure) {
                        response.completeExceptionally(failure);
                    }

                    @Override
                    public void onCompleted() {
                        response.complete(new byte[0]);
                    }
                });
        for (byte[] request : requests) {
            sender.onNext(request);
        }
        sender.onCompleted();
        try {
            return response.get(DEADLINE_SECONDS + 5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        } catch (java.util.concurrent.TimeoutException e) {
            throw new IllegalStateException("no answer within " + DEADLINE_SECONDS + " s", e);
        }
    }

    /** Reads a server stream to its end and returns how many messages came. */
    static int serverStream(Channel channel, MethodDescriptor<?, ?> method, byte[] request) {
        Iterator<byte[]> responses = ClientCalls.blockingServerStreamingCall(channel, RawBytes.of(method),
                withDeadline(CallOptions.DEFAULT), request);
        int count = 0;
        while (responses.hasNext()) {
            responses.next();
            count++;
        }
        return count;
    }

    /** {@code options} with the default deadline, unless they hold one. */
    private static CallOptions withDeadline(CallOptions options) {
        return options.getDeadline() != null ? options : options.withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }

    /**
     * A "compressor" for messages the test compressed itself: it names the encoding in the
     * {@code grpc-encoding} header and sets the compressed flag, and passes the bytes through.
     */
    static final class AlreadyCompressed implements Compressor {

        private final String encoding;

        AlreadyCompressed(String encoding) {
            this.encoding = encoding;
        }

        @Override
        public String getMessageEncoding() {
            return encoding;
        }

        @Override
        public OutputStream compress(OutputStream os) {
            return os;
        }
    }
}
