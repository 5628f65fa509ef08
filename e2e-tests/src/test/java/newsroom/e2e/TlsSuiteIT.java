package newsroom.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import newsroom.auth.tls.LocalCertificateAuthority;
import newsroom.auth.tls.TlsFiles;
import newsroom.cli.credentials.LocalCredentials;
import newsroom.cli.grpc.Endpoint;
import newsroom.cli.grpc.ServiceChannel;
import newsroom.cli.run.DatabaseConnection;
import newsroom.cli.run.Service;
import newsroom.cli.run.ServicePorts;
import newsroom.cli.run.Suite;
import newsroom.ingest.v1.Article;
import newsroom.ingest.v1.ArticleStatus;
import newsroom.ingest.v1.GetIngestStatusRequest;
import newsroom.ingest.v1.GetIngestStatusResponse;
import newsroom.ingest.v1.IngestArticleRequest;
import newsroom.ingest.v1.IngestServiceGrpc;
import newsroom.localpostgres.LocalPostgres;
import newsroom.query.v1.QueryServiceGrpc;
import newsroom.query.v1.SearchArticlesRequest;
import newsroom.query.v1.SearchArticlesResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;

/**
 * The suite as {@code newsroom up --tls} runs it: the three services as processes with a
 * certificate from a local CA, TLS only. An article goes in over TLS, ingest-service has
 * it analysed by nlp-service over TLS, and a search over TLS finds it; a plaintext client
 * is refused. The console signs a browser in over https.
 */
class TlsSuiteIT {

    private static final Path HOME = Path.of(System.getProperty("newsroom.home", "..")).toAbsolutePath().normalize();
    private static final Path SAMPLE = HOME.resolve("samples/pakistan-russia-2021-04-07.txt");
    private static final Path LOGS = Path.of(System.getProperty("newsroom.e2e.logs", "target/e2e-logs"), "tls");
    private static final Path SCREENSHOTS = Path.of(System.getProperty("newsroom.e2e.screenshots", "target/screenshots"));

    /** Bounds, not expectations: a slow CI machine may need all of them. */
    private static final Duration START_LIMIT = Duration.ofMinutes(5);
    private static final Duration ANALYSIS_LIMIT = Duration.ofMinutes(5);

    private static LocalPostgres postgres;
    private static Suite suite;
    private static ServicePorts ports;
    private static ServiceChannel ingest;
    private static ServiceChannel query;
    private static TlsFiles tls;

    @RegisterExtension
    static final ServiceLogsOnFailure LOGS_ON_FAILURE =
            new ServiceLogsOnFailure(() -> suite == null ? List.of() : suite.processes());

    @BeforeAll
    static void startTheSuiteWithTls() throws Exception {
        for (Service service : Service.values()) {
            assertTrue(Files.isRegularFile(service.jar(HOME)),
                    service.jar(HOME) + " is missing: build the services first (./mvnw verify builds them)");
        }
        Path credentials = LOGS.toAbsolutePath().resolveSibling("tls-credentials");
        tls = LocalCertificateAuthority.generate(credentials.resolve("tls"));
        postgres = LocalPostgres.startThrowAway();
        ports = ServicePorts.free();
        suite = new Suite(HOME, DatabaseConnection.of(postgres), ports, LOGS,
                LocalCredentials.ensure(credentials), Optional.of(tls));
        for (Service service : Service.values()) {
            suite.start(service);
        }
        // Readiness is asked on the admin ports, which stay plaintext; the gRPC calls below are TLS.
        suite.awaitReady(suite.processes(), START_LIMIT, (notReady, elapsed) -> { }, () -> false);
        ingest = suite.channel(Service.INGEST);
        query = suite.channel(Service.QUERY);
    }

