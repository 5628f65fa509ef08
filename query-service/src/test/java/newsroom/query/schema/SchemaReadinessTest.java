package newsroom.query.schema;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import newsroom.localpostgres.DatabaseLogin;
import newsroom.localpostgres.DatabaseRole;
import newsroom.localpostgres.LocalPostgres;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;

/** query-service, logged in as the reader, waits for ingest-service to migrate as the owner. */
class SchemaReadinessTest {

    @Test
    void notReadyUntilTheOwnerHasMigrated() throws Exception {
        try (LocalPostgres postgres = LocalPostgres.startThrowAway()) {
            SchemaReadiness readiness = new SchemaReadiness(flyway(postgres, DatabaseRole.READER));

            HealthCheckResponse before = readiness.call();
            assertEquals(HealthCheckResponse.Status.DOWN, before.getStatus());
            assertTrue(before.getData().orElseThrow().get("waiting for").toString().contains("ingest-service"),
                    before.getData().toString());

            flyway(postgres, DatabaseRole.OWNER).migrate();

            assertEquals(HealthCheckResponse.Status.UP, readiness.call().getStatus());
        }
    }

    private static Flyway flyway(LocalPostgres postgres, DatabaseRole role) {
        DatabaseLogin login = postgres.login(role);
        return Flyway.configure().dataSource(postgres.jdbcUrl(), login.user(), login.password())
                .locations("classpath:db/migration").load();
    }
}
