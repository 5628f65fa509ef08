package newsroom.auth;

import io.grpc.Context;
import io.grpc.Contexts;
import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.Status;
import io.grpc.StatusException;
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
        if (ServiceAccess.isOpen(call.getMethodDescriptor().getServiceName())) {
            return next.startCall(call, headers);
        }
        Caller caller;
        try {
            caller = admit(headers.get(AUTHORIZATION), call.getMethodDescriptor().getFullMethodName());
        } catch (StatusException refused) {
            return refuse(call, refused.getStatus());
        }
        Context context = Context.current().withValue(Caller.CURRENT, caller);
        return Contexts.interceptCall(context, call, headers, next);
    }

    /**
     * The caller that {@code authorization} ("Bearer <key>") names, if its roles allow the method:
     * the one check of every gRPC call and every HTTP request (query-service's JSON API).
     *
     * @param authorization  the header's value, null when there is none
     * @param fullMethodName "package.Service/Method"
     * @throws StatusException UNAUTHENTICATED (no, malformed or unknown key) or PERMISSION_DENIED
     *                         (a key without the method's role), with what to do about it
     */
    public Caller admit(String authorization, String fullMethodName) throws StatusException {
        if (authorization == null) {
            throw Status.UNAUTHENTICATED.withDescription("no credential: send an API key as the"
                    + " metadata \"authorization: Bearer <key>\"; " + HOW_TO_GET_A_KEY).asException();
        }
        if (!authorization.regionMatches(true, 0, BEARER, 0, BEARER.length())
                || authorization.length() == BEARER.length()) {
            throw Status.UNAUTHENTICATED.withDescription("malformed authorization metadata:"
                    + " expected \"Bearer <key>\"").asException();
        }
        Optional<Caller> caller = keys.get().callerOf(authorization.substring(BEARER.length()).strip());
        if (caller.isEmpty()) {
            throw Status.UNAUTHENTICATED.withDescription("unknown API key: it was never issued"
                    + " or has been revoked; " + HOW_TO_GET_A_KEY).asException();
        }
        authorize(caller.get(), fullMethodName);
        return caller.get();
    }

    /**
     * Lets {@code caller} call the method if its roles allow it: for a caller known by other means
     * than a key in the request (a console session bound to a key).
     *
     * @throws StatusException PERMISSION_DENIED, naming the role the method needs
     */
    public static void authorize(Caller caller, String fullMethodName) throws StatusException {
        Optional<ServiceAccess.Rule> rule = ServiceAccess.ruleFor(fullMethodName);
        if (rule.isEmpty()) {
            throw Status.PERMISSION_DENIED.withDescription(fullMethodName.substring(0, fullMethodName.indexOf('/'))
                    + " is not open to clients").asException();
        }
        if (caller.roles().stream().noneMatch(rule.get().roles()::contains)) {
            throw Status.PERMISSION_DENIED.withDescription(lacksRole(caller, rule.get())).asException();
        }
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
