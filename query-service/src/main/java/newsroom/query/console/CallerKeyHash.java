package newsroom.query.console;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import newsroom.auth.ApiKey;
import newsroom.auth.CallerAuthenticator;

/**
 * Puts the SHA-256 hash of the calling key in the call's context, for
 * {@link ConsoleGrpcService}: a sign-in link is bound to the key that asked for it, and the
 * {@link newsroom.auth.Caller} the access control admits names the key but not its hash. Runs
 * after the access control, which has already refused calls without a valid key.
 */
@ApplicationScoped
public class CallerKeyHash implements ServerInterceptor {

    /** The hash of the calling key; absent when authentication is off. */
    static final Context.Key<String> CURRENT = Context.key("newsroom-caller-key-hash");

    private static final String BEARER = "bearer ";

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
                                                       ServerCallHandler<Q, A> next) {
        String authorization = headers.get(CallerAuthenticator.AUTHORIZATION);
        if (authorization == null || !authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())) {
            return next.startCall(call, headers);
        }
        String keyHash = ApiKey.hash(authorization.substring(BEARER.length()).strip());
        return Contexts.interceptCall(Context.current().withValue(CURRENT, keyHash), call, headers, next);
    }
}
