package newsroom.auth;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.ForwardingClientCall;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;

/** The client side: sends an API key as {@code authorization: Bearer <key>} on every call. */
public final class BearerKey implements ClientInterceptor {

    private final String header;

    public BearerKey(String key) {
        if (key.isBlank()) {
            throw new IllegalArgumentException("the API key is empty");
        }
        this.header = CallerAuthenticator.BEARER + key.strip();
    }

    @Override
    public <Q, A> ClientCall<Q, A> interceptCall(MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
        return new ForwardingClientCall.SimpleForwardingClientCall<>(next.newCall(method, options)) {
            @Override
            public void start(Listener<A> listener, Metadata headers) {
                headers.discardAll(CallerAuthenticator.AUTHORIZATION);
                headers.put(CallerAuthenticator.AUTHORIZATION, header);
                super.start(listener, headers);
            }
        };
    }
}