    @AfterAll
    static void stopEverything() throws IOException {
        if (ingest != null) {
            ingest.close();
        }
        if (query != null) {
            query.close();
        }
        if (suite != null) {
            suite.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }

    @Test
    void anArticleIsIngestedAnalyzedAndFoundOverTls() throws Exception {
        long articleId = IngestServiceGrpc.newBlockingStub(ingest.channel()).withDeadlineAfter(30, TimeUnit.SECONDS)
                .ingestArticle(IngestArticleRequest.newBuilder()
                        .setArticle(Article.newBuilder()
                                .setSource("Dawn")
                                .setContentType(Article.ContentType.PLAIN_TEXT)
                                .setContent(ByteString.copyFrom(Files.readAllBytes(SAMPLE))))
                        .build())
                .getArticleId();

        GetIngestStatusResponse analyzed = awaitFinalStatus(articleId);
        assertEquals(ArticleStatus.ANALYZED, analyzed.getStatus(), () -> "analysis failed: " + analyzed.getError());

        SearchArticlesResponse found = QueryServiceGrpc.newBlockingStub(query.channel())
                .withDeadlineAfter(30, TimeUnit.SECONDS)
                .searchArticles(SearchArticlesRequest.newBuilder().setQuery("Lavrov").build());
        assertTrue(found.getHitsList().stream().anyMatch(hit -> hit.getArticle().getId() == articleId),
                "searching Lavrov over TLS finds article " + articleId + ": " + found.getHitsList());
    }

    /**
     * {@code newsroom console} gives an https link, and Chromium signs in over TLS and gets a
     * Secure session cookie. Chromium trusts the suite's certificate by its public key (see
     * {@link ConsoleBrowser#start}), not by ignoring certificate errors.
     */
    @Test
    void theConsoleSignsInOverHttps() throws Exception {
        String base = "https://localhost:" + ports.of(Service.QUERY) + "/";
        String url = new NewsroomCli(HOME, suite, ports, Optional.of(tls)).consoleSignInUrl();
        assertTrue(url.startsWith(base + "sign-in?token="), "an https sign-in link: " + url);

        try (ConsoleBrowser browser = ConsoleBrowser.start(URI.create(base), SCREENSHOTS, Optional.of(tls.certificate()))) {
            browser.openUrl(url);
            browser.await(By.cssSelector("form#search-form input#q"));
            assertTrue(browser.currentUrl().startsWith(base + "search"), browser.currentUrl());
            Cookie session = browser.driver().manage().getCookieNamed("newsroom_session");
            assertNotNull(session, "the sign-in set the session cookie");
            assertTrue(session.isSecure(), "over TLS the session cookie is Secure");
            assertTrue(session.isHttpOnly());

            browser.open("search?q=Lavrov");
            browser.await(By.id("result-count"));
            browser.screenshot("tls-search");
        }
    }

    @Test
    void aPlaintextClientIsRefused() throws IOException {
        try (ServiceChannel plaintext = ServiceChannel.open(
                Endpoint.of("query-service", "localhost:" + ports.of(Service.QUERY)),
                Optional.of(suite.credentials().clientKey()))) {
            StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
                    () -> QueryServiceGrpc.newBlockingStub(plaintext.channel()).withDeadlineAfter(30, TimeUnit.SECONDS)
                            .searchArticles(SearchArticlesRequest.newBuilder().setQuery("Lavrov").build()));

            assertEquals(Status.Code.UNAVAILABLE, refused.getStatus().getCode(), refused.getMessage());
        }
    }

    private static GetIngestStatusResponse awaitFinalStatus(long articleId) throws InterruptedException {
        long deadline = System.nanoTime() + ANALYSIS_LIMIT.toNanos();
        GetIngestStatusResponse status;
        do {
            status = IngestServiceGrpc.newBlockingStub(ingest.channel()).withDeadlineAfter(30, TimeUnit.SECONDS)
                    .getIngestStatus(GetIngestStatusRequest.newBuilder().setArticleId(articleId).build());
            if (status.getStatus() == ArticleStatus.ANALYZED || status.getStatus() == ArticleStatus.FAILED) {
                return status;
            }
            Thread.sleep(1000);
        } while (System.nanoTime() < deadline);
        fail("article " + articleId + " was not analysed within " + ANALYSIS_LIMIT.toMinutes()
                + " min; last status " + status.getStatus() + ", attempts " + status.getAttempts()
                + ", error: " + status.getError());
        return status;
    }
}
