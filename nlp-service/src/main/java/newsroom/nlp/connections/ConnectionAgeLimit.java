package newsroom.nlp.connections;

import io.vertx.core.Vertx;
import io.vertx.core.http.HttpConnection;
import io.vertx.core.http.HttpVersion;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Closes every HTTP/2 (gRPC) connection gracefully once it is
 * {@code newsroom.nlp.max-connection-age} old: a GOAWAY, then up to
 * {@code newsroom.nlp.max-connection-age-grace} for the calls on it to finish.
 *
 * <p>Why: a gRPC client keeps one connection per instance for as long as it lives, and only
 * looks for instances again when a connection ends. Without an end, instances added by a
 * scale-up would get no calls. gRPC's own {@code maxConnectionAge} belongs to the Netty
 * server, which this service does not use (gRPC runs on the Vert.x HTTP server,
 * {@code quarkus.grpc.server.use-separate-server=false}), so the limit is applied here, on the first request of each connection.
 * Ages get up to 10% of random jitter, as in gRPC, so connections do not all end at once.
 */
@ApplicationScoped
public class ConnectionAgeLimit {

    private static final Logger LOG = Logger.getLogger(ConnectionAgeLimit.class);
    /** Before every other route, so each gRPC call passes here first. */
    private static final int ROUTE_ORDER = -10_000;

    @ConfigProperty(name = "newsroom.nlp.max-connection-age")
    Duration maxAge;

    @ConfigProperty(name = "newsroom.nlp.max-connection-age-grace")
    Duration grace;

    private final Set<HttpConnection> limited = ConcurrentHashMap.newKeySet();

    void install(@Observes Router router, Vertx vertx) {
        router.route().order(ROUTE_ORDER).handler(context -> {
            if (context.request().version() == HttpVersion.HTTP_2) {
                limit(context.request().connection(), vertx);
            }
            context.next();
        });
    }

    private void limit(HttpConnection connection, Vertx vertx) {
        if (!limited.add(connection)) {
            return;
        }
        long age = maxAge.toMillis() + (long) (maxAge.toMillis() * 0.1 * ThreadLocalRandom.current().nextDouble());
        long timer = vertx.setTimer(Math.max(1, age), id -> {
            LOG.infof("Ending a client connection after %d ms (max connection age), so its client looks for new instances", age);
            connection.shutdown(grace.toMillis(), TimeUnit.MILLISECONDS);
        });
        connection.closeHandler(closed -> {
            limited.remove(connection);
            vertx.cancelTimer(timer);
        });
    }
}
