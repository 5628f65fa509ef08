package newsroom.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import newsroom.auth.BearerKey;
import newsroom.query.v1.GetEntityRequest;
import newsroom.query.v1.QueryServiceGrpc;
import newsroom.query.v1.QueryServiceGrpc.QueryServiceBlockingStub;
import newsroom.query.v1.SearchArticlesRequest;
import org.junit.jupiter.api.Test;

/**
 * Fair shares hold: a client hammering expensive searches with one key, from
 * several threads at once, does not move another key's GetEntity p99 beyond twice its idle
 * value. Idle and loaded samples are taken in alternating rounds, so a change in the rest of
 * the machine's load falls on both alike; the ratio is asserted, never a time.
 */
@QuarkusTest
// A latency ratio is a timing: it is measured on demand (BENCHMARKS.md gives the command and
// the figures), not asserted in every build, where the machine's other work decides it.
// The fair share itself is checked in every build, without timings, by CallGateTest.
@EnabledIfSystemProperty(named = "newsroom.benchmark.fair-share", matches = "true")
class FairShareTest {

    /** Articles the hammer's word is in: each search ranks a round of them and builds snippets. */
    private static final int HAMMERED_ARTICLES = 2_000;
    private static final int HAMMER_THREADS = 6;
    private static final int ROUNDS = 8;
    private static final int SAMPLES_PER_ROUND = 125;
    private static final int WARM_UP_CALLS = 200;
    /** Searches before the first round, so compiling the search path is not counted as load. */
    private static final int WARM_UP_SEARCHES = 40;

    @TestHTTPResource("/")
    URI server;

    @Inject
    TestStore store;

    @Test
    void aKeyHammeringSearchesDoesNotMoveAnotherKeysGetEntityP99BeyondTwiceIdle() throws Exception {
        long entity = store.fixture().lavrov();
        int[] times = new int[HAMMERED_ARTICLES];
        Arrays.fill(times, 20);
        List<Long> hammered = store.addArticles("kingfisher", Instant.parse("2010-01-01T00:00:00Z"), times);
        ManagedChannel hammerChannel = channel();
        ManagedChannel readerChannel = channel();
        List<Thread> hammers = new ArrayList<>();
        Hammer hammer = new Hammer(stub(hammerChannel, RoleKeys.allRoles()));
        try {
            QueryServiceBlockingStub reader = stub(readerChannel, RoleKeys.reader());
            GetEntityRequest lookup = GetEntityRequest.newBuilder().setEntityId(entity).build();
            for (int i = 0; i < WARM_UP_CALLS; i++) {
                reader.getEntity(lookup);
            }
            for (int i = 0; i < HAMMER_THREADS; i++) {
                Thread thread = new Thread(hammer, "hammer-" + i);
                thread.start();
                hammers.add(thread);
            }
            long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
            while (hammer.searches.get() < WARM_UP_SEARCHES && System.nanoTime() < deadline) {
                Thread.sleep(10);
            }
            List<Long> idle = new ArrayList<>();
            List<Long> loaded = new ArrayList<>();
            for (int round = 0; round < ROUNDS; round++) {
                hammer.pause();
                idle.addAll(sample(reader, lookup));
                hammer.resume();
                loaded.addAll(sample(reader, lookup));
            }
            hammer.stop();
            for (Thread thread : hammers) {
                thread.join(30_000);
            }

            assertEquals(null, hammer.failure.get(), "the hammer's searches should all be answered");
            assertTrue(hammer.searches.get() > 50, "the hammer should have searched all along, searched "
                    + hammer.searches.get() + " times");
            double idleP99 = p99(idle);
            double loadedP99 = p99(loaded);
            String figures = String.format("GetEntity p99 idle %.2f ms, with another key hammering %.2f ms: %.2fx"
                            + " (%d samples each; the hammer searched %d times with %d threads)",
                    idleP99, loadedP99, loadedP99 / idleP99, idle.size(), hammer.searches.get(), HAMMER_THREADS);
            System.out.println("FairShareTest: " + figures + String.format("; load average %.2f",
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage()));
            assertTrue(loadedP99 <= 2 * idleP99, figures);
        } finally {
            hammer.stop();
            for (Thread thread : hammers) {
                thread.join(30_000);
            }
            hammerChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            readerChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            store.deleteArticles(hammered);
        }
    }

    /** GetEntity latencies in microseconds, one call after the other. */
    private static List<Long> sample(QueryServiceBlockingStub reader, GetEntityRequest lookup) {
        List<Long> micros = new ArrayList<>(SAMPLES_PER_ROUND);
        for (int i = 0; i < SAMPLES_PER_ROUND; i++) {
            long started = System.nanoTime();
            reader.getEntity(lookup);
            micros.add((System.nanoTime() - started) / 1_000);
        }
        return micros;
    }

    /** The 99th percentile in milliseconds (nearest rank). */
    private static double p99(List<Long> micros) {
        List<Long> sorted = new ArrayList<>(micros);
        Collections.sort(sorted);
        int rank = (int) Math.ceil(0.99 * sorted.size());
        return sorted.get(rank - 1) / 1000.0;
    }

    private ManagedChannel channel() {
        return ManagedChannelBuilder.forAddress(server.getHost(), server.getPort()).usePlaintext().build();
    }

    private static QueryServiceBlockingStub stub(ManagedChannel channel, String key) {
        return QueryServiceGrpc.newBlockingStub(channel).withInterceptors(new BearerKey(key));
    }

    /** Threads that search as fast as they are answered, until paused or stopped. */
    private static final class Hammer implements Runnable {

        private static final SearchArticlesRequest SEARCH = SearchArticlesRequest.newBuilder()
                .setQuery("kingfisher report").build();

        final AtomicInteger searches = new AtomicInteger();
        final AtomicReference<Throwable> failure = new AtomicReference<>();
        private final QueryServiceBlockingStub stub;
        private final AtomicInteger inFlight = new AtomicInteger();
        private volatile boolean paused;
        private volatile boolean stopped;

        Hammer(QueryServiceBlockingStub stub) {
            this.stub = stub;
        }

        @Override
        public void run() {
            while (!stopped) {
                if (paused) {
                    sleep(5);
                    continue;
                }
                inFlight.incrementAndGet();
                try {
                    stub.searchArticles(SEARCH);
                    searches.incrementAndGet();
                } catch (RuntimeException e) {
                    failure.compareAndSet(null, e);
                } finally {
                    inFlight.decrementAndGet();
                }
            }
        }

        /** Stops searching, and returns once no search is running. */
        void pause() {
            paused = true;
            while (inFlight.get() > 0) {
                sleep(1);
            }
        }

        /** Searches again, and returns once every thread has a search in flight or waiting. */
        void resume() {
            paused = false;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
            while (inFlight.get() < HAMMER_THREADS && System.nanoTime() < deadline) {
                sleep(1);
            }
        }

        void stop() {
            stopped = true;
        }

        private static void sleep(long millis) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
