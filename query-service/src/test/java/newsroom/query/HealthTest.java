package newsroom.query;

import grpc.health.v1.HealthGrpc;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import newsroom.testadminport.AdminPortTest;
import org.junit.jupiter.api.Test;

/**
 * Health and metrics on the admin port, neither on the gRPC port ({@link AdminPortTest});
 * ready once the database answers (the datasource check is part of readiness: no database,
 * not ready), and serving over gRPC health.
 */
@QuarkusTest
class HealthTest extends AdminPortTest {

    @GrpcClient("query")
    HealthGrpc.HealthBlockingStub health;

    @Override
    protected String ownMetric() {
        return "agroal_active_count";
    }

    @Test
    void readyOnTheAdminPortOnceTheDatabaseAnswers() {
        assertReadyWith("Database connections health check");
    }

    @Test
    void servingOverGrpcHealth() {
        assertServing(health);
    }
}
