package newsroom.query.http;

import com.google.protobuf.Descriptors.FieldDescriptor;
import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Message;
import com.google.protobuf.util.JsonFormat;
import io.grpc.Status;
import io.grpc.StatusException;
import io.quarkus.arc.Arc;
import io.quarkus.arc.ManagedContext;
import io.vertx.core.MultiMap;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.http.HttpServerResponse;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Instance;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import newsroom.auth.Caller;
import newsroom.auth.CallerAuthenticator;
import newsroom.auth.GrpcAccessControl;
import newsroom.query.grpc.QueryCalls;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The JSON API: QueryService's methods at the paths of their google.api.http rules (AIP-127),
 * read from the service's descriptor at start, so that the contract is the one place that says
 * which path calls what (docs/api.md). Each request is bound to the method's request message
 * ({@link RequestBinder}), called through {@link QueryCalls} (the gRPC service bean itself, under
 * the same caller checks and fair share), and answered with the proto3 JSON mapping of the
 * response, or as CSV ({@code format=csv}) for a list, which follows its pages to the end.
 * Errors are {@code google.rpc.Status} JSON with the HTTP status of their gRPC code.
 *
 * <p>The API lives under {@code /api/} only: gRPC and the console share this HTTP server. Calls
 * block on the store, so they run on worker threads.
 */
@ApplicationScoped
public class JsonApi {

    private static final Logger LOG = Logger.getLogger(JsonApi.class);
    static final String ROOT = "/api/";
    private static final String FORMAT = "format";
    private static final JsonFormat.Printer JSON = JsonFormat.printer();
    private static final JsonFormat.Printer STATUS_JSON = JsonFormat.printer().alwaysPrintFieldsWithNoPresence();

    private final QueryCalls calls;
    private final GrpcAccessControl access;
    private final Instance<SessionCallers> sessions;
    private final int csvPageSize;
    private final List<ApiMethod> methods = ApiMethod.of(QueryCalls.descriptor());

    JsonApi(QueryCalls calls, GrpcAccessControl access, Instance<SessionCallers> sessions,
            @ConfigProperty(name = "newsroom.api.csv-page-size", defaultValue = "1000") int csvPageSize) {
        if (csvPageSize < 1) {
            throw new IllegalArgumentException("newsroom.api.csv-page-size must be at least 1, not " + csvPageSize);
        }
        this.calls = calls;
        this.access = access;
        this.sessions = sessions;
        this.csvPageSize = csvPageSize;
    }

    void route(@Observes Router router) {
        router.route(ROOT + "*").blockingHandler(this::handle, false);
    }

    private void handle(RoutingContext context) {
        try {
            serve(context);
        } catch (BadParameterException e) {
            fail(context, Status.INVALID_ARGUMENT.withDescription(e.getMessage()));
        } catch (StatusException e) {
            fail(context, e.getStatus());
        } catch (RuntimeException e) {
            LOG.error("JSON API request failed: " + context.request().path(), e);
            fail(context, Status.INTERNAL.withDescription("the request failed inside the service; its log says why"));
        }
    }

    private void serve(RoutingContext context) throws StatusException {
        List<String> segments = segments(context.normalizedPath());
        for (ApiMethod method : methods) {
            Optional<Map<String, String>> variables = method.path().match(segments);
            if (variables.isEmpty()) {
                continue;
            }
            if (context.request().method() != HttpMethod.GET) {
                context.response().putHeader("Allow", "GET");
                fail(context, 405, Status.UNIMPLEMENTED.withDescription(context.request().method().name()
                        + " is not served at " + method.path().text() + ": the API only reads, with GET"));
                return;
            }
            serve(context, method, variables.get());
            return;
        }
        throw Status.NOT_FOUND.withDescription("no API path " + context.normalizedPath() + "; docs/api.md and"
                + " /q/openapi list them").asException();
    }

