package newsroom.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grpc.health.v1.HealthGrpc;
import grpc.health.v1.HealthOuterClass.HealthCheckRequest;
import grpc.health.v1.HealthOuterClass.HealthCheckResponse;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * The CLI, Kubernetes' probes and Prometheus read health and metrics on the admin port;
 * the gRPC port, which clients reach, serves neither.
 */
@QuarkusTest
class HealthTest {

    // Paths below the admin port's root, /q: what the Kubernetes probes ask.
    @TestHTTPResource(value = "health/ready", management = true)
    URI ready;

    @TestHTTPResource(value = "health/live", management = true)
    URI live;

    @TestHTTPResource(value = "metrics", management = true)
    URI metrics;

    @TestHTTPResource("/q/health/ready")
    URI readyOnGrpcPort;

    @TestHTTPResource("/q/metrics")
    URI metricsOnGrpcPort;

    @GrpcClient("ingest")
    HealthGrpc.HealthBlockingStub health;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void readyAndLiveOnTheAdminPort() throws Exception {
        HttpResponse<String> response = get(ready);

        assertEquals("/q/health/ready", ready.getPath());
        assertEquals(200, response.statusCode(), response.body());
        assertTrue(response.body().contains("Database connections health check"), response.body());
        assertEquals(200, get(live).statusCode());
    }

    @Test
    void metricsOnTheAdminPort() throws Exception {
        HttpResponse<String> response = get(metrics);

        assertEquals("/q/metrics", metrics.getPath());
        assertEquals(200, response.statusCode());
        assertTrue(response.body().contains("newsroom_ingest_backlog_articles"), "the backlog gauge is exported");
    }

    @Test
    void theGrpcPortServesNeitherHealthNorMetrics() throws Exception {
        assertNotEquals(ready.getPort(), readyOnGrpcPort.getPort(), "the admin port is a port of its own");
        assertEquals(404, get(readyOnGrpcPort).statusCode());
        assertEquals(404, get(metricsOnGrpcPort).statusCode());
    }

    @Test
    void servingOverGrpcHealth() {
        HealthCheckResponse response = health.check(HealthCheckRequest.newBuilder().build());

        assertEquals(HealthCheckResponse.ServingStatus.SERVING, response.getStatus());
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
