package newsroom.query.schema;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Arrays;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.MigrationInfo;

/**
 * Ready once the store's schema is the one this build's migrations make. query-service
 * cannot migrate (its role reads rows only): ingest-service migrates as the schema's
 * owner, and query-service, started beside it, is not ready until that is done rather
 * than answering calls against tables that may not exist yet.
 */
@Readiness
@ApplicationScoped
public class SchemaReadiness implements HealthCheck {

    static final String NAME = "Store schema";

    private final Flyway flyway;
    /** Once current, the schema stays so: migrations only run forward. */
    private volatile boolean current;

    @Inject
    public SchemaReadiness(Flyway flyway) {
        this.flyway = flyway;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME);
        if (!current) {
            try {
                MigrationInfo[] pending = flyway.info().pending();
                if (pending.length > 0) {
                    return response.down()
                            .withData("waiting for", "migration " + pending[pending.length - 1].getVersion()
                                    + " (ingest-service migrates the store at its start)")
                            .withData("pending", Arrays.stream(pending).map(info -> "V" + info.getVersion()).toList().toString())
                            .build();
                }
                current = true;
            } catch (FlywayException e) {
                return response.down().withData("error", "cannot read the migration history: " + e.getMessage()).build();
            }
        }
        return response.up().build();
    }
}