    private void serve(RoutingContext context, ApiMethod method, Map<String, String> variables) throws StatusException {
        Map<String, List<String>> parameters = parameters(context.queryParams());
        boolean csv = csv(parameters.remove(FORMAT), method);
        Message.Builder request = defaultRequest(method).toBuilder();
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            RequestBinder.bind(request, variable.getKey(), List.of(variable.getValue()));
        }
        for (Map.Entry<String, List<String>> parameter : parameters.entrySet()) {
            List<FieldDescriptor> field = RequestBinder.fieldPath(method.method().getInputType(), parameter.getKey());
            if (field.size() == 1 && variables.containsKey(field.get(0).getName())) {
                throw new BadParameterException(parameter.getKey(), "is set by the path " + method.path().text()
                        + "; leave it out of the query");
            }
            RequestBinder.bind(request, parameter.getKey(), parameter.getValue());
        }
        Optional<Caller> caller = caller(context, method);
        if (csv) {
            new CsvExport(context, method, caller).run(request);
        } else {
            Message response = call(caller, method, request.build());
            String body = print(JSON, response);
            headers(context.response(), 200, "application/json; charset=utf-8");
            context.response().end(body);
        }
    }

    /** The generated request message's default instance, so that QueryService gets the type it declares. */
    private static Message defaultRequest(ApiMethod method) {
        try {
            Class<?> type = Class.forName(javaName(method.method().getInputType()));
            return (Message) type.getMethod("getDefaultInstance").invoke(null);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("no generated class for " + method.method().getInputType().getFullName(), e);
        }
    }

    private static String javaName(com.google.protobuf.Descriptors.Descriptor message) {
        String javaPackage = message.getFile().getOptions().getJavaPackage();
        return (javaPackage.isEmpty() ? message.getFile().getPackage() : javaPackage) + "." + message.getName();
    }

    private static boolean csv(List<String> format, ApiMethod method) {
        if (format == null) {
            return false;
        }
        if (format.size() > 1) {
            throw new BadParameterException(FORMAT, "is given " + format.size() + " times; it takes one value");
        }
        switch (format.get(0)) {
            case "json":
                return false;
            case "csv":
                if (!method.isList()) {
                    throw new BadParameterException(FORMAT, "csv is for lists; " + method.path().text()
                            + " answers one " + method.method().getOutputType().getName() + ", in JSON only");
                }
                return true;
            default:
                throw new BadParameterException(FORMAT, "must be json or csv, was \""
                        + RequestBinder.shown(format.get(0)) + "\"");
        }
    }

    /**
     * Who calls: the key of the Authorization header, or else the console session of the
     * {@value SessionCallers#COOKIE} cookie; admitted as a gRPC call's key is (reader role).
     */
    private Optional<Caller> caller(RoutingContext context, ApiMethod method) throws StatusException {
        String authorization = context.request().getHeader("Authorization");
        Cookie session = context.request().getCookie(SessionCallers.COOKIE);
        if (authorization != null || session == null || !sessions.isResolvable() || !access.authenticates()) {
            return access.admit(authorization, method.fullName());
        }
        // In a request context, as the console's pages call it.
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        Optional<Caller> caller;
        try {
            caller = sessions.get().callerOfSession(session.getValue());
        } finally {
            requestContext.terminate();
        }
        if (caller.isEmpty()) {
            throw Status.UNAUTHENTICATED.withDescription("the console session is unknown or has expired: sign in"
                    + " again, or send an API key as the header \"Authorization: Bearer <key>\"").asException();
        }
        CallerAuthenticator.authorize(caller.get(), method.fullName());
        return caller;
    }

    /**
     * Calls the method in a request context of its own, as a gRPC call runs: the queries' EntityManager
     * lives in it (a plain Vert.x route has none), and a CSV export's pages do not pile up in one.
     */
    private Message call(Optional<Caller> caller, ApiMethod method, Message request) throws StatusException {
        ManagedContext requestContext = Arc.container().requestContext();
        requestContext.activate();
        try {
            return calls.call(caller, method.method(), request);
        } finally {
            requestContext.terminate();
        }
    }

    /** Streams a list as CSV, page after page of the list's largest size, until the end or the row limit. */
    private final class CsvExport {

        private final RoutingContext context;
        private final ApiMethod method;
        private final Optional<Caller> caller;

        CsvExport(RoutingContext context, ApiMethod method, Optional<Caller> caller) {
            this.context = context;
            this.method = method;
            this.caller = caller;
        }

        void run(Message.Builder request) throws StatusException {
            FieldDescriptor pageSize = method.method().getInputType().findFieldByName(ApiMethod.PAGE_SIZE);
            FieldDescriptor pageToken = method.method().getInputType().findFieldByName(ApiMethod.PAGE_TOKEN);
            FieldDescriptor items = method.items().orElseThrow();
            // In a CSV, page_size (limit) caps the rows; 0 means every row.
            long limit = ((Number) request.getField(pageSize)).longValue();
            if (limit < 0) {
                throw new BadParameterException("limit", "must not be negative, was " + limit);
            }
            request.setField(pageSize, csvPageSize);
            CsvTable table = new CsvTable(items.getMessageType());
            // The first page before the headers: an error there is still an HTTP error.
            Message page = call(caller, method, request.build());
            HttpServerResponse response = context.response();
            headers(response, 200, "text/csv; charset=utf-8; header=present");
            response.putHeader("Content-Disposition", "attachment; filename=\"" + method.path().lastLiteral() + ".csv\"");
            response.setChunked(true);
            response.write(table.header());
            long rows = 0;
            while (true) {
                StringBuilder chunk = new StringBuilder();
                int count = page.getRepeatedFieldCount(items);
                for (int i = 0; i < count && (limit == 0 || rows < limit); i++, rows++) {
                    chunk.append(table.row((Message) page.getRepeatedField(items, i)));
                }
                response.write(chunk.toString());
                String next = (String) page.getField(page.getDescriptorForType().findFieldByName(ApiMethod.NEXT_PAGE_TOKEN));
                if (next.isEmpty() || (limit > 0 && rows >= limit) || response.closed()) {
                    break;
                }
                awaitDrained(response);
                request.setField(pageToken, next);
                try {
                    page = call(caller, method, request.build());
                } catch (StatusException e) {
                    // The status line is sent: break the transfer, so the client sees an incomplete
                    // file rather than a short one that looks whole.
                    LOG.warnf("CSV export of %s broken off after %d rows: %s", context.request().uri(), rows,
                            e.getStatus());
                    response.reset();
                    return;
                }
            }
            response.end();
        }

        /** Waits while the client reads slower than the store answers, so a long export holds one page at most. */
        private void awaitDrained(HttpServerResponse response) {
            if (!response.writeQueueFull()) {
                return;
            }
            CompletableFuture<Void> drained = new CompletableFuture<>();
            response.drainHandler(ignored -> drained.complete(null));
            response.closeHandler(ignored -> drained.complete(null));
            if (!response.writeQueueFull()) {
                drained.complete(null);
            }
            try {
                drained.get(5, TimeUnit.MINUTES);
            } catch (Exception e) {
                throw new IllegalStateException("the client stopped reading the CSV export", e);
            }
        }
    }

    private static void headers(HttpServerResponse response, int code, String contentType) {
        response.setStatusCode(code)
                .putHeader("Content-Type", contentType)
                .putHeader("X-Content-Type-Options", "nosniff")
                .putHeader("Cache-Control", "no-store");
    }

    private void fail(RoutingContext context, Status status) {
        fail(context, HttpCodes.of(status.getCode()), status);
    }

    private void fail(RoutingContext context, int httpCode, Status status) {
        HttpServerResponse response = context.response();
        if (response.headWritten()) {
            response.reset();
            return;
        }
        if (status.getCode() == Status.Code.UNAUTHENTICATED) {
            response.putHeader("WWW-Authenticate", "Bearer");
        }
        headers(response, httpCode, "application/json; charset=utf-8");
        response.end(print(STATUS_JSON, com.google.rpc.Status.newBuilder()
                .setCode(status.getCode().value())
                .setMessage(status.getDescription() == null ? status.getCode().name() : status.getDescription())
                .build()));
    }

    private static String print(JsonFormat.Printer printer, Message message) {
        try {
            return printer.print(message);
        } catch (InvalidProtocolBufferException e) {
            throw new IllegalStateException("a generated message always prints as JSON", e);
        }
    }

    /** The query parameters by name, in order, each with all its values. */
    private static Map<String, List<String>> parameters(MultiMap query) {
        Map<String, List<String>> parameters = new LinkedHashMap<>();
        for (Map.Entry<String, String> entry : query.entries()) {
            parameters.computeIfAbsent(entry.getKey(), key -> new ArrayList<>()).add(entry.getValue());
        }
        return parameters;
    }

    private static List<String> segments(String path) {
        String trimmed = path.endsWith("/") && path.length() > 1 ? path.substring(0, path.length() - 1) : path;
        List<String> segments = new ArrayList<>();
        for (String segment : trimmed.substring(1).split("/", -1)) {
            segments.add(URLDecoder.decode(segment.replace("+", "%2B"), StandardCharsets.UTF_8));
        }
        return segments;
    }
}
