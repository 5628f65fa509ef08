package newsroom.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Stream;
import newsroom.cli.credentials.LocalCredentials;
import newsroom.cli.grpc.Endpoint;
import newsroom.cli.grpc.ServiceChannel;
import newsroom.cli.run.LogTail;
import newsroom.cli.run.PortCheck;
import newsroom.cli.run.ReadinessProbe;
import newsroom.cli.run.RunState;
import newsroom.cli.run.RunStateFile;
import newsroom.cli.run.Service;
import newsroom.ingest.v1.Article;
import newsroom.ingest.v1.IngestArticleRequest;
import newsroom.ingest.v1.IngestArticlesResponse;
import newsroom.ingest.v1.IngestServiceGrpc;
import newsroom.localpostgres.DatabaseLogin;
import newsroom.localpostgres.DatabasePasswords;
import newsroom.localpostgres.DatabaseRole;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The supervisor keeps the suite running by itself. The suite is started as {@code newsroom up}
 * starts it (the CLI's jar, a detached supervisor process, a state directory and ports of its
 * own); a client bulk-loads articles, resending a batch whose stream broke as any client would;
 * meanwhile nlp-service, ingest-service, query-service and the PostgreSQL server are killed with
 * SIGKILL, one after the other, each while a stream is half sent. After each kill the supervisor
 * alone brings the process back (a new pid, one restart counted) and every service is ready
 * again; while PostgreSQL is down ingest-service answers UNAVAILABLE. {@code newsroom status}
 * then shows one restart per process with its reason, and every article the client sent is
 * stored once and ANALYZED, holding its one analysis.
 *
 * <p>The real nlp-service (CoreNLP) runs, not a stand-in: the supervisor starts the suite's own
 * jars, and nlp-service is the process most likely to die in earnest (a 3 GB heap, models
 * loaded at start). Its start costs about 10 s on a quiet machine and a minute on a busy 2-core
 * one, twice here (at {@code up} and after its kill); the articles are short (about 60 words),
 * so analysing the load takes less than that. One suite serves the whole kill sequence.
 */
class SupervisorHealsIT {

    private static final Path HOME = SuiteUnderTest.HOME;
    private static final Path LOGS = Path.of(System.getProperty("newsroom.e2e.logs", "target/e2e-logs")).toAbsolutePath();
    private static final Path CLI_JAR = HOME.resolve("cli/target/quarkus-app/quarkus-run.jar");
    private static final String SITE = "heal.example.org";

    /** Bounds, not expectations: a slow CI machine may need all of them. */
    private static final Duration READY_LIMIT = Duration.ofMinutes(10);
    private static final Duration UP_LIMIT = READY_LIMIT.plusMinutes(3);
    private static final Duration RESTORE_LIMIT = Duration.ofMinutes(8);
    private static final Duration ANALYSIS_LIMIT = Duration.ofMinutes(10);
    private static final Duration CLI_LIMIT = Duration.ofMinutes(3);

    /**
     * Articles per stream, sent 100 ms apart, with a pause between streams: about two articles a
     * second, so the load lasts through the kill sequence without outrunning CoreNLP.
     */
    private static final int BATCH = 4;
    private static final Duration BETWEEN_ARTICLES = Duration.ofMillis(100);
    private static final Duration BETWEEN_STREAMS = Duration.ofMillis(1500);
    /** The load goes on at least this long, whatever the kills take. */
    private static final int MINIMUM_ARTICLES = 120;

    private Path stateDirectory;
    private Map<String, String> environment;
    private Future<?> load;
    private ExecutorService loader;

    @AfterEach
    void stopTheSuite() throws Exception {
        if (loader != null) {
            loader.shutdownNow();
        }
        if (environment != null) {
            CliRun down = cli("down");
            System.out.println("newsroom down: " + down.output() + down.errors());
        }
    }

