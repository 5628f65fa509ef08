package newsroom.query.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import newsroom.auth.ApiKey;
import newsroom.auth.BearerKey;
import newsroom.auth.KeyRegistry;
import newsroom.auth.Role;
import newsroom.query.RoleKeys;
import newsroom.query.TestStore;
import newsroom.query.v1.ConsoleServiceGrpc;
import newsroom.query.v1.CreateSignInLinkRequest;
import newsroom.query.v1.SignInLink;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The console on the real store, through HTTP as a browser uses it: sign-in by one-time link
 * and by key, the session cookie, sign-out and CSRF, every page with the ids the browser
 * tests rely on, and hostile stored text coming back escaped on every page.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConsoleTest {

    @TestHTTPResource("/")
    URI server;

    @ConfigProperty(name = "newsroom.auth.keys-file")
    String keysFile;

    @Inject
    TestStore store;

    @Inject
    HostileArticle hostile;

    TestStore.Fixture fixture;
    private ManagedChannel channel;

    @BeforeEach
    void setUp() {
        fixture = store.fixture();
        channel = ManagedChannelBuilder.forAddress(server.getHost(), server.getPort()).usePlaintext().build();
    }

    @AfterEach
    void closeChannel() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }

    @AfterAll
    void removeHostileArticle() {
        hostile.remove();
    }

    // --- Sign-in ---

    @Test
    void aSignInLinkFromConsoleServiceSignsInOnceWithAStrictHttpOnlyCookie() {
        SignInLink link = signInLink(RoleKeys.reader());
        assertTrue(link.getPath().startsWith("/sign-in?token="), link.getPath());
        assertTrue(link.getExpireTime().getSeconds() > System.currentTimeMillis() / 1000, "expires in the future");

        Browser browser = new Browser(server);
        HttpResponse<String> signedIn = browser.get(link.getPath());
        assertEquals(303, signedIn.statusCode());
        assertEquals("/search", URI.create(signedIn.headers().firstValue("Location").orElseThrow()).getPath());
        String cookie = Browser.setCookie(signedIn, "newsroom_session").orElseThrow().toLowerCase();
        assertTrue(cookie.contains("httponly"), cookie);
        assertTrue(cookie.contains("samesite=strict"), cookie);
        assertTrue(cookie.contains("path=/"), cookie);
        assertFalse(cookie.contains("secure"), "Secure only over TLS: " + cookie);
        assertEquals("no-referrer", signedIn.headers().firstValue("Referrer-Policy").orElse(""));

        HttpResponse<String> search = browser.get("/search");
        assertEquals(200, search.statusCode());
        assertTrue(search.body().contains("id=\"search-form\""));
        // Each answer renews the session cookie, restarting the idle time.
        assertTrue(Browser.setCookie(search, "newsroom_session").isPresent());

        HttpResponse<String> again = new Browser(server).get(link.getPath());
        assertEquals(400, again.statusCode());
        assertTrue(again.body().contains("has been used already"), again.body());
        assertTrue(Browser.setCookie(again, "newsroom_session").isEmpty());
    }

    @Test
    void anAlteredOrForeignTokenIsRefused() {
        String token = signInLink(RoleKeys.reader()).getPath().substring("/sign-in?token=".length());
        String altered = token.substring(0, token.length() - 2) + (token.endsWith("AA") ? "BB" : "AA");
        for (String bad : List.of(altered, "nonsense", "a.b", "YQ.YQ")) {
            HttpResponse<String> answer = new Browser(server).get("/sign-in?token=" + bad);
            assertEquals(400, answer.statusCode(), bad);
            assertTrue(answer.body().contains("was not issued by this console"), answer.body());
            assertTrue(Browser.setCookie(answer, "newsroom_session").isEmpty());
        }
    }

    @Test
    void pagesWithoutASessionGoToSignIn() {
        Browser browser = new Browser(server);
        for (String page : List.of("/search?q=Lavrov", "/articles/" + fixture.a1(), "/entities/" + fixture.lavrov(),
                "/compare", "/quotes", "/stories")) {
            HttpResponse<String> answer = browser.get(page);
            assertEquals(303, answer.statusCode(), page);
            assertEquals("/sign-in", answer.headers().firstValue("Location").map(URI::create).orElseThrow().getPath());
        }
        browser.cookies.put("newsroom_session", "forged.value");
        assertEquals(303, browser.get("/search").statusCode());
        assertEquals(303, new Browser(server).get("/").statusCode());
    }

    @Test
    void theSignInFormTakesAReaderKeyWithItsFormToken() {
        Browser browser = new Browser(server);
        HttpResponse<String> form = browser.get("/sign-in");
        assertEquals(200, form.statusCode());
        assertTrue(form.body().contains("id=\"api-key\"") && form.body().contains("name=\"key\"")
                && form.body().contains("id=\"sign-in-submit\""), form.body());
        String token = Browser.formToken(form.body());

        HttpResponse<String> writer = browser.post("/sign-in", Map.of("key", RoleKeys.writer(), "csrf", token));
        assertEquals(403, writer.statusCode());
        assertTrue(writer.body().contains("lacks the reader role"), writer.body());
        token = Browser.formToken(writer.body());
        HttpResponse<String> unknown = browser.post("/sign-in", Map.of("key", RoleKeys.reader() + "x", "csrf", token));
        assertEquals(401, unknown.statusCode());
        assertTrue(unknown.body().contains("unknown API key"), unknown.body());
        token = Browser.formToken(unknown.body());

        HttpResponse<String> reader = browser.post("/sign-in", Map.of("key", RoleKeys.reader(), "csrf", token));
        assertEquals(303, reader.statusCode());
        assertTrue(browser.cookies.containsKey("newsroom_session"));
        assertEquals(200, browser.get("/quotes").statusCode());
    }

    @Test
    void theSignInFormIsRefusedWithoutItsTokenOrCookie() {
        Browser browser = new Browser(server);
        String token = Browser.formToken(browser.get("/sign-in").body());
        HttpResponse<String> noToken = browser.post("/sign-in", Map.of("key", RoleKeys.reader()));
        assertEquals(403, noToken.statusCode());
        HttpResponse<String> wrongToken = browser.post("/sign-in", Map.of("key", RoleKeys.reader(), "csrf", token + "x"));
        assertEquals(403, wrongToken.statusCode());
        // A cross-site form: the browser sends no SameSite=Strict cookie with it.
        HttpResponse<String> crossSite = new Browser(server).post("/sign-in", Map.of("key", RoleKeys.reader(), "csrf", token));
        assertEquals(403, crossSite.statusCode());
        assertTrue(crossSite.body().contains("came from another site"), crossSite.body());
        assertTrue(Browser.setCookie(crossSite, "newsroom_session").isEmpty());
    }

    @Test
    void signOutNeedsTheSessionsFormTokenAndEndsTheSession() {
        Browser browser = signedIn();
        String page = browser.get("/stories").body();
        String token = Browser.formToken(page);
        String session = browser.cookies.get("newsroom_session");

        HttpResponse<String> forged = browser.post("/sign-out", Map.of("csrf", "forged"));
        assertEquals(403, forged.statusCode());
        assertEquals(200, browser.get("/stories").statusCode());

        HttpResponse<String> signedOut = browser.post("/sign-out", Map.of("csrf", token));
        assertEquals(303, signedOut.statusCode());
        assertTrue(Browser.setCookie(signedOut, "newsroom_session").orElseThrow().toLowerCase().contains("max-age=0"));
        // The old cookie value no longer works either.
        Browser replay = new Browser(server);
        replay.cookies.put("newsroom_session", session);
        assertEquals(303, replay.get("/stories").statusCode());
    }

    @Test
    void aRevokedKeysSessionEnds() throws IOException, InterruptedException {
        String key = ApiKey.generate();
        Path keys = Path.of(keysFile);
        List<String> before = Files.readAllLines(keys);
        List<String> with = new ArrayList<>(before);
        with.add(KeyRegistry.entry(key, EnumSet.of(Role.READER), "console-revoked"));
        try {
            Files.write(keys, with);
            Browser browser = new Browser(server);
            int status = 0;
            // The key file is read again within a second of a change.
            for (int attempt = 0; attempt < 50 && status != 303; attempt++) {
                Thread.sleep(100);
                String token = Browser.formToken(browser.get("/sign-in").body());
                status = browser.post("/sign-in", Map.of("key", key, "csrf", token)).statusCode();
            }
            assertEquals(303, status, "the new key signs in");
            assertEquals(200, browser.get("/stories").statusCode());
            Files.write(keys, before);
            for (int attempt = 0; attempt < 50 && status != 303 || attempt == 0; attempt++) {
                Thread.sleep(100);
                status = browser.get("/stories").statusCode();
                if (status == 303) {
                    break;
                }
            }
            assertEquals(303, status, "the revoked key's session is sent to sign in");
        } finally {
            Files.write(keys, before);
        }
    }

    // --- Pages ---

    @Test
    void searchShowsResultsWithMarkedWordsAndACsvLink() {
        Browser browser = signedIn();
        HttpResponse<String> answer = browser.get("/search?q=Lavrov&from=2021-01-01&to=2021-12-31");
        assertEquals(200, answer.statusCode(), answer.body());
        String page = answer.body();
        assertTrue(page.contains("id=\"result-count\""), page);
        assertTrue(page.contains("class=\"result\""), page);
        assertTrue(page.contains("class=\"article-link\" href=\"/articles/" + fixture.a1() + "\""), page);
        assertTrue(page.contains("<mark>Lavrov</mark>"), page);
        assertTrue(page.contains("id=\"facet-sources\"") && page.contains("id=\"facet-entities\""), page);
        assertTrue(page.contains("class=\"csv-download\" href=\"/api/v1/articles?q=Lavrov&amp;start_time="
                + "2021-01-01T00%3A00%3A00Z&amp;end_time=2022-01-01T00%3A00%3A00Z&amp;format=csv\""), page);
        assertTrue(page.contains("value=\"Lavrov\""), "the form keeps the query: " + page);
    }

    @Test
    void badInputIsA400NamingTheField() {
        Browser browser = signedIn();
        HttpResponse<String> badDate = browser.get("/search?q=Lavrov&from=yesterday");
        assertEquals(400, badDate.statusCode());
        assertTrue(badDate.body().contains("from: expected a date as YYYY-MM-DD"), badDate.body());
        HttpResponse<String> badBy = browser.get("/entities/" + fixture.lavrov() + "?by=year");
        assertEquals(400, badBy.statusCode());
        assertTrue(badBy.body().contains("by: expected day, week or month"), badBy.body());
        HttpResponse<String> missing = browser.get("/articles/999999999");
        assertEquals(404, missing.statusCode());
    }

    @Test
    void anArticleShowsMentionsQuotesDatesSiblingsAndItsUrl() {
        Browser browser = signedIn();
        HttpResponse<String> answer = browser.get("/articles/" + fixture.a1());
        assertEquals(200, answer.statusCode(), answer.body());
        String page = answer.body();
        assertTrue(page.contains("id=\"article-text\""), page);
        assertTrue(page.contains("<a class=\"mention type-PERSON\" data-entity-type=\"PERSON\" href=\"/entities/"
                + fixture.lavrov() + "\">Sergey Lavrov</a>"), page);
        assertTrue(page.contains("data-entity-type=\"GPE\" href=\"/entities/" + fixture.pakistan() + "\">Pakistan</a>"),
                page);
        assertTrue(page.contains("id=\"quotes\""), page);
        assertTrue(page.contains("class=\"quote direct\""), page);
        assertTrue(page.contains("<a class=\"speaker\" href=\"/entities/" + fixture.qureshi() + "\">"), page);
        assertTrue(page.contains("id=\"dates\"") && page.contains("id=\"same-story\""), page);
        assertTrue(page.contains("<a id=\"original-url\" href=\"https://example.org/a1\""), page);

        String reported = browser.get("/articles/" + fixture.a2()).body();
        assertTrue(reported.contains("class=\"quote reported\""), reported);
        assertTrue(reported.contains(TestStore.A2_INDIRECT), reported);

        // A filler in a three-report story lists the other two.
        long filler = fixture.fillers().get(1);
        String sibling = browser.get("/articles/" + filler).body();
        assertTrue(sibling.contains("href=\"/articles/" + fixture.fillers().get(0) + "\""), sibling);
        assertTrue(sibling.contains("href=\"/articles/" + fixture.fillers().get(2) + "\""), sibling);
    }

    @Test
    void anEntityPageHasItsChartDataListsAndDownloads() {
        Browser browser = signedIn();
        for (String by : List.of("day", "week", "month")) {
            HttpResponse<String> answer = browser.get("/entities/" + fixture.lavrov() + "?by=" + by);
            assertEquals(200, answer.statusCode(), answer.body());
            String page = answer.body();
            assertTrue(page.contains("<h1 id=\"entity-name\">Sergey Lavrov</h1>"), page);
            assertTrue(page.contains("id=\"aliases\"") && page.contains("<li>Sergei Lavrov</li>"), page);
            assertTrue(page.contains("<div id=\"attention-chart\" class=\"chart\""), page);
            assertTrue(page.contains("<script type=\"application/json\" id=\"attention-chart-data\">"), page);
            assertTrue(page.contains("{\"name\":\"Mentions\",\"kind\":\"bar\",\"axis\":0,\"data\":[[\"2021-"), page);
            assertTrue(page.contains("class=\"download-png\"") && page.contains("class=\"download-svg\""), page);
            assertTrue(page.contains("/api/v1/entities/" + fixture.lavrov() + "/timeline?by=" + by
                    + "&amp;format=csv"), page);
            assertTrue(page.contains("id=\"co-mentions\"") && page.contains("href=\"/entities/" + fixture.qureshi()
                    + "\""), page);
            assertTrue(page.contains("id=\"speaker-quotes\"") && page.contains("Turkey is a partner on Syria"), page);
            assertTrue(page.contains("id=\"recent-articles\"") && page.contains("href=\"/articles/" + fixture.a2()
                    + "\""), page);
        }
        assertTrue(browser.get("/entities/" + fixture.lavrov()).body().contains("src=\"/console/console.js\""));
        HttpResponse<String> script = browser.get("/console/console.js");
        assertEquals(200, script.statusCode());
        assertTrue(script.body().contains("data-points"));
        assertEquals(200, browser.get("/webjars/echarts/5.3.1/dist/echarts.min.js").statusCode());
    }

    @Test
    void compareDrawsTwoToFiveEntitiesOnOneChart() {
        Browser browser = signedIn();
        HttpResponse<String> answer = browser.get("/compare?entity=" + fixture.lavrov() + "&entity=Qureshi&by=day"
                + "&scale=count");
        assertEquals(200, answer.statusCode(), answer.body());
        String page = answer.body();
        assertTrue(page.contains("id=\"compare-form\"") && page.contains("<div id=\"compare-chart\""), page);
        assertTrue(page.contains("\"name\":\"Sergey Lavrov\"") && page.contains("\"name\":\"Shah Mahmood Qureshi\""),
                page);
        assertTrue(page.contains("[\"2021-04-07\",1]"), page);
        String share = browser.get("/compare?entity=" + fixture.lavrov() + "&entity=" + fixture.qureshi()).body();
        assertTrue(share.contains("% of all articles per week"), share);

        String one = browser.get("/compare?entity=" + fixture.lavrov()).body();
        assertTrue(one.contains("Choose at least two entities"), one);
        HttpResponse<String> six = browser.get("/compare?entity=1&entity=2&entity=3&entity=4&entity=5&entity=6");
        assertEquals(400, six.statusCode());
        assertEquals(400, browser.get("/compare?entity=Lavrov&entity=Nobody+Atall+Xyzzy").statusCode());
    }

    @Test
    void quotesAndStoriesListWithCsvLinks() {
        Browser browser = signedIn();
        String quotes = browser.get("/quotes?speaker=Qureshi&q=pipeline").body();
        assertTrue(quotes.contains("class=\"quote direct\"") && quotes.contains("We welcome the pipeline agreement"),
                quotes);
        assertTrue(quotes.contains("href=\"/api/v1/quotes?speaker=Qureshi&amp;q=pipeline&amp;format=csv\""), quotes);
        String stories = browser.get("/stories?min_reports=3").body();
        assertTrue(stories.contains("class=\"story\"") && stories.contains("<span class=\"report-count\">3</span>"),
                stories);
        assertTrue(stories.contains("class=\"csv-download\" href=\"/api/v1/stories?min_report_count=3&amp;format=csv\""),
                stories);
        long root = fixture.fillers().get(0);
        String story = browser.get("/stories/" + root).body();
        assertTrue(story.contains("href=\"/articles/" + fixture.fillers().get(2) + "\""), story);
    }

    @Test
    void aListsCsvLinkDownloadsWithTheSessionCookieAlone() {
        Browser browser = signedIn();
        String page = browser.get("/quotes?speaker=Qureshi").body();
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("class=\"csv-download\" href=\"([^\"]+)\"")
                .matcher(page);
        assertTrue(link.find(), page);
        String csvUrl = link.group(1).replace("&amp;", "&");
        HttpResponse<String> csv = browser.get(csvUrl);
        assertEquals(200, csv.statusCode(), csv.body());
        List<String> lines = csv.body().lines().toList();
        assertTrue(lines.size() > 1 && lines.get(0).contains("text"), csv.body());
        assertTrue(csv.body().contains("We welcome the pipeline agreement"), csv.body());
        assertEquals(401, new Browser(server).get(csvUrl).statusCode(), "without the session, no CSV");
    }

    @Test
    void pagesCarryTheSecurityHeaders() {
        Browser browser = signedIn();
        for (String path : List.of("/search", "/sign-in", "/console/console.css")) {
            HttpResponse<String> answer = browser.get(path);
            String policy = answer.headers().firstValue("Content-Security-Policy").orElse("");
            assertTrue(policy.contains("script-src 'self'") && policy.contains("frame-ancestors 'none'"), path + policy);
            assertEquals("nosniff", answer.headers().firstValue("X-Content-Type-Options").orElse(""), path);
            assertEquals("no-referrer", answer.headers().firstValue("Referrer-Policy").orElse(""), path);
        }
    }

    @Test
    void hostileStoredTextComesBackEscapedOnEveryPage() {
        HostileArticle.Ids ids = hostile.ids();
        Browser browser = signedIn();
        List<String> pages = List.of("/search?q=Zorblax", "/articles/" + ids.article(), "/entities/" + ids.entity(),
                "/entities/" + ids.entity() + "?by=month", "/compare?entity=" + ids.entity() + "&entity="
                        + fixture.lavrov() + "&scale=count", "/quotes?q=win", "/stories?from=2021-05-01&to=2021-05-31",
                "/stories/" + ids.article());
        for (String path : pages) {
            HttpResponse<String> answer = browser.get(path);
            assertEquals(200, answer.statusCode(), path + "\n" + answer.body());
            String page = answer.body();
            assertTrue(page.contains("Zorblax") || page.contains("Hostile"), path + " shows the article:\n" + page);
            assertFalse(page.contains("<script>alert"), path + " lets a script in:\n" + page);
            assertFalse(page.contains("<img"), path + " lets an element in:\n" + page);
            assertFalse(page.contains("javascript:"), path + " links a script URL:\n" + page);
            int json = page.indexOf("type=\"application/json\"");
            if (json >= 0) {
                String block = page.substring(page.indexOf('>', json) + 1, page.indexOf("</script>", json));
                assertFalse(block.contains("<") || block.contains(">"), path + " chart data breaks out:\n" + block);
                assertTrue(block.endsWith("]}"), path + " chart data is cut short:\n" + block);
            }
        }
        String entity = browser.get("/entities/" + ids.entity()).body();
        assertTrue(entity.contains("Zorblax &lt;script&gt;alert(1)&lt;/script&gt;&quot;&gt;&lt;img src=x"), entity);
        assertTrue(entity.contains("Zorblax \\u003cscript\\u003ealert(1)\\u003c/script\\u003e"), entity);
        String article = browser.get("/articles/" + ids.article()).body();
        assertFalse(article.contains("id=\"original-url\""), "a javascript: URL is not linked:\n" + article);
        assertTrue(article.contains("class=\"mention type-PERSON\" data-entity-type=\"PERSON\" href=\"/entities/"
                + ids.entity() + "\">Zorblax &lt;script&gt;"), article);
    }

    @Test
    void consoleServiceNeedsAReaderKey() {
        ConsoleServiceGrpc.ConsoleServiceBlockingStub anonymous = ConsoleServiceGrpc.newBlockingStub(channel);
        StatusRuntimeException noKey = assertThrows(StatusRuntimeException.class,
                () -> anonymous.createSignInLink(CreateSignInLinkRequest.getDefaultInstance()));
        assertEquals(Status.Code.UNAUTHENTICATED, noKey.getStatus().getCode());
        StatusRuntimeException writer = assertThrows(StatusRuntimeException.class,
                () -> anonymous.withInterceptors(new BearerKey(RoleKeys.writer()))
                        .createSignInLink(CreateSignInLinkRequest.getDefaultInstance()));
        assertEquals(Status.Code.PERMISSION_DENIED, writer.getStatus().getCode());
        assertTrue(writer.getStatus().getDescription().contains("lacks the reader role"), writer.getStatus().toString());
    }

    private SignInLink signInLink(String key) {
        return ConsoleServiceGrpc.newBlockingStub(channel).withInterceptors(new BearerKey(key))
                .createSignInLink(CreateSignInLinkRequest.getDefaultInstance());
    }

    private Browser signedIn() {
        Browser browser = new Browser(server);
        assertEquals(303, browser.get(signInLink(RoleKeys.reader()).getPath()).statusCode());
        return browser;
    }
}
