package newsroom.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.protobuf.ByteString;
import io.grpc.stub.StreamObserver;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import newsroom.cli.grpc.ServiceChannel;
import newsroom.cli.run.DatabaseConnection;
import newsroom.cli.run.PortCheck;
import newsroom.cli.run.Service;
import newsroom.cli.run.ServicePorts;
import newsroom.cli.run.ServiceProcess;
import newsroom.cli.run.Suite;
import newsroom.ingest.v1.Article;
import newsroom.ingest.v1.IngestArticlesRequest;
import newsroom.ingest.v1.IngestArticlesResponse;
import newsroom.ingest.v1.IngestResult;
import newsroom.ingest.v1.IngestServiceGrpc;
import newsroom.localpostgres.LocalPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Durability under crashes, with real processes: a bulk load into
 * ingest-service (its built jar, on a real PostgreSQL) while its worker has
 * the articles analysed; mid-load, ingest-service is killed with SIGKILL and
 * the NLP service crashes too; both come back. The client does what a bulk
 * client does when its stream breaks: it sends the unfinished batch again.
 * In the end every article is stored once and ANALYZED, with exactly the
 * one mention and one quote its analysis has: nothing lost, nothing doubled.
 */
class IngestCrashIT {

    private static final Path HOME = Path.of(System.getProperty("newsroom.home", "..")).toAbsolutePath().normalize();
    private static final Path LOGS = Path.of(System.getProperty("newsroom.e2e.logs", "target/e2e-logs"));
    private static final int ARTICLES = 240;
    private static final int BATCH = 20;
    /** Bounds, not expectations: a slow CI machine may need all of them. */
    private static final Duration START_LIMIT = Duration.ofMinutes(3);
    private static final Duration LOAD_LIMIT = Duration.ofMinutes(4);

    private LocalPostgres postgres;
    private final List<ServiceProcess> processes = new ArrayList<>();
    private CountingNlpService nlp;

    @RegisterExtension
    final ServiceLogsOnFailure logsOnFailure = new ServiceLogsOnFailure(() -> processes);

