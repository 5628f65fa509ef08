package newsroom.ingest.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import newsroom.fetching.HostPacer;
import org.junit.jupiter.api.Test;

/**
 * Host turns taken in PostgreSQL by many callers at once (as by several replicas): one holder at a
 * time, each turn starting at least the delay after the previous one ended; another host is not
 * held up by the first; a turn never closed (its holder died) frees the host after its hold.
 */
@QuarkusTest
class PostgresHostPacerTest {

    private static final int CALLERS = 6;
    private static final int TURNS_EACH = 4;
    private static final Duration HOLD = Duration.ofSeconds(30);

    @Inject
    PostgresHostPacer pacer;

    /** When one caller held the host, by this process's clock. */
    private record Held(Instant from, Instant until) {
    }

    @Test
    void concurrentCallersTakeTurnsOneAtATimeEachTheDelayAfterTheLastEnded() throws Exception {
        String host = "pacer-" + UUID.randomUUID() + ".example.org";
        Duration delay = Duration.ofMillis(120);
        List<Held> turns = Collections.synchronizedList(new ArrayList<>());
        ExecutorService callers = Executors.newFixedThreadPool(CALLERS);
        try {
            CountDownLatch go = new CountDownLatch(1);
            List<Future<?>> done = new ArrayList<>();
            for (int c = 0; c < CALLERS; c++) {
                done.add(callers.submit(() -> {
                    go.await();
                    for (int t = 0; t < TURNS_EACH; t++) {
                        HostPacer.Turn turn = pacer.take(host, delay, HOLD);
                        Instant from = Instant.now();
                        Thread.sleep(20); // the request
                        Instant until = Instant.now();
                        turn.close();
                        turns.add(new Held(from, until));
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

        List<Held> sorted = new ArrayList<>(turns);
        sorted.sort(Comparator.comparing(Held::from));
        assertEquals(CALLERS * TURNS_EACH, sorted.size());
        for (int i = 1; i < sorted.size(); i++) {
            Duration apart = Duration.between(sorted.get(i - 1).until(), sorted.get(i).from());
            assertTrue(apart.compareTo(delay) >= 0, "turn " + i + " began " + apart + " after turn " + (i - 1) + " ended");
        }

        // Another host's turn is not behind the first host's queue (the first host is held now).
        HostPacer.Turn held = pacer.take(host, delay, HOLD);
        String otherHost = "other-" + UUID.randomUUID() + ".example.org";
        pacer.attempt(otherHost, HOLD); // a host's first attempt adds its row
        PostgresHostPacer.Attempt other = pacer.attempt(otherHost, HOLD);
        held.close();
        assertTrue(other.heldUntil() != null, "a second host is free while the first is held");
    }

    @Test
    void aTurnNeverClosedFreesTheHostAfterItsHold() throws Exception {
        String host = "dead-holder-" + UUID.randomUUID() + ".example.org";
        pacer.take(host, Duration.ofMillis(50), Duration.ofMillis(300)); // its holder "dies": never closed
        assertEquals(null, pacer.attempt(host, HOLD).heldUntil(), "held by the dead holder for now");

        HostPacer.Turn next = pacer.take(host, Duration.ofMillis(50), HOLD);
        next.close();
    }
}
