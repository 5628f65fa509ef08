package newsroom.query.grpc;

import com.google.protobuf.Descriptors.MethodDescriptor;
import com.google.protobuf.Message;
import io.grpc.Context;
import io.grpc.Status;
import io.grpc.StatusException;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcService;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import newsroom.auth.Caller;
import newsroom.auth.CallerAuthenticator;
import newsroom.auth.GrpcAccessControl;
import newsroom.query.v1.QueryService;
import newsroom.query.v1.QueryServiceProto;

/**
 * Calls {@link QueryService}'s unary methods in process, for the HTTP faces of query-service
 * (the JSON API and the console): the same service bean a gRPC call reaches, under the same
 * caller, role check and fair share of the {@link CallGate}, so HTTP answers are the gRPC answers.
 */
@ApplicationScoped
public class QueryCalls {

    private final QueryGrpcService service;
    private final GrpcAccessControl access;
    /** QueryService's unary methods by their proto name ("SearchArticles"). */
    private final Map<String, Method> methods = new HashMap<>();

    QueryCalls(@GrpcService QueryGrpcService service, GrpcAccessControl access) {
        this.service = service;
        this.access = access;
        for (MethodDescriptor method : QueryServiceProto.getDescriptor().findServiceByName("QueryService").getMethods()) {
            if (method.isServerStreaming() || method.isClientStreaming()) {
                continue;
            }
            String name = Character.toLowerCase(method.getName().charAt(0)) + method.getName().substring(1);
            try {
                Class<?> requestType = Class.forName(method.getInputType().getFullName());
                methods.put(method.getName(), QueryService.class.getMethod(name, requestType));
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("QueryService." + name + " does not match its proto method", e);
            }
        }
    }

    /** QueryService's descriptor: its methods and their google.api.http rules. */
    public static com.google.protobuf.Descriptors.ServiceDescriptor descriptor() {
        return QueryServiceProto.getDescriptor().findServiceByName("QueryService");
    }

    /**
     * Calls {@code method} with the key in {@code authorization} ("Bearer <key>"), checked as a
     * gRPC call's metadata is.
     *
     * @throws StatusException as the gRPC call would end: UNAUTHENTICATED, PERMISSION_DENIED,
     *                         INVALID_ARGUMENT, NOT_FOUND, ...
     */
    public Message call(String authorization, MethodDescriptor method, Message request) throws StatusException {
        return call(access.admit(authorization, fullName(method)), method, request);
    }

    /**
     * Calls {@code method} as {@code caller}, already authenticated (a console session's key),
     * after checking its roles; empty when authentication is off.
     */
    public Message call(Optional<Caller> caller, MethodDescriptor method, Message request) throws StatusException {
        Method target = methods.get(method.getName());
        if (target == null) {
            throw Status.UNIMPLEMENTED.withDescription(fullName(method) + " is not served over HTTP").asException();
        }
        if (caller.isPresent()) {
            CallerAuthenticator.authorize(caller.get(), fullName(method));
        }
        Context context = Context.current().withValue(Caller.CURRENT, caller.orElse(null));
        try {
            return context.call(() -> (Message) ((Uni<?>) target.invoke(service, request)).await().indefinitely());
        } catch (InvocationTargetException e) {
            throw asStatus(e.getCause());
        } catch (Exception e) {
            throw asStatus(e);
        }
    }

    private static StatusException asStatus(Throwable failure) {
        if (failure instanceof StatusRuntimeException status) {
            return status.getStatus().asException(status.getTrailers());
        }
        if (failure instanceof StatusException status) {
            return status;
        }
        return Status.INTERNAL.withDescription("the query failed: " + failure).withCause(failure).asException();
    }

    private static String fullName(MethodDescriptor method) {
        return method.getService().getFullName() + "/" + method.getName();
    }
}
