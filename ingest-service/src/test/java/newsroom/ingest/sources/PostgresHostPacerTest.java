package newsroom.ingest.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import newsroom.localpostgres.LocalPostgresTestResource;
import org.junit.jupiter.api.Test;

/**
 * Host slots reserved in PostgreSQL by many callers at once (as by several replicas) are never
 * closer than the host's delay, and another host is not held up by the first.
 */
@QuarkusTest
@QuarkusTestResource(value = LocalPostgresTestResource.class, restrictToAnnotatedClass = false)
class PostgresHostPacerTest {

    private static final int CALLERS = 8;
    private static final int SLOTS_EACH = 5;

    @Inject
    PostgresHostPacer pacer;

    @Test
    void concurrentCallersGetSlotsAtLeastTheDelayApart() throws Exception {
        String host = "pacer-" + UUID.randomUUID() + ".example.org";
        Duration delay = Duration.ofMillis(250);
        List<Instant> starts = Collections.synchronizedList(new ArrayList<>());
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CALLERS; c++) {
                done.add(callers.submit(() -> {
                    go.await();
                    for (int s = 0; s < SLOTS_EACH; s++) {
                        starts.add(pacer.reserve(host, delay).start());
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            callers.shutdownNow();
        }

        List<Instant> sorted = new ArrayList<>(starts);
        Collections.sort(sorted);
        assertEquals(CALLERS * SLOTS_EACH, sorted.size());
        for (int i = 1; i < sorted.size(); i++) {
            Duration apart = Duration.between(sorted.get(i - 1), sorted.get(i));
            assertTrue(apart.compareTo(delay) >= 0, "slots " + (i - 1) + " and " + i + " are " + apart + " apart");
        }

        // Another host's first slot is not behind the first host's queue.
        PostgresHostPacer.Slot other = pacer.reserve("other-" + UUID.randomUUID() + ".example.org", delay);
        assertTrue(other.untilStart().compareTo(Duration.ZERO) <= 0, other.toString());
    }
}
