package newsroom.auth;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Refuses a gRPC request whose messages are compressed ({@code grpc-encoding} other than
 * {@code identity}) with UNIMPLEMENTED before a byte of it is inflated, as the gRPC compression
 * spec has a server answer an encoding it does not take, naming the one it does
 * ({@code grpc-accept-encoding: identity}).
 *
 * <p>Why: the services serve gRPC on the Vert.x HTTP server, and its gzip decoding inflates a
 * message whole, with no bound: {@code quarkus.grpc.server.max-inbound-message-size} limits the
 * compressed bytes only. A 1 MB message of zeros inflates to 1 GB, so one call could exhaust any
 * service's heap, before authentication (which sees a message only after it is decoded). No
 * Newsroom client compresses its requests; responses may still be compressed.
 */
@ApplicationScoped
public class UncompressedRequestsOnly {

    /** Before every other route, the gRPC server's among them (which Quarkus adds without an order). */
    static final int ROUTE_ORDER = -10_000;

    private static final String IDENTITY = "identity";

    void addTo(@Observes Router router) {
        router.route().order(ROUTE_ORDER).handler(this::refuseCompressed);
    }

    void refuseCompressed(RoutingContext context) {
        HttpServerRequest request = context.request();
        String encoding = request.getHeader("grpc-encoding");
        String contentType = request.getHeader("content-type");
        if (encoding == null || encoding.equalsIgnoreCase(IDENTITY)
                || contentType == null || !contentType.startsWith("application/grpc")) {
            context.next();
            return;
        }
        // A "trailers-only" gRPC response: the status in the one block of headers that ends the stream.
        context.response()
                .setStatusCode(200)
                .putHeader("content-type", "application/grpc")
                .putHeader("grpc-accept-encoding", IDENTITY)
                .putHeader("grpc-status", "12") // UNIMPLEMENTED
                .putHeader("grpc-message", message(encoding))
                .end();
    }

    /** Printable ASCII only, so the header needs no percent-encoding. */
    static String message(String encoding) {
        String shown = encoding.length() > 40 ? encoding.substring(0, 40) + "..." : encoding;
        return "grpc-encoding " + shown.replaceAll("[^\\x20-\\x7e]|%", "?")
                + " is not accepted: send requests uncompressed (grpc-encoding identity);"
                + " a compressed message's inflated size cannot be bounded before it is inflated";
    }
}
