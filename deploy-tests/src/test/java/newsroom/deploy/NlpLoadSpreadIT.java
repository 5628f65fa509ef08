package newsroom.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.protobuf.ByteString;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import newsroom.cli.grpc.ServiceChannel;
import newsroom.cli.run.DatabaseConnection;
import newsroom.cli.run.PortCheck;
import newsroom.cli.run.Service;
import newsroom.cli.run.ServicePorts;
import newsroom.cli.run.ServiceProcess;
import newsroom.cli.run.Suite;
import newsroom.e2e.ServiceLogsOnFailure;
import newsroom.ingest.v1.Article;
import newsroom.ingest.v1.ArticleStatus;
import newsroom.ingest.v1.GetIngestStatusRequest;
import newsroom.ingest.v1.GetIngestStatusResponse;
import newsroom.ingest.v1.IngestArticleRequest;
import newsroom.ingest.v1.IngestServiceGrpc;
import newsroom.localpostgres.DatabaseRole;
import newsroom.localpostgres.LocalPostgres;
import newsroom.nlp.v1.Analysis;
import newsroom.nlp.v1.Entity;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Client-side balancing from ingest-service to nlp-service, with real processes: two
 * nlp-service instances and one ingest-service (their built jars) on loopback and a real
 * PostgreSQL. ingest-service is given both instances as its static list
 * (NEWSROOM_NLP_ADDRESSES), as Kubernetes gives it every pod of the headless Service.
 * Each instance counts the documents it analysed (newsroom_nlp_documents_total at
 * /q/metrics). Then one instance is killed while articles are still coming in, and every
 * article must still be analysed, by the other. Last, the remaining instance is killed
 * (SIGKILL) in the middle of a load and started again: every article must be analysed
 * exactly once, as the store and ingest-service's log show.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class NlpLoadSpreadIT {

    private static final Path HOME = Path.of(System.getProperty("newsroom.home", "..")).toAbsolutePath().normalize();
    private static final Path LOGS = Path.of(System.getProperty("newsroom.deploy.logs", "target/deploy-logs"));

    private static final int ARTICLES = 60;
    private static final int ARTICLES_BEFORE_KILL = 10;
    private static final int ARTICLES_AFTER_KILL = 20;
    private static final int RECONNECTED_ARTICLES = 20;
    private static final int ARTICLES_BEFORE_RESTART = 12;
    private static final int ARTICLES_DURING_RESTART = 12;

    /** Bounds, not expectations: a slow CI machine may need all of them. */
    private static final Duration NLP_START_LIMIT = Duration.ofMinutes(10);
    private static final Duration INGEST_START_LIMIT = Duration.ofMinutes(3);
    private static final Duration ANALYSIS_LIMIT = Duration.ofMinutes(10);
    private static final Duration LOG_LINE_LIMIT = Duration.ofMinutes(2);

    private static final Pattern ANALYSED = Pattern.compile("article (\\d+) analysed:");
    private static final Pattern DOCUMENTS = Pattern.compile("(?m)^newsroom_nlp_documents_total(?:\\{[^}]*})?\\s+(\\S+)$");

    private static LocalPostgres postgres;
    private static final List<ServiceProcess> PROCESSES = new ArrayList<>();
    private static ServiceProcess nlpA;
    private static ServiceProcess nlpB;
    private static ServiceProcess ingestProcess;
    private static Suite suite;
    private static ServiceChannel ingest;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @RegisterExtension
    static final ServiceLogsOnFailure LOGS_ON_FAILURE = new ServiceLogsOnFailure() {
        @Override
        protected List<ServiceProcess> processes() {
            return PROCESSES;
        }
    };

    @BeforeAll
    static void startPostgresTwoNlpInstancesAndIngest() throws Exception {
        for (Service service : List.of(Service.NLP, Service.INGEST)) {
            assertTrue(Files.isRegularFile(service.jar(HOME)),
                    service.jar(HOME) + " is missing: build the services first (./mvnw verify builds them)");
        }
        postgres = LocalPostgres.startThrowAway();
        ServicePorts ports = ServicePorts.free();
        int portA = ports.nlp();
        int portB = PortCheck.freePort();
        suite = new Suite(HOME, DatabaseConnection.of(postgres), ports, LOGS);

        // Connections end after a few seconds (5 min in production), so that the reconnecting
        // of ingest-service's client happens during the test, and is shown to lose nothing;
        // the grace for running calls is production's.
        Map<String, String> shortConnections = Map.of(
                "NEWSROOM_NLP_MAX_CONNECTION_AGE", "5s", "NEWSROOM_NLP_MAX_CONNECTION_AGE_GRACE", "2m");
        nlpA = start(variant(Service.NLP, "nlp-service-a", portA, ports.nlpAdmin(), shortConnections));
        nlpB = start(variant(Service.NLP, "nlp-service-b", portB, PortCheck.freePort(), shortConnections));
        suite.awaitReady(List.of(nlpA, nlpB), NLP_START_LIMIT, (notReady, elapsed) -> { }, () -> false);

        // Short retry delays: an article whose call died with instance b is retried soon.
        ingestProcess = start(variant(Service.INGEST, "ingest-service", ports.ingest(), ports.ingestAdmin(), Map.of(
                "NEWSROOM_NLP_ADDRESSES", "localhost:" + portA + ",localhost:" + portB,
                "NEWSROOM_INGEST_INITIAL_BACKOFF", "100ms",
                "NEWSROOM_INGEST_MAX_BACKOFF", "1s",
                // The backlog gauge counts afresh on every scrape, for the check below.
                "NEWSROOM_METRICS_BACKLOG_CACHE", "0s")));
        suite.awaitReady(List.of(ingestProcess), INGEST_START_LIMIT, (notReady, elapsed) -> { }, () -> false);
        ingest = suite.channel(Service.INGEST);
    }

    @AfterAll
    static void stopEverything() throws IOException {
        if (ingest != null) {
            ingest.close();
        }
        // ingest-service first, so its worker stops calling before nlp-service goes away.
        for (ServiceProcess process : PROCESSES) {
            process.stop(Duration.ofSeconds(30));
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    @Order(1)
    void eachOfTwoNlpInstancesAnalysesBetween35And65PercentOfTheArticles() throws Exception {
        List<Long> ids = ingestAll(GeneratedArticles.generate(ARTICLES, 0));
        awaitAllAnalyzed(ids);

        double a = documentsAnalyzedBy(nlpA);
        double b = documentsAnalyzedBy(nlpB);
        System.out.printf("NlpLoadSpreadIT: %d articles analysed, instance a %.0f documents, instance b %.0f%n", ARTICLES, a, b);
        assertTrue(a + b >= ARTICLES, "the two instances analysed " + a + " + " + b + " documents for " + ARTICLES + " articles");
        double shareA = a / (a + b);
        assertTrue(shareA >= 0.35 && shareA <= 0.65,
                "instance a analysed " + a + " and instance b " + b + " of the documents: each should have 35-65 %");
    }

    @Test
    @Order(2)
    void metricsShowCallsPerMethodAndTheEmptiedBacklog() throws Exception {
        String nlpMetrics = metricsOf(nlpA.adminPort());
        assertTrue(Pattern.compile("(?m)^grpc_server_processing_duration_seconds_count\\{[^}]*method=\"AnalyzeDocument\"")
                .matcher(nlpMetrics).find(), "nlp-service times its calls per gRPC method");
        assertTrue(nlpMetrics.contains("newsroom_nlp_words_total"), "nlp-service counts the words it analysed");
        String ingestMetrics = metricsOf(ingestProcess.adminPort());
        assertTrue(Pattern.compile("(?m)^newsroom_ingest_backlog_articles(\\{[^}]*})? 0\\.0$").matcher(ingestMetrics).find(),
                "with every article analysed the backlog is empty: " + lineOf(ingestMetrics, "newsroom_ingest_backlog_articles"));
        assertTrue(Pattern.compile("(?m)^newsroom_ingest_backlog_oldest_age_seconds(\\{[^}]*})? 0\\.0$").matcher(ingestMetrics).find(),
                "nothing waits: " + lineOf(ingestMetrics, "newsroom_ingest_backlog_oldest_age_seconds"));
        assertTrue(ingestMetrics.contains("agroal_active_count"), "ingest-service reports its connection pool");
        assertTrue(Pattern.compile("(?m)^grpc_client_processing_duration_seconds_count\\{[^}]*method=\"AnalyzeDocument\"")
                .matcher(ingestMetrics).find(), "ingest-service times its calls to nlp-service");
    }

    @Test
    @Order(3)
    void connectionsEndAtTheirMaxAgeAndCallsStillReachBothInstancesAfterwards() throws Exception {
        awaitLogLine(nlpA, "max connection age");
        awaitLogLine(nlpB, "max connection age");
        double aBefore = documentsAnalyzedBy(nlpA);
        double bBefore = documentsAnalyzedBy(nlpB);
        awaitAllAnalyzed(ingestAll(GeneratedArticles.generate(RECONNECTED_ARTICLES, 1000)));
        double a = documentsAnalyzedBy(nlpA) - aBefore;
        double b = documentsAnalyzedBy(nlpB) - bBefore;
        System.out.printf("NlpLoadSpreadIT: after the connections ended, instance a %.0f documents, instance b %.0f%n", a, b);
        assertTrue(a > 0 && b > 0, "after reconnecting, ingest-service calls both instances: a " + a + ", b " + b);
    }

    @Test
    @Order(4)
    void everyArticleIsAnalyzedAfterOneInstanceIsKilledMidRun() throws Exception {
        double aBefore = documentsAnalyzedBy(nlpA);
        List<String> texts = GeneratedArticles.generate(ARTICLES_BEFORE_KILL + ARTICLES_AFTER_KILL, ARTICLES);
        List<Long> ids = new ArrayList<>(ingestAll(texts.subList(0, ARTICLES_BEFORE_KILL)));
        // Killed (SIGKILL), not stopped gracefully: calls it had in hand fail and are retried.
        nlpB.stop(Duration.ZERO);
        assertTrue(!nlpB.isAlive(), "instance b is gone");
        ids.addAll(ingestAll(texts.subList(ARTICLES_BEFORE_KILL, texts.size())));

        awaitAllAnalyzed(ids);
        double analyzedByA = documentsAnalyzedBy(nlpA) - aBefore;
        assertTrue(analyzedByA >= ARTICLES_AFTER_KILL, "the " + ARTICLES_AFTER_KILL
                + " articles ingested after instance b died were analysed by instance a, which analysed " + analyzedByA);
    }

    @Test
    @Order(5)
    void killingTheNlpServiceMidLoadAndRestartingItAnalysesEveryArticleExactlyOnce() throws Exception {
        List<String> texts = GeneratedArticles.generate(ARTICLES_BEFORE_RESTART + ARTICLES_DURING_RESTART, 2000);
        List<Long> ids = new ArrayList<>(ingestAll(texts.subList(0, ARTICLES_BEFORE_RESTART)));
        awaitAnalyzedAtLeast(ids, 2);
        // kill -9 while the worker has analyses in hand; articles keep coming in meanwhile.
        ProcessHandle killedProcess = ProcessHandle.of(nlpA.pid()).orElseThrow();
        killedProcess.destroyForcibly();
        killedProcess.onExit().join();
        assertTrue(!nlpA.isAlive(), "instance a is gone");
        long analyzedAtKill = analyzedAmong(ids);
        ids.addAll(ingestAll(texts.subList(ARTICLES_BEFORE_RESTART, texts.size())));

        ServiceProcess.Spec killed = nlpA.spec();
        nlpA = start(new ServiceProcess.Spec("nlp-service-a-restarted", killed.jar(), killed.port(),
                killed.adminPort(), killed.jvmOptions(), killed.environment(), LOGS.resolve("nlp-service-a-restarted.log")));
        suite.awaitReady(List.of(nlpA), NLP_START_LIMIT, (notReady, elapsed) -> { }, () -> false);
        awaitAllAnalyzed(ids);

        assertTrue(analyzedAtKill < ids.size(), "the kill came mid-load: " + analyzedAtKill + " analysed");
        // Exactly once: one successful analysis per article in ingest-service's log...
        Map<Long, Integer> analyses = new HashMap<>();
        Matcher analyzed = ANALYSED.matcher(Files.readString(ingestProcess.spec().logFile()));
        while (analyzed.find()) {
            analyses.merge(Long.parseLong(analyzed.group(1)), 1, Integer::sum);
        }
        for (long id : ids) {
            assertEquals(1, analyses.getOrDefault(id, 0), "analyses of article " + id + " in ingest-service's log");
        }
        // ...and in the store, each article's rows are its one stored analysis, none twice.
        try (Connection connection = postgres.connect(DatabaseRole.READER)) {
            for (long id : ids) {
                Analysis analysis = Analysis.parseFrom(storedAnalysis(connection, id));
                int mentions = analysis.getEntitiesList().stream().mapToInt(Entity::getMentionsCount).sum();
                assertTrue(mentions > 0, "article " + id + " has mentions");
                assertTrue(count(connection, "SELECT count(*) FROM mention WHERE article_id = ?", id) <= mentions,
                        "article " + id + ": no more mention rows than its analysis has mentions");
                assertEquals(analysis.getQuotesCount(), count(connection, "SELECT count(*) FROM quote WHERE article_id = ?", id),
                        "article " + id + ": one quote row per quote of its analysis");
                assertEquals(0, count(connection, "SELECT count(*) FROM (SELECT begin_offset, end_offset FROM mention"
                        + " WHERE article_id = ? GROUP BY 1, 2 HAVING count(*) > 1) twice", id),
                        "article " + id + ": no mention stored twice");
                assertEquals(0, count(connection, "SELECT count(*) FROM (SELECT begin_offset, end_offset FROM quote"
                        + " WHERE article_id = ? GROUP BY 1, 2 HAVING count(*) > 1) twice", id),
                        "article " + id + ": no quote stored twice");
            }
        }
    }

    // --- helpers ---

    private static void awaitAnalyzedAtLeast(List<Long> ids, long expected) throws Exception {
        long deadline = System.nanoTime() + ANALYSIS_LIMIT.toNanos();
        while (analyzedAmong(ids) < expected) {
            if (System.nanoTime() > deadline) {
                fail("fewer than " + expected + " articles analysed within " + ANALYSIS_LIMIT.toMinutes() + " min");
            }
            Thread.sleep(100);
        }
    }

    private static long analyzedAmong(List<Long> ids) throws SQLException {
        try (Connection connection = postgres.connect(DatabaseRole.READER);
             PreparedStatement statement = connection.prepareStatement(
                     "SELECT count(*) FROM article WHERE status = 'ANALYZED' AND id = ANY (?)")) {
            statement.setArray(1, connection.createArrayOf("bigint", ids.toArray()));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static byte[] storedAnalysis(Connection connection, long id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement("SELECT analysis FROM article WHERE id = ?")) {
            statement.setLong(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                assertTrue(rows.next() && rows.getBytes(1) != null, "article " + id + " has its analysis stored");
                return rows.getBytes(1);
            }
        }
    }

    private static long count(Connection connection, String query, long id) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(query)) {
            statement.setLong(1, id);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static ServiceProcess start(ServiceProcess.Spec spec) throws IOException {
        ServiceProcess process = ServiceProcess.start(spec);
        // Stopped in reverse start order: ingest-service first.
        PROCESSES.add(0, process);
        return process;
    }

    /** A service's spec under another name and ports, with extra environment variables. */
    private static ServiceProcess.Spec variant(Service service, String name, int port, int adminPort,
                                               Map<String, String> extra) {
        ServiceProcess.Spec spec = suite.specOf(service);
        Map<String, String> environment = new LinkedHashMap<>(spec.environment());
        environment.put(service.portVariable(), Integer.toString(port));
        environment.put(service.adminPortVariable(), Integer.toString(adminPort));
        environment.putAll(extra);
        return new ServiceProcess.Spec(name, spec.jar(), port, adminPort, spec.jvmOptions(), environment,
                LOGS.resolve(name + ".log"));
    }

    private static List<Long> ingestAll(List<String> texts) {
        List<Long> ids = new ArrayList<>();
        for (String text : texts) {
            var response = ingestStub().ingestArticle(IngestArticleRequest.newBuilder()
                    .setArticle(Article.newBuilder()
                            .setSource("Load test")
                            .setTitle(text.substring(0, text.indexOf(',')))
                            .setPublishedTime(com.google.protobuf.Timestamp.newBuilder()
                                    .setSeconds(Instant.parse("2026-03-02T08:00:00Z").getEpochSecond()))
                            .setContentType(Article.ContentType.PLAIN_TEXT)
                            .setContent(ByteString.copyFrom(text, StandardCharsets.UTF_8)))
                    .build());
            assertEquals(ArticleStatus.ACCEPTED, response.getStatus(), "a new article is accepted: " + text);
            ids.add(response.getArticleId());
        }
        return ids;
    }

    private static void awaitAllAnalyzed(List<Long> ids) throws InterruptedException {
        long deadline = System.nanoTime() + ANALYSIS_LIMIT.toNanos();
        List<Long> waiting = new ArrayList<>(ids);
        while (!waiting.isEmpty()) {
            GetIngestStatusResponse status = ingestStub().getIngestStatus(
                    GetIngestStatusRequest.newBuilder().setArticleId(waiting.get(0)).build());
            if (status.getStatus() == ArticleStatus.ANALYZED) {
                waiting.remove(0);
                continue;
            }
            assertEquals(ArticleStatus.ACCEPTED, status.getStatus(),
                    "article " + waiting.get(0) + " is analysed or waiting, never lost; error: " + status.getError());
            if (System.nanoTime() > deadline) {
                fail(waiting.size() + " of " + ids.size() + " articles not analysed within " + ANALYSIS_LIMIT.toMinutes()
                        + " min; article " + waiting.get(0) + " has had " + status.getAttempts() + " attempts, last error: "
                        + status.getError());
            }
            Thread.sleep(500);
        }
    }

    /** The instance's newsroom_nlp_documents_total, read from its /q/metrics. */
    private static double documentsAnalyzedBy(ServiceProcess nlp) throws IOException, InterruptedException {
        Matcher matcher = DOCUMENTS.matcher(metricsOf(nlp.adminPort()));
        assertTrue(matcher.find(), nlp.name() + "'s metrics have newsroom_nlp_documents_total");
        return Double.parseDouble(matcher.group(1));
    }

    /** Waits until the process's log has a line containing {@code text}. */
    private static void awaitLogLine(ServiceProcess process, String text) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + LOG_LINE_LIMIT.toNanos();
        while (!Files.readString(process.spec().logFile()).contains(text)) {
            if (System.nanoTime() > deadline) {
                fail(process.name() + " logged no \"" + text + "\" within " + LOG_LINE_LIMIT.toSeconds() + " s");
            }
            Thread.sleep(500);
        }
    }

    private static String metricsOf(int adminPort) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + adminPort + "/q/metrics"))
                        .timeout(Duration.ofSeconds(10)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), "admin port " + adminPort + " serves /q/metrics");
        return response.body();
    }

    private static String lineOf(String metrics, String name) {
        return metrics.lines().filter(line -> line.startsWith(name)).findFirst().orElse("(no " + name + ")");
    }

    private static IngestServiceGrpc.IngestServiceBlockingStub ingestStub() {
        return IngestServiceGrpc.newBlockingStub(ingest.channel()).withDeadlineAfter(30, TimeUnit.SECONDS);
    }
}