    @AfterEach
    void stopEverything() throws Exception {
        for (ServiceProcess process : processes) {
            process.stop(Duration.ofSeconds(20));
        }
        if (nlp != null) {
            nlp.crash();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void killingIngestAndNlpMidLoadLosesAndDoublesNothing() throws Exception {
        postgres = LocalPostgres.startThrowAway();
        int nlpPort = PortCheck.freePort();
        nlp = new CountingNlpService(150);
        nlp.start(nlpPort);
        ServicePorts ports = new ServicePorts(nlpPort, PortCheck.freePort(), PortCheck.freePort());
        Suite suite = new Suite(HOME, new DatabaseConnection(postgres.jdbcUrl(), LocalPostgres.USER, ""), ports, LOGS);
        ServiceProcess first = startIngest(suite, "ingest-service-before-kill");

        List<Article> articles = new ArrayList<>();
        for (int i = 0; i < ARTICLES; i++) {
            articles.add(article(i));
        }
        Map<Integer, Long> idByArticle = new LinkedHashMap<>();
        CountDownLatch midStream = new CountDownLatch(1);
        CountDownLatch killed = new CountDownLatch(1);
        ExecutorService loader = Executors.newSingleThreadExecutor();
        Future<?> load;
        try (ServiceChannel channel = suite.channel(Service.INGEST)) {
            load = loader.submit(() -> {
                loadResubmittingBrokenBatches(channel, articles, idByArticle, midStream, killed);
                return null;
            });

            // Kill while a stream is half sent and the worker is busy analysing.
            assertTrue(midStream.await(LOAD_LIMIT.toSeconds(), TimeUnit.SECONDS), "the load reached mid-stream");
            awaitCount("some articles to be analysed", "status = 'ANALYZED'", BATCH);
            ProcessHandle.of(first.pid()).orElseThrow().destroyForcibly(); // SIGKILL
            ProcessHandle.of(first.pid()).ifPresent(process -> process.onExit().join());
            assertFalse(first.isAlive(), "ingest-service was killed");
            nlp.crash();
            long storedAtKill = count("TRUE");
            long analysedAtKill = count("status = 'ANALYZED'");
            killed.countDown();

            ServiceProcess second = startIngest(suite, "ingest-service-after-kill");
            nlp = new CountingNlpService(150);
            nlp.start(nlpPort);
            load.get(LOAD_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
            awaitCount("every article to be analysed", "status = 'ANALYZED'", ARTICLES);

            assertTrue(storedAtKill < ARTICLES && analysedAtKill < storedAtKill,
                    "the kill came mid-load (" + storedAtKill + " stored, " + analysedAtKill + " analysed)");
            assertTrue(second.isAlive());
        } finally {
            loader.shutdownNow();
        }

        assertEquals(ARTICLES, idByArticle.size(), "every article got an id");
        assertEquals(ARTICLES, new HashSet<>(idByArticle.values()).size(), "one id per article");
        assertEquals(ARTICLES, count("TRUE"), "every article stored once");
        assertEquals(ARTICLES, count("status = 'ANALYZED'"), "every article analysed");
        assertEquals(Set.copyOf(idByArticle.values()), ids("SELECT id FROM article"), "the ids the client got");
        assertEquals(Set.of(), ids("SELECT a.id FROM article a LEFT JOIN mention m ON m.article_id = a.id"
                + " GROUP BY a.id HAVING count(m.id) <> 1"), "articles without exactly one mention");
        assertEquals(Set.of(), ids("SELECT a.id FROM article a LEFT JOIN quote q ON q.article_id = a.id"
                + " GROUP BY a.id HAVING count(q.id) <> 1"), "articles without exactly one quote");
        assertEquals(Set.of(), ids("SELECT a.id FROM article a LEFT JOIN article_entity e ON e.article_id = a.id"
                + " GROUP BY a.id HAVING count(e.entity_id) <> 1"), "articles without exactly one entity link");
    }

    private ServiceProcess startIngest(Suite suite, String logName) throws Exception {
        ServiceProcess.Spec spec = suite.specOf(Service.INGEST);
        Map<String, String> environment = new LinkedHashMap<>(spec.environment());
        // Short claims and retries, so the killed worker's articles come due again within seconds.
        environment.put("NEWSROOM_INGEST_NLP_DEADLINE", "5s");
        environment.put("NEWSROOM_INGEST_WRITE_MARGIN", "2s");
        environment.put("NEWSROOM_INGEST_INITIAL_BACKOFF", "200ms");
        environment.put("NEWSROOM_INGEST_MAX_BACKOFF", "1s");
        ServiceProcess process = ServiceProcess.start(new ServiceProcess.Spec(spec.name(), spec.jar(), spec.port(),
                spec.jvmOptions(), environment, LOGS.resolve(logName + ".log")));
        processes.add(process);
        suite.awaitReady(List.of(process), START_LIMIT, (notReady, elapsed) -> { }, () -> false);
        return process;
    }

    /**
     * Sends the articles in batches, one stream each; a batch whose stream breaks (ingest-service
     * killed, or not back yet) is sent again until it goes through. Resubmission is safe:
     * articles already stored come back with their ids.
     */
    private static void loadResubmittingBrokenBatches(ServiceChannel channel, List<Article> articles,
                                                      Map<Integer, Long> idByArticle, CountDownLatch midStream,
                                                      CountDownLatch killed) throws Exception {
        long deadline = System.nanoTime() + LOAD_LIMIT.toNanos();
        int halfway = articles.size() / 2 / BATCH * BATCH;
        for (int from = 0; from < articles.size(); from += BATCH) {
            List<Article> batch = articles.subList(from, Math.min(articles.size(), from + BATCH));
            // Halfway through the load, one stream stops after half its batch until the kill.
            Runnable pause = from == halfway ? () -> {
                midStream.countDown();
                try {
                    killed.await();
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
                    Thread.sleep(200);
                }
            }
        }
    }

    private static IngestArticlesResponse send(ServiceChannel channel, List<Article> batch, Runnable pauseHalfway)
            throws Exception {
        CompletableFuture<IngestArticlesResponse> done = new CompletableFuture<>();
        StreamObserver<IngestArticlesRequest> requests = IngestServiceGrpc.newStub(channel.channel())
                .withDeadlineAfter(60, TimeUnit.SECONDS)
                .ingestArticles(new StreamObserver<>() {
                    @Override
                    public void onNext(IngestArticlesResponse value) {
                        done.complete(value);
                    }

                    @Override
                    public void onError(Throwable t) {
                        done.completeExceptionally(t);
                    }

                    @Override
                    public void onCompleted() {
                        done.completeExceptionally(new IllegalStateException("no response"));
                    }
                });
        for (int i = 0; i < batch.size(); i++) {
            if (i == batch.size() / 2) {
                pauseHalfway.run();
            }
            requests.onNext(IngestArticlesRequest.newBuilder().setArticle(batch.get(i)).build());
        }
        requests.onCompleted();
        IngestArticlesResponse response = done.get(90, TimeUnit.SECONDS);
        assertEquals(0, response.getRejectedCount(), () -> "rejected: " + response.getResultsList());
        return response;
    }

    /** A distinct English report of about 60 words. */
    private static Article article(int n) {
        String[] words = ("minister council river housing market election school court police budget hospital "
                + "farmers union strike energy prices village museum airport bridge rail workers report health "
                + "storm harbour festival library").split(" ");
        Random random = new Random(n * 7919L + 1);
        StringBuilder text = new StringBuilder("Officials said on Monday that the ");
        for (int s = 0; s < 6; s++) {
            text.append(words[random.nextInt(words.length)]).append(" and the ")
                    .append(words[random.nextInt(words.length)]).append(" were discussed with the ")
                    .append(words[random.nextInt(words.length)]).append(" committee in report ").append(n)
                    .append(". Then the ");
        }
        text.append("meeting ended.");
        return Article.newBuilder()
                .setUrl("https://crash.example.org/article/" + n)
                .setContentType(Article.ContentType.PLAIN_TEXT)
                .setContent(ByteString.copyFromUtf8(text.toString()))
                .build();
    }

    private void awaitCount(String what, String condition, long expected) throws Exception {
        long deadline = System.nanoTime() + LOAD_LIMIT.toNanos();
        long count;
        while ((count = count(condition)) < expected) {
            if (System.nanoTime() > deadline) {
                fail("gave up waiting for " + what + ": " + count + " of " + expected);
            }
            Thread.sleep(250);
        }
    }

    private long count(String condition) throws Exception {
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), LocalPostgres.USER, "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM article WHERE " + condition)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private Set<Long> ids(String query) throws Exception {
        Set<Long> ids = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), LocalPostgres.USER, "");
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                ids.add(rows.getLong(1));
            }
        }
        return ids;
    }

}
