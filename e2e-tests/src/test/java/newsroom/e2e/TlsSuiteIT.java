package newsroom.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import newsroom.auth.tls.LocalCertificateAuthority;
import newsroom.auth.tls.TlsFiles;
import newsroom.cli.credentials.LocalCredentials;
import newsroom.cli.grpc.Endpoint;
import newsroom.cli.grpc.ServiceChannel;
import newsroom.cli.run.Service;
import newsroom.cli.run.ServicePorts;
import newsroom.cli.run.Suite;
import newsroom.ingest.v1.Article;
import newsroom.ingest.v1.ArticleStatus;
import newsroom.ingest.v1.GetIngestStatusResponse;
import newsroom.ingest.v1.IngestArticleRequest;
import newsroom.ingest.v1.IngestServiceGrpc;
import newsroom.query.v1.QueryServiceGrpc;
import newsroom.query.v1.SearchArticlesRequest;
import newsroom.query.v1.SearchArticlesResponse;
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

    private static final Path LOGS = SuiteUnderTest.LOGS.resolve("tls");

    /** Bounds, not expectations: a slow CI machine may need all of them. */
    private static final Duration START_LIMIT = Duration.ofMinutes(5);
    private static final Duration ANALYSIS_LIMIT = Duration.ofMinutes(5);

    @RegisterExtension
    static final SuiteUnderTest SUITE = new SuiteUnderTest();
    private static Suite suite;
    private static ServicePorts ports;
    private static ServiceChannel ingest;
    private static ServiceChannel query;
    private static TlsFiles tls;

    @BeforeAll
    static void startTheSuiteWithTls() throws Exception {
        Path credentials = LOGS.toAbsolutePath().resolveSibling("tls-credentials");
        tls = LocalCertificateAuthority.generate(credentials.resolve("tls"));
        suite = SUITE.create(LOGS, LocalCredentials.ensure(credentials), Optional.of(tls));
        ports = SUITE.ports();
        // Readiness is asked on the admin ports, which stay plaintext; the gRPC calls below are TLS.
        SUITE.startAndAwait(START_LIMIT, Service.values());
        ingest = SUITE.channel(Service.INGEST);
        query = SUITE.channel(Service.QUERY);
    }

    @Test
    void anArticleIsIngestedAnalyzedAndFoundOverTls() throws Exception {
        long articleId = IngestServiceGrpc.newBlockingStub(ingest.channel()).withDeadlineAfter(30, TimeUnit.SECONDS)
                .ingestArticle(IngestArticleRequest.newBuilder()
                        .setArticle(Article.newBuilder()
                                .setSource("Dawn")
                                .setContentType(Article.ContentType.PLAIN_TEXT)
                                .setContent(ByteString.copyFrom(Files.readAllBytes(SuiteUnderTest.SAMPLE))))
                        .build())
                .getArticleId();

        GetIngestStatusResponse analyzed = SuiteUnderTest.awaitFinalStatus(ingest, articleId, ANALYSIS_LIMIT);
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
        String url = new NewsroomCli(SuiteUnderTest.HOME, suite, ports, Optional.of(tls)).consoleSignInUrl();
        assertTrue(url.startsWith(base + "sign-in?token="), "an https sign-in link: " + url);

        try (ConsoleBrowser browser = ConsoleBrowser.start(URI.create(base), Optional.of(tls.certificate()))) {
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

}
