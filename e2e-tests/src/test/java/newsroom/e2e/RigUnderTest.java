package newsroom.e2e;

import java.io.IOException;
import java.util.List;
import newsroom.cli.run.ServiceProcess;
import newsroom.localpostgres.LocalPostgres;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The {@link StandInNlpRig} of one test, registered as an instance extension: the test starts
 * it, the services' logs are printed when the test fails, and it is closed after the test
 * (after the class's own {@code @AfterEach}).
 */
final class RigUnderTest extends ServiceLogsOnFailure implements AfterEachCallback {

    private StandInNlpRig rig;

    /** Starts the rig on {@code postgres} (closed with it), with a stand-in NLP service taking {@code nlpDelayMillis}. */
    StandInNlpRig start(LocalPostgres postgres, int nlpDelayMillis) throws IOException {
        rig = StandInNlpRig.start(postgres, nlpDelayMillis);
        return rig;
    }

    @Override
    protected List<ServiceProcess> processes() {
        return rig == null ? List.of() : rig.processes();
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (rig != null) {
            rig.close();
        }
    }
}
