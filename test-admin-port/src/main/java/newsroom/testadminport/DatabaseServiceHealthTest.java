package newsroom.testadminport;

import grpc.health.v1.HealthGrpc;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import org.junit.jupiter.api.Test;

/**
 * What the {@code HealthTest} of a service that stores in PostgreSQL (ingest-service,
 * query-service) checks besides {@link AdminPortTest}: ready once the database answers (the
 * datasource check is part of readiness: no database, not ready), and serving over gRPC
 * health on the port its clients use, as a client without a key asks (health is open).
 */
public abstract class DatabaseServiceHealthTest extends AdminPortTest {

    @Test
    void readyOnTheAdminPortOnceTheDatabaseAnswers() {
        assertReadyWith("Database connections health check");
    }

    @Test
    void servingOverGrpcHealth() {
        ManagedChannel channel = ManagedChannelBuilder.forAddress(readyOnGrpcPort.getHost(), readyOnGrpcPort.getPort())
                .usePlaintext().build();
        try {
            assertServing(HealthGrpc.newBlockingStub(channel));
        } finally {
            channel.shutdownNow();
        }
    }
}
