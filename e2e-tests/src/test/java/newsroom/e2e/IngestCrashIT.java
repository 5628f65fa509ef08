package newsroom.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import newsroom.cli.grpc.ServiceChannel;
import newsroom.cli.run.PortCheck;
import newsroom.cli.run.ServiceProcess;
import newsroom.ingest.v1.Article;
import newsroom.ingest.v1.IngestArticleRequest;
import newsroom.ingest.v1.IngestArticlesResponse;
import newsroom.ingest.v1.IngestResult;
import newsroom.ingest.v1.IngestServiceGrpc;
import newsroom.localpostgres.LocalPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * Durability under crashes, with real processes: a bulk load into ingest-service (its
 * built jar, on a real PostgreSQL) while its worker has the articles analysed. The
 * client does what a bulk client does when its stream breaks: it sends the unfinished
 * batch again. Mid-load, either ingest-service is killed with SIGKILL and the NLP
 * service crashes too, or PostgreSQL stops; they come back. In the end every article is
 * stored once and ANALYZED, with exactly the one mention and one quote its analysis has:
 * nothing lost, nothing doubled, nothing half-written.
 */
class IngestCrashIT {

    private static final int ARTICLES = 240;
    private static final int BATCH = 20;
    /** A bound, not an expectation: a slow CI machine may need all of it. */
    private static final Duration LOAD_LIMIT = Duration.ofMinutes(4);
    /** What ingest-service tells clients while PostgreSQL is down (newsroom.store.DatabaseFailures.STORE_UNAVAILABLE). */
    private static final String STORE_UNAVAILABLE = "the article store is unavailable; retry later";

    @RegisterExtension
    final RigUnderTest rigUnderTest = new RigUnderTest();

