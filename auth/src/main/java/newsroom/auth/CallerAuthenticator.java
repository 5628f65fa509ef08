package newsroom.auth;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Lets a call through only with an API key whose roles allow its method
 * ({@link ServiceAccess}): no or an unknown key is UNAUTHENTICATED, a key without the
 * role PERMISSION_DENIED. The caller is put in the call's {@link Context}
 * ({@link Caller#CURRENT}) for the interceptors and services after this one.
 */
public final class CallerAuthenticator implements ServerInterceptor {

    public static final Metadata.Key<String> AUTHORIZATION =
            Metadata.Key.of("authorization", Metadata.ASCII_STRING_MARSHALLER);
    static final String BEARER = "Bearer ";

    private static final String HOW_TO_GET_A_KEY = "`newsroom up` writes one to ~/.newsroom/credentials/client.key"
            + " and the CLI sends it; `newsroom credentials issue --role ROLE` issues more";

    private final Supplier<KeyRegistry> keys;

    /** @param keys the keys accepted now (a {@link KeyFile}'s {@code current}) */
    public CallerAuthenticator(Supplier<KeyRegistry> keys) {
        this.keys = keys;
    }

    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
                                                       ServerCallHandler<Q, A> next) {
        String service = call.getMethodDescriptor().getServiceName();
        if (ServiceAccess.isOpen(service)) {
            return next.startCall(call, headers);
        }
        String authorization = headers.get(AUTHORIZATION);
        if (authorization == null) {
            return refuse(call, Status.UNAUTHENTICATED.withDescription("no credential: send an API key as the"
                    + " metadata \"authorization: Bearer <key>\"; " + HOW_TO_GET_A_KEY));
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || authorization.length() == BEARER.length()) {
            return refuse(call, Status.UNAUTHENTICATED.withDescription("malformed authorization metadata:"
                    + " expected \"Bearer <key>\""));
        }
        Optional<Caller> caller = keys.get().callerOf(authorization.substring(BEARER.length()).strip());
        if (caller.isEmpty()) {
            return refuse(call, Status.UNAUTHENTICATED.withDescription("unknown API key: it was never issued"
                    + " or has been revoked; " + HOW_TO_GET_A_KEY));
        }
        Optional<ServiceAccess.Rule> rule = ServiceAccess.ruleFor(call.getMethodDescriptor().getFullMethodName());
        if (rule.isEmpty()) {
            return refuse(call, Status.PERMISSION_DENIED.withDescription(service + " is not open to clients"));
        }
        if (caller.get().roles().stream().noneMatch(rule.get().roles()::contains)) {
            return refuse(call, Status.PERMISSION_DENIED.withDescription(lacksRole(caller.get(), rule.get())));
        }
        Context context = Context.current().withValue(Caller.CURRENT, caller.get());
        return Contexts.interceptCall(context, call, headers, next);
    }

    private static String lacksRole(Caller caller, ServiceAccess.Rule rule) {
        List<String> labels = rule.roles().stream().sorted().map(Role::label).toList();
        if (labels.size() == 1) {
            return "the API key \"" + caller.name() + "\" lacks the " + labels.get(0) + " role that "
                    + rule.subject() + " needs; issue a key with `newsroom credentials issue --role " + labels.get(0)
                    + "`";
        }
        return "the API key \"" + caller.name() + "\" lacks every role that " + rule.subject() + " takes ("
                + String.join(", ", labels) + "); issue a key with one of them:"
                + " `newsroom credentials issue --role ROLE`";
    }

    private static <Q, A> ServerCall.Listener<Q> refuse(ServerCall<Q, A> call, Status status) {
        call.close(status, new Metadata());
        return new ServerCall.Listener<>() {
        };
    }
}
