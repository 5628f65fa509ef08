package newsroom.nlp.pipeline;

import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;

/** Waits, in tests, for the one CoreNLP pipeline of the test JVM to finish loading. */
public final class TestModels {

    private static final Duration PATIENCE = Duration.ofMinutes(10);

    private TestModels() {
    }

    public static void awaitLoaded(CoreNlpPipeline pipeline) {
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (!pipeline.isReady()) {
            assertNull(pipeline.failure(), "CoreNLP models failed to load");
            if (Instant.now().isAfter(giveUp)) {
                fail("CoreNLP models did not load within " + PATIENCE);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                fail("interrupted while waiting for the models");
            }
        }
    }
}
