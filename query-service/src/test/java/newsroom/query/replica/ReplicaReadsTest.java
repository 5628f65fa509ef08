package newsroom.query.replica;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.BooleanSupplier;
import newsroom.localpostgres.DatabaseRole;
import newsroom.localpostgres.LocalReplica;
import newsroom.query.TestStore;
import newsroom.query.v1.GetArticleRequest;
import newsroom.query.v1.QueryServiceGrpc;
import newsroom.query.v1.SearchArticlesRequest;
import newsroom.testkeys.TestKeysResource;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * query-service with a streaming replica of its store (docs/replicas.md): reads are answered
 * from the replica while it is up and current, from the primary while it is down or lags past
 * the bound, and from the replica again once it is back; no call goes unanswered meanwhile.
 */
@QuarkusTest
@TestProfile(ReplicaReadsTest.WithReplica.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ReplicaReadsTest {

    /** How long a test waits for the routing to follow the replica: a bound, not a measurement. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    public static class WithReplica implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "newsroom.query.replica.max-lag", "1s",
                    "newsroom.query.replica.check-interval", "100ms",
                    // A read waits no longer than this for a connection to a replica that went away.
                    "quarkus.datasource.replica.jdbc.acquisition-timeout", "2S");
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(StreamingReplicaResource.class),
                    new TestResourceEntry(TestKeysResource.class));
        }
    }

    @GrpcClient("query")
    QueryServiceGrpc.QueryServiceBlockingStub query;

    @Inject
    TestStore store;

    @Inject
    MeterRegistry registry;

    /** The replica the service reads from (StreamingReplicaResource). */
    LocalReplica replica;

    @Test
    @Order(1)
    void rowsWrittenOnThePrimaryAreReadFromTheReplica() {
        await("reads go to the replica", () -> inUse() == 1);
        long id = store.addArticle("Harbour report", "The harbour reopened after the storm.",
                Instant.parse("2024-03-01T08:00:00Z"));
        await("the new article is found", () -> query.searchArticles(
                SearchArticlesRequest.newBuilder().setQuery("harbour").build()).getHitsCount() == 1);
        // Right after a write the replica may read as lagging for a check or two (its last replayed
        // transaction is old until the write is replayed), and the reads then go to the primary.
        await("reads go to the replica once the write is replayed", () -> inUse() == 1);
        double before = reads("replica");
        assertEquals(1, query.searchArticles(SearchArticlesRequest.newBuilder().setQuery("harbour").build())
                .getHitsCount());
        assertEquals("Harbour report", query.getArticle(GetArticleRequest.newBuilder().setArticleId(id).build())
                .getArticle().getTitle());
        assertTrue(reads("replica") > before, "the replica answered none of the reads");
        assertTrue(lag() <= 1.0, "lag " + lag());
    }

    @Test
    @Order(2)
    void whileTheReplicaIsDownThePrimaryAnswersEveryRead() throws Exception {
        long id = store.addArticle("Bridge report", "The bridge closed for repairs.",
                Instant.parse("2024-03-02T08:00:00Z"));
        await("reads go to the replica", () -> inUse() == 1);
        await("the replica has the article", () -> query.searchArticles(
                SearchArticlesRequest.newBuilder().setQuery("bridge").build()).getHitsCount() == 1);
        AtomicBoolean running = new AtomicBoolean(true);
        AtomicLong answered = new AtomicLong();
        Queue<Throwable> failures = new ConcurrentLinkedQueue<>();
        ExecutorService callers = Executors.newFixedThreadPool(3);
        for (int i = 0; i < 3; i++) {
            boolean search = i % 2 == 0;
            callers.submit(() -> {
                while (running.get()) {
                    try {
                        if (search) {
                            assertEquals(1, query.searchArticles(
                                    SearchArticlesRequest.newBuilder().setQuery("bridge").build()).getHitsCount());
                        } else {
                            assertEquals(id, query.getArticle(GetArticleRequest.newBuilder().setArticleId(id).build())
                                    .getArticle().getId());
                        }
                        answered.incrementAndGet();
                    } catch (Throwable failure) {
                        failures.add(failure);
                    }
                }
            });
        }
        try {
            awaitMore("reads answered by the replica under load", answered, 20);
            replica.stop();
            double primaryBefore = reads("primary");
            await("reads go to the primary", () -> inUse() == 0);
            awaitMore("reads answered while the replica is down", answered, 20);
            assertTrue(reads("primary") > primaryBefore, "the primary answered none of the reads");
            assertTrue(Double.isNaN(lag()), "a stopped replica has no lag: " + lag());

            replica.start();
            await("reads go to the replica again", () -> inUse() == 1);
            double replicaBack = reads("replica");
            await("the replica answers reads again", () -> reads("replica") > replicaBack + 10);
        } finally {
            running.set(false);
            callers.shutdown();
            assertTrue(callers.awaitTermination(PATIENCE.toSeconds(), TimeUnit.SECONDS));
        }
        assertTrue(failures.isEmpty(), failures.size() + " calls failed, the first: " + failures.peek());
    }

    /** Replay paused while the primary writes: the lag grows past the bound, and reads move. */
    @Test
    @Order(3)
    void aReplicaLaggingPastTheBoundIsLeftUntilItCatchesUp() throws Exception {
        await("reads go to the replica", () -> inUse() == 1);
        try (Connection superuser = replica.connect(DatabaseRole.SUPERUSER); Statement sql = superuser.createStatement()) {
            sql.execute("SELECT pg_wal_replay_pause()");
            try {
                long[] written = {0};
                await("reads go to the primary", () -> {
                    store.addArticle("Ferry report " + written[0]++, "The ferry sailed late.",
                            Instant.parse("2024-03-03T08:00:00Z"));
                    return inUse() == 0;
                });
                assertTrue(lag() > 1.0, "lag " + lag());
                long ferries = query.searchArticles(SearchArticlesRequest.newBuilder().setQuery("ferry")
                        .setPageSize(100).build()).getHitsCount();
                assertEquals(written[0], ferries, "a read while the replica lags sees every write (the primary's)");
            } finally {
                sql.execute("SELECT pg_wal_replay_resume()");
            }
        }
        await("reads go to the replica again", () -> inUse() == 1);
    }

    private double inUse() {
        return registry.get("newsroom.query.replica.in.use").gauge().value();
    }

    private double lag() {
        return registry.get("newsroom.query.replica.lag").gauge().value();
    }

    private double reads(String store) {
        return registry.get("newsroom.query.reads").tag("store", store).counter().count();
    }

    private static void awaitMore(String what, AtomicLong count, long more) {
        long from = count.get();
        await(what, () -> count.get() >= from + more);
    }

    private static void await(String what, BooleanSupplier condition) {
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (!condition.getAsBoolean()) {
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError("not so within " + PATIENCE + ": " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted waiting for: " + what);
            }
        }
    }
}
