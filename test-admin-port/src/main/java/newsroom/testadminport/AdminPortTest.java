package newsroom.testadminport;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grpc.health.v1.HealthGrpc;
import grpc.health.v1.HealthOuterClass.HealthCheckRequest;
import grpc.health.v1.HealthOuterClass.HealthCheckResponse;
import io.quarkus.test.common.http.TestHTTPResource;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * What every service's {@code HealthTest} (a {@code @QuarkusTest} extending this) checks:
 * the CLI, Kubernetes' probes and Prometheus read health and metrics on the admin port, and
 * the gRPC port, which clients reach, serves neither. A service adds its own readiness rule.
 */
public abstract class AdminPortTest {

    // Paths below the admin port's root, /q: what the Kubernetes probes ask.
    @TestHTTPResource(value = "health/ready", management = true)
    protected URI ready;

    @TestHTTPResource(value = "health/live", management = true)
    protected URI live;

    @TestHTTPResource(value = "metrics", management = true)
    protected URI metrics;

    @TestHTTPResource("/q/health/ready")
    URI readyOnGrpcPort;

    @TestHTTPResource("/q/metrics")
    URI metricsOnGrpcPort;

    private final HttpClient http = HttpClient.newHttpClient();

    /** A metric the service exports of its own, which shows its metrics are the ones served. */
    protected abstract String ownMetric();

    @Test
    void liveAndMetricsOnTheAdminPort() {
        assertEquals("/q/health/live", live.getPath());
        assertEquals(200, get(live).statusCode());
        assertEquals("/q/metrics", metrics.getPath());
        HttpResponse<String> exported = get(metrics);
        assertEquals(200, exported.statusCode());
        assertTrue(exported.body().contains(ownMetric()), ownMetric() + " is exported");
    }

    @Test
    void theGrpcPortServesNeitherHealthNorMetrics() {
        assertNotEquals(live.getPort(), readyOnGrpcPort.getPort(), "the admin port is a port of its own");
        assertEquals(404, get(readyOnGrpcPort).statusCode());
        assertEquals(404, get(metricsOnGrpcPort).statusCode());
    }

    /** Readiness on the admin port answers 200 and includes the named health check. */
    protected void assertReadyWith(String check) {
        HttpResponse<String> response = get(ready);
        assertEquals("/q/health/ready", ready.getPath());
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains(check), response.body());
    }

    /** The service reports SERVING over gRPC health, on the port its clients use. */
    protected static void assertServing(HealthGrpc.HealthBlockingStub health) {
        assertEquals(HealthCheckResponse.ServingStatus.SERVING,
                health.check(HealthCheckRequest.newBuilder().build()).getStatus());
    }

    /** GET {@code uri}, the body as text. */
    protected HttpResponse<String> get(URI uri) {
        try {
            return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