    @Test
    void theSupervisorRestoresEachKilledProcessAndEveryArticleIsAnalyzedOnce() throws Exception {
        assertTrue(Files.isRegularFile(CLI_JAR), CLI_JAR + " is missing: build the cli first (./mvnw verify builds it)");
        for (Service service : Service.values()) {
            assertTrue(Files.isRegularFile(service.jar(HOME)), service.jar(HOME) + " is missing: build the services first");
        }
        stateDirectory = LOGS.resolve("supervisor-heals");
        deleteRecursively(stateDirectory);
        environment = suiteEnvironment();
        try {
            CliRun up = cli("up");
            assertEquals(0, up.exitStatus(), () -> "newsroom up: " + up.output() + up.errors());
            RunState started = runState();
            assertEquals(RunState.Phase.READY, started.phase());

            LocalCredentials credentials = LocalCredentials.ensure(stateDirectory.resolve("credentials"));
            StoreContents store = new StoreContents(started.databaseUrl(), readerLogin());
            try (ServiceChannel ingest = ServiceChannel.open(
                    Endpoint.of("ingest-service", "localhost:" + environment.get("NEWSROOM_INGEST_PORT")),
                    Optional.of(credentials.clientKey()), Optional.empty())) {
                BulkLoad bulk = new BulkLoad(ingest);
                loader = Executors.newSingleThreadExecutor();
                load = loader.submit(bulk);
                bulk.awaitArticlesThrough(2 * BATCH);

                killMidStreamAndAwaitRestart(bulk, Service.NLP.displayName(), () -> { });
                killMidStreamAndAwaitRestart(bulk, Service.INGEST.displayName(), () -> { });
                killMidStreamAndAwaitRestart(bulk, Service.QUERY.displayName(), () -> { });
                killMidStreamAndAwaitRestart(bulk, "PostgreSQL", () -> {
                    // The supervisor waits out its backoff before the restart; meanwhile there is no store.
                    StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () ->
                            IngestServiceGrpc.newBlockingStub(ingest.channel()).withDeadlineAfter(30, TimeUnit.SECONDS)
                                    .ingestArticle(IngestArticleRequest.newBuilder()
                                            .setArticle(article("outage." + SITE, 0)).build()));
                    assertEquals(Status.Code.UNAVAILABLE, refused.getStatus().getCode(), refused::toString);
                });

                CliRun status = cli("status", "--json");
                assertEquals(0, status.exitStatus(), () -> "newsroom status: " + status.output() + status.errors());
                JsonObject shown = JsonParser.parseString(status.output()).getAsJsonObject();
                for (JsonElement element : shown.getAsJsonArray("services")) {
                    JsonObject service = element.getAsJsonObject();
                    assertEquals("READY", service.get("health").getAsString(), service::toString);
                    assertOneRestart(service.getAsJsonObject("restarts"), "was killed by signal 9 (SIGKILL)", service.toString());
                    assertTrue(LogTail.of(Path.of(service.get("logFile").getAsString()), 100_000)
                                    .contains("newsroom supervisor: " + service.get("name").getAsString() + " (pid "),
                            "the service's own log says when and why it was restarted");
                }
                JsonObject postgres = shown.getAsJsonObject("postgres");
                assertEquals("RUNNING", postgres.get("health").getAsString(), postgres::toString);
                // Not the supervisor's child (pg_ctl starts it): how it died is not the supervisor's to know.
                assertOneRestart(postgres.getAsJsonObject("restarts"), "exited", postgres.toString());

                bulk.finish();
                load.get(RESTORE_LIMIT.toMillis(), TimeUnit.MILLISECONDS);
                String ours = "url LIKE 'https://" + SITE + "/%'";
                store.awaitCount("every article to be analysed", ours + " AND status = 'ANALYZED'", bulk.sent(), ANALYSIS_LIMIT);

                assertTrue(bulk.sent() >= MINIMUM_ARTICLES, "the load went on through the kills: " + bulk.sent());
                assertEquals(bulk.sent(), store.count(ours), "every article the client sent is stored, once");
                StoreContents.StoredAnalyses analyses = store.assertEachArticleHoldsItsOneAnalysis(ours);
                assertTrue(analyses.mentions() > 0 && analyses.quotes() > 0,
                        "the analyses have mentions and quotes whose doubling the check would see: " + analyses);
                System.out.println("SupervisorHealsIT: " + bulk.sent() + " articles, " + bulk.brokenStreams.size()
                        + " broken streams resent (" + bulk.alreadyStored.get() + " articles came back already stored), "
                        + analyses);
            }
        } catch (Throwable failure) {
            printLogs();
            throw failure;
        }
    }

    /**
     * Holds the load with a stream half sent, kills {@code name} with SIGKILL, runs {@code whileDown},
     * lets the load go on, and waits until the supervisor has restarted it and every service is
     * ready (so the next kill starts from a whole suite).
     */
    private void killMidStreamAndAwaitRestart(BulkLoad bulk, String name, ThrowingRunnable whileDown) throws Exception {
        int before = bulk.sent();
        bulk.awaitArticlesThrough(before + BATCH);
        long pid = pidOf(runState(), name);
        bulk.holdMidStream();
        try {
            ProcessHandle process = ProcessHandle.of(pid).orElseThrow(() -> new AssertionError(name + " is not running"));
            assertTrue(process.destroyForcibly(), "SIGKILL sent to " + name);
            process.onExit().get(30, TimeUnit.SECONDS);
            whileDown.run();
        } finally {
            bulk.resume();
        }
        long deadline = System.nanoTime() + RESTORE_LIMIT.toNanos();
        while (true) {
            RunState state = runState();
            long newPid = pidOf(state, name);
            boolean restarted = newPid != pid && ProcessHandle.of(newPid).map(ProcessHandle::isAlive).orElse(false);
            if (restarted && everyServiceReady(state) && databaseAnswers(state, readerLogin())) {
                break;
            }
            if (System.nanoTime() > deadline) {
                fail(name + " was not restored within " + RESTORE_LIMIT.toMinutes() + " min; run state: " + state);
            }
            Thread.sleep(500);
        }
        assertTrue(bulk.sent() > before, "the load was on when " + name + " was killed");
    }

    private static void assertOneRestart(JsonObject restarts, String reasonStart, String what) {
        assertEquals(1, restarts.get("count").getAsInt(), what);
        assertTrue(restarts.get("lastReason").getAsString().startsWith(reasonStart), what);
        assertEquals(false, restarts.get("givenUp").getAsBoolean(), what);
    }

    private static long pidOf(RunState state, String name) {
        if (name.equals("PostgreSQL")) {
            return state.postgresPid();
        }
        return state.services().stream().filter(service -> service.name().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError(name + " is not in the run state: " + state)).pid();
    }

    private static boolean everyServiceReady(RunState state) {
        ReadinessProbe probe = new ReadinessProbe();
        return state.services().stream().allMatch(service -> probe.isReady("localhost", service.adminPort()));
    }

    /** The read-only role's login, generated by {@code up} beside the other credentials. */
    private DatabaseLogin readerLogin() throws IOException {
        return DatabasePasswords.ensure(stateDirectory.resolve("credentials")).login(DatabaseRole.READER);
    }

    private static boolean databaseAnswers(RunState state, DatabaseLogin login) {
        try (var connection = DriverManager.getConnection(state.databaseUrl(), login.user(), login.password());
             var statement = connection.createStatement()) {
            return statement.execute("SELECT 1");
        } catch (Exception notYet) {
            return false;
        }
    }

    private RunState runState() {
        return new RunStateFile(stateDirectory.resolve("run")).read()
                .orElseThrow(() -> new AssertionError("no run state in " + stateDirectory));
    }

    /** What {@code newsroom up} is run with: its own state directory and free ports, nothing from this machine's suite. */
    private Map<String, String> suiteEnvironment() throws IOException {
        Map<String, String> variables = new LinkedHashMap<>();
        variables.put("NEWSROOM_HOME", HOME.toString());
        variables.put("NEWSROOM_STATE_DIR", stateDirectory.toString());
        variables.put("NEWSROOM_PG_PORT", Integer.toString(PortCheck.freePort()));
        for (Service service : Service.values()) {
            variables.put(service.portVariable(), Integer.toString(PortCheck.freePort()));
        }
        // A 2-core CI machine busy with other builds can take minutes to start three JVMs at once.
        variables.put("NEWSROOM_READY_TIMEOUT", READY_LIMIT.toSeconds() + "s");
        // Long enough for the test to see ingest-service answer while PostgreSQL is down.
        variables.put("NEWSROOM_RESTART_BACKOFF", "4s");
        // A killed ingest-service's claims lapse within half a minute, and retries come quickly.
        variables.put("NEWSROOM_INGEST_NLP_DEADLINE", "20s");
        variables.put("NEWSROOM_INGEST_WRITE_MARGIN", "5s");
        variables.put("NEWSROOM_INGEST_INITIAL_BACKOFF", "200ms");
        variables.put("NEWSROOM_INGEST_MAX_BACKOFF", "2s");
        return variables;
    }

    /** A finished CLI command: its exit status, standard output and standard error. */
    private record CliRun(int exitStatus, String output, String errors) {
    }

    /** Runs the CLI's jar as {@code ./newsroom} would, with the suite's environment. */
    private CliRun cli(String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                ProcessHandle.current().info().command().orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString()),
                "-jar", CLI_JAR.toString()));
        command.addAll(List.of(arguments));
        Files.createDirectories(LOGS);
        Path output = Files.createTempFile(LOGS, "cli-", ".out");
        Path errors = Files.createTempFile(LOGS, "cli-", ".err");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectOutput(output.toFile())
                .redirectError(errors.toFile());
        builder.environment().keySet().removeIf(name -> name.startsWith("NEWSROOM_"));
        builder.environment().putAll(environment);
        Process process = builder.start();
        process.getOutputStream().close();
        Duration limit = arguments[0].equals("up") ? UP_LIMIT : CLI_LIMIT;
        if (!process.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            fail("newsroom " + String.join(" ", arguments) + " did not finish within " + limit.toMinutes() + " min: "
                    + Files.readString(output) + Files.readString(errors));
        }
        CliRun run = new CliRun(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8),
                Files.readString(errors, StandardCharsets.UTF_8));
        Files.delete(output);
        Files.delete(errors);
        return run;
    }

    private void printLogs() {
        Path logs = stateDirectory.resolve("logs");
        if (!Files.isDirectory(logs)) {
            return;
        }
        try (Stream<Path> files = Files.list(logs)) {
            for (Path log : files.sorted().toList()) {
                System.err.println("===== last 80 lines of " + log + " =====");
                System.err.println(LogTail.of(log, 80));
            }
        } catch (IOException e) {
            System.err.println("cannot list " + logs + ": " + e.getMessage());
        }
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted((a, b) -> b.compareTo(a)).toList()) {
                Files.delete(path);
            }
        }
    }

    /**
     * Report {@code n}: a short English news text with a named speaker, a place and a direct
     * quote, so its analysis has mentions and quotes to store (and to store twice, were it
     * written twice).
     */
    static Article article(String site, int n) {
        String[][] speakers = {{"Maria Keller", "Keller", "mayor"}, {"Tomas Berg", "Berg", "minister"},
            {"Aisha Rahman", "Rahman", "councillor"}, {"David Osei", "Osei", "director"}};
        String[] places = {"Leeds", "Bristol", "Cardiff", "Glasgow", "Norwich"};
        String[] topics = {"housing", "bridge", "school", "hospital", "rail", "harbour", "library", "budget"};
        String[] speaker = speakers[n % speakers.length];
        String place = places[(n / 4) % places.length];
        String topic = topics[(n / 20) % topics.length];
        String text = "Officials in " + place + " met on Monday to discuss the " + topic + " plan, report " + n
                + " said. \"The " + topic + " plan for " + place + " will go ahead next month,\" said " + speaker[0]
                + ", the city's " + speaker[2] + ". " + speaker[1] + " said the council would meet again to review"
                + " report " + n + " in the spring.";
        return Article.newBuilder()
                .setUrl("https://" + site + "/article/" + n)
                .setContentType(Article.ContentType.PLAIN_TEXT)
                .setContent(ByteString.copyFromUtf8(text))
                .build();
    }

    @FunctionalInterface
    private interface ThrowingRunnable {
        void run() throws Exception;
    }

    /**
     * A client's bulk load: streams of {@link #BATCH} articles until told to finish (and at
     * least {@link #MINIMUM_ARTICLES}); a stream that breaks (a service or the store gone) is
     * sent again until it goes through, which is safe since an article already stored comes
     * back already_stored. Can be held with a stream half sent, so a kill lands mid-stream.
     */
    private static final class BulkLoad implements Callable<Void> {

        private final ServiceChannel channel;
        private final AtomicInteger sent = new AtomicInteger();
        private final AtomicInteger alreadyStored = new AtomicInteger();
        private final List<Throwable> brokenStreams = new CopyOnWriteArrayList<>();
        private final AtomicReference<CountDownLatch> heldMidStream = new AtomicReference<>();
        private volatile CountDownLatch resume = new CountDownLatch(0);
        private volatile boolean finish;

        BulkLoad(ServiceChannel channel) {
            this.channel = channel;
        }

        /** Articles sent and stored (accepted or already stored) so far. */
        int sent() {
            return sent.get();
        }

        void finish() {
            finish = true;
        }

        void awaitArticlesThrough(int count) throws Exception {
            long deadline = System.nanoTime() + RESTORE_LIMIT.toNanos();
            while (sent() < count) {
                if (System.nanoTime() > deadline) {
                    fail("the load did not reach " + count + " articles; broken streams: " + brokenStreams);
                }
                Thread.sleep(100);
            }
        }

        /** Returns once a stream is half sent; it stays so until {@link #resume}. */
        void holdMidStream() throws InterruptedException {
            resume = new CountDownLatch(1);
            CountDownLatch held = new CountDownLatch(1);
            heldMidStream.set(held);
            assertTrue(held.await(RESTORE_LIMIT.toSeconds(), TimeUnit.SECONDS), "a stream was half sent");
        }

        void resume() {
            resume.countDown();
        }

        @Override
        public Void call() throws Exception {
            for (int from = 0; !finish || from < MINIMUM_ARTICLES; from += BATCH) {
                List<Article> batch = new ArrayList<>();
                for (int n = from; n < from + BATCH; n++) {
                    batch.add(article(SITE, n));
                }
                while (true) {
                    try {
                        IngestArticlesResponse response = send(batch);
                        assertEquals(0, response.getRejectedCount(), () -> "rejected: " + response);
                        assertEquals(BATCH, response.getAcceptedCount() + response.getAlreadyStoredCount(), response::toString);
                        alreadyStored.addAndGet(response.getAlreadyStoredCount());
                        sent.addAndGet(BATCH);
                        break;
                    } catch (java.util.concurrent.ExecutionException broken) {
                        brokenStreams.add(broken.getCause());
                        Thread.sleep(500);
                    }
                }
                Thread.sleep(BETWEEN_STREAMS.toMillis());
            }
            return null;
        }

        private IngestArticlesResponse send(List<Article> batch) throws Exception {
            return BulkClient.send(channel, batch, () -> {
                CountDownLatch held = heldMidStream.getAndSet(null);
                if (held != null) {
                    held.countDown();
                    resume.await();
                }
            }, BETWEEN_ARTICLES);
        }
    }
}
