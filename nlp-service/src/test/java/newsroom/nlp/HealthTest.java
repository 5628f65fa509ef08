package newsroom.nlp;

import io.quarkus.test.junit.QuarkusTest;
import newsroom.testadminport.AdminPortTest;

/**
 * Health and metrics on the admin port, neither on the gRPC port, which ingest-service
 * reaches ({@link AdminPortTest}). (Readiness while the models load: {@link StartupTest}.)
 */
@QuarkusTest
class HealthTest extends AdminPortTest {

    @Override
    protected String ownMetric() {
        return "newsroom_nlp_documents_total";
    }
}