    @Test
    void killingIngestAndNlpMidLoadLosesAndDoublesNothing() throws Exception {
        StandInNlpRig rig = rigUnderTest.start(LocalPostgres.startThrowAway(), 150);
        StoreContents store = rig.store();
        ServiceProcess first = rig.startIngest("ingest-service-before-kill", Map.of());

        List<Article> articles = articles("crash.example.org");
        Map<Integer, Long> idByArticle = new LinkedHashMap<>();
        CountDownLatch midStream = new CountDownLatch(1);
        CountDownLatch killed = new CountDownLatch(1);
        ExecutorService loader = Executors.newSingleThreadExecutor();
        try (ServiceChannel channel = rig.ingestChannel()) {
            Future<?> load = loader.submit(() -> {
                loadResubmittingBrokenBatches(channel, articles, idByArticle, midStream, killed, broken -> { });
                return null;
            });

            // Kill while a stream is half sent and the worker is busy analysing.
            assertTrue(midStream.await(LOAD_LIMIT.toSeconds(), TimeUnit.SECONDS), "the load reached mid-stream");
            store.awaitCount("some articles to be analysed", "status = 'ANALYZED'", BATCH, LOAD_LIMIT);
            ProcessHandle.of(first.pid()).orElseThrow().destroyForcibly(); // SIGKILL
            ProcessHandle.of(first.pid()).ifPresent(process -> process.onExit().join());
            assertFalse(first.isAlive(), "ingest-service was killed");
            rig.nlp().crash();
            long storedAtKill = store.count("TRUE");
            long analyzedAtKill = store.count("status = 'ANALYZED'");
            killed.countDown();

            ServiceProcess second = rig.startIngest("ingest-service-after-kill", Map.of());
            rig.startNlp(150);
            load.get(LOAD_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            store.awaitCount("every article to be analysed", "status = 'ANALYZED'", ARTICLES, LOAD_LIMIT);

            assertTrue(storedAtKill < ARTICLES && analyzedAtKill < storedAtKill,
                    "the kill came mid-load (" + storedAtKill + " stored, " + analyzedAtKill + " analysed)");
            assertTrue(second.isAlive());
        } finally {
            loader.shutdownNow();
        }

        assertStoredOnceAndAnalyzedOnce(store, idByArticle);
    }

    @Test
    void stoppingPostgresMidLoadTellsClientsUnavailableAndLosesNothing(@TempDir Path directory) throws Exception {
        // A data directory of its own, kept across the stop, and a fixed port, so the
        // restarted server is the same database at the same address. JUnit removes it after
        // stopEverything has stopped the server.
        int postgresPort = PortCheck.freePort();
        Path dataDirectory = directory.resolve("pgdata");
        Path credentialsDirectory = directory.resolve("credentials");
        StandInNlpRig rig = rigUnderTest.start(LocalPostgres.start(dataDirectory, credentialsDirectory, postgresPort), 50);
        StoreContents store = rig.store();
        ServiceProcess ingest = rig.startIngest("ingest-service-postgres-outage", Map.of());

        List<Article> articles = articles("outage.example.org");
        Map<Integer, Long> idByArticle = new LinkedHashMap<>();
        List<Throwable> brokenBatches = new CopyOnWriteArrayList<>();
        CountDownLatch midStream = new CountDownLatch(1);
        CountDownLatch stopped = new CountDownLatch(1);
        ExecutorService loader = Executors.newSingleThreadExecutor();
        try (ServiceChannel channel = rig.ingestChannel()) {
            Future<?> load = loader.submit(() -> {
                loadResubmittingBrokenBatches(channel, articles, idByArticle, midStream, stopped, brokenBatches::add);
                return null;
            });

            assertTrue(midStream.await(LOAD_LIMIT.toSeconds(), TimeUnit.SECONDS), "the load reached mid-stream");
            store.awaitCount("some articles to be analysed", "status = 'ANALYZED'", BATCH, LOAD_LIMIT);
            long storedAtStop = store.count("TRUE");
            rig.stopPostgres();
            stopped.countDown();

            // While the store is down: a single article gets UNAVAILABLE, saying why.
            StatusRuntimeException single = assertThrows(StatusRuntimeException.class, () ->
                    IngestServiceGrpc.newBlockingStub(channel.channel()).withDeadlineAfter(60, TimeUnit.SECONDS)
                            .ingestArticle(IngestArticleRequest.newBuilder()
                                    .setArticle(GeneratedReports.article("outage.example.org/single", 0)).build()));
            assertEquals(Status.Code.UNAVAILABLE, single.getStatus().getCode(), single::toString);
            assertEquals(STORE_UNAVAILABLE, single.getStatus().getDescription());
            // ...and so does the bulk load's stream, at least once, before the store comes back.
            long deadline = System.nanoTime() + LOAD_LIMIT.toNanos();
            while (brokenBatches.isEmpty() && System.nanoTime() < deadline) {
                Thread.sleep(100);
            }
            assertFalse(brokenBatches.isEmpty(), "the bulk load's stream failed while the store was down");

            rig.restartPostgres(dataDirectory, credentialsDirectory, postgresPort);
            load.get(LOAD_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            store.awaitCount("every article to be analysed", "status = 'ANALYZED'", ARTICLES, LOAD_LIMIT);

            assertTrue(storedAtStop < ARTICLES, "the store stopped mid-load (" + storedAtStop + " stored)");
            assertTrue(ingest.isAlive(), "ingest-service lived through the outage");
        } finally {
            loader.shutdownNow();
        }

        for (Throwable broken : brokenBatches) {
            Status status = Status.fromThrowable(broken);
            assertEquals(Status.Code.UNAVAILABLE, status.getCode(), () -> "a stream broken by the outage: " + broken);
            assertEquals(STORE_UNAVAILABLE, status.getDescription(), () -> "a stream broken by the outage: " + broken);
        }
        assertStoredOnceAndAnalyzedOnce(store, idByArticle);
    }

    /** Nothing accepted is lost or doubled, and every analysis is whole and written once. */
    private static void assertStoredOnceAndAnalyzedOnce(StoreContents store, Map<Integer, Long> idByArticle)
            throws Exception {
        assertEquals(ARTICLES, idByArticle.size(), "every article got an id");
        assertEquals(ARTICLES, new HashSet<>(idByArticle.values()).size(), "one id per article");
        assertEquals(ARTICLES, store.count("TRUE"), "every article stored once");
        assertEquals(Set.copyOf(idByArticle.values()), store.ids("SELECT id FROM article"), "the ids the client got");
        store.assertEveryArticleAnalyzedOnce();
    }

    private static List<Article> articles(String site) {
        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            articles.add(GeneratedReports.article(site, i));
        }
        return articles;
    }

    /**
     * Sends the articles in batches, one stream each; a batch whose stream breaks (ingest-service
     * killed or not back yet, the store down) is sent again until it goes through. Resubmission is
     * safe: articles already stored come back with their ids. Halfway through the load, one
     * stream stops after half its batch until {@code resume}.
     */
    private static void loadResubmittingBrokenBatches(ServiceChannel channel, List<Article> articles,
                                                      Map<Integer, Long> idByArticle, CountDownLatch midStream,
                                                      CountDownLatch resume, Consumer<Throwable> brokenBatch)
            throws Exception {
        long deadline = System.nanoTime() + LOAD_LIMIT.toNanos();
        int halfway = articles.size() / 2 / BATCH * BATCH;
        for (int from = 0; from < articles.size(); from += BATCH) {
            List<Article> batch = articles.subList(from, Math.min(articles.size(), from + BATCH));
            Runnable pause = from == halfway ? () -> {
                midStream.countDown();
                try {
                    resume.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            } : () -> { };
            while (true) {
                try {
                    IngestArticlesResponse response = send(channel, batch, pause);
                    pause = () -> { };
                    for (IngestResult result : response.getResultsList()) {
                        idByArticle.put(from + Integer.parseInt(result.getClientReference()), result.getArticleId());
                    }
                    break;
                } catch (Exception broken) {
                    if (System.nanoTime() > deadline) {
                        throw broken;
                    }
                    brokenBatch.accept(broken.getCause() != null ? broken.getCause() : broken);
                    Thread.sleep(200);
                }
            }
        }
    }

    private static IngestArticlesResponse send(ServiceChannel channel, List<Article> batch, Runnable pauseHalfway)
            throws Exception {
        IngestArticlesResponse response = BulkClient.send(channel, batch, pauseHalfway::run, Duration.ZERO);
        assertEquals(0, response.getRejectedCount(), () -> "rejected: " + response.getResultsList());
        return response;
    }
}
