package newsroom.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;

/**
 * Kubernetes' probes and Prometheus read health and metrics on the admin port; the gRPC
 * port, which ingest-service reaches, serves neither. (Readiness while the models load:
 * {@link StartupTest}.)
 */
@QuarkusTest
class HealthTest {

    // Paths below the admin port's root, /q: what the Kubernetes probes ask.
    @TestHTTPResource(value = "health/live", management = true)
    URI live;

    @TestHTTPResource(value = "metrics", management = true)
    URI metrics;

    @TestHTTPResource("/q/health/ready")
    URI readyOnGrpcPort;

    @TestHTTPResource("/q/metrics")
    URI metricsOnGrpcPort;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void liveAndMetricsOnTheAdminPort() throws Exception {
        assertEquals("/q/health/live", live.getPath());
        assertEquals(200, get(live).statusCode());
        assertEquals("/q/metrics", metrics.getPath());
        HttpResponse<String> exported = get(metrics);
        assertEquals(200, exported.statusCode());
        assertTrue(exported.body().contains("newsroom_nlp_documents_total"), "the analysis counter is exported");
    }

    @Test
    void theGrpcPortServesNeitherHealthNorMetrics() throws Exception {
        assertNotEquals(live.getPort(), readyOnGrpcPort.getPort(), "the admin port is a port of its own");
        assertEquals(404, get(readyOnGrpcPort).statusCode());
        assertEquals(404, get(metricsOnGrpcPort).statusCode());
    }

    private HttpResponse<String> get(URI uri) throws Exception {
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }
}
