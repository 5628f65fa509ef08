package newsroom.auth;

import io.grpc.ForwardingServerCallListener;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.quarkus.grpc.GlobalInterceptor;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Answers a call whose one request message could not be parsed (bytes that are not protobuf,
 * a {@code string} field that is not UTF-8) with INVALID_ARGUMENT, naming the method.
 *
 * <p>Why: the Vert.x gRPC server drops a message it cannot parse without a word (the error
 * ends in a Vert.x buffer with no exception handler) and then passes on the client's
 * half-close, so the call handler sees a request end with no message and answers INTERNAL
 * "Half-closed without a request", as if the fault were the server's. A half-close with no
 * message before it is what such a request looks like from here.
 */
@ApplicationScoped
@GlobalInterceptor
@Priority(UnparsedRequests.PRIORITY)
public class UnparsedRequests implements ServerInterceptor {

    /** After access control (higher runs first): a caller it refuses never gets here. */
    public static final int PRIORITY = GrpcAccessControl.PRIORITY - 100;

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
                                                       ServerCallHandler<Q, A> next) {
        ServerCall.Listener<Q> listener = next.startCall(call, headers);
        if (!call.getMethodDescriptor().getType().clientSendsOneMessage()) {
            return listener;
        }
        return new ForwardingServerCallListener.SimpleForwardingServerCallListener<>(listener) {
            private boolean received;

            @Override
            public void onMessage(Q message) {
                received = true;
                super.onMessage(message);
            }

            @Override
            public void onHalfClose() {
                if (received) {
                    super.onHalfClose();
                } else {
                    call.close(Status.INVALID_ARGUMENT.withDescription(
                            message(call.getMethodDescriptor().getFullMethodName())), new Metadata());
                }
            }
        };
    }

    static String message(String method) {
        return "the request to " + method + " could not be parsed as its message: it is not protobuf, or a string"
                + " field in it is not UTF-8";
    }
}
