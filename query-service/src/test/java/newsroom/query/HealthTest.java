package newsroom.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import grpc.health.v1.HealthOuterClass.HealthCheckRequest;
import grpc.health.v1.HealthOuterClass.HealthCheckResponse;
import grpc.health.v1.HealthGrpc;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import newsroom.localpostgres.LocalPostgresTestResource;
import org.junit.jupiter.api.Test;

/** The CLI and the end-to-end test wait on these before they send queries. */
@QuarkusTest
@QuarkusTestResource(value = LocalPostgresTestResource.class, restrictToAnnotatedClass = false)
class HealthTest {

    @TestHTTPResource("/q/health/ready")
    URI ready;

    @GrpcClient("query")
    HealthGrpc.HealthBlockingStub health;

    @Test
    void readyOverHttpOnceTheDatabaseAnswers() throws Exception {
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(HttpRequest.newBuilder(ready).GET().build(), HttpResponse.BodyHandlers.ofString());

        assertEquals(200, response.statusCode(), response.body());
        // The datasource check is part of readiness: no database, not ready.
        assertTrue(response.body().contains("Database connections health check"), response.body());
    }

    @Test
    void servingOverGrpcHealth() {
        HealthCheckResponse response = health.check(HealthCheckRequest.newBuilder().build());

        assertEquals(HealthCheckResponse.ServingStatus.SERVING, response.getStatus());
    }
}
