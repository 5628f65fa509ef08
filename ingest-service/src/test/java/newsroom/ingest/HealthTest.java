package newsroom.ingest;

import io.quarkus.test.junit.QuarkusTest;
import newsroom.testadminport.DatabaseServiceHealthTest;

/**
 * Health and metrics on the admin port, neither on the gRPC port; ready once the database
 * answers, and serving over gRPC health ({@link DatabaseServiceHealthTest}).
 */
@QuarkusTest
class HealthTest extends DatabaseServiceHealthTest {

    @Override
    protected String ownMetric() {
        return "newsroom_ingest_backlog_articles";
    }
}
