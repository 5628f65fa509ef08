package newsroom.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import newsroom.cli.grpc.ServiceChannel;
import newsroom.cli.run.Service;
import newsroom.cli.run.ServicePorts;
import newsroom.cli.run.Suite;
import newsroom.ingest.v1.Article;
import newsroom.ingest.v1.ArticleStatus;
import newsroom.ingest.v1.GetIngestStatusResponse;
import newsroom.ingest.v1.IngestArticleRequest;
import newsroom.ingest.v1.IngestServiceGrpc;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;

/**
 * The console in a real browser, as an analyst uses it: the suite runs as processes on a real
 * PostgreSQL with the sample and a few more articles analysed; headless Chromium signs in
 * through the one-time URL that {@code newsroom console --json} prints, searches "Lavrov",
 * reads the sample with its entity highlights and quotes, opens Lavrov's entity page and sees
 * the attention chart drawn with data, compares Lavrov and Qureshi, downloads quotes as CSV,
 * and shows a hostile article's markup as text. Screenshots of each page go to
 * target/screenshots.
 */
class ConsoleBrowserIT {

    private static final Path LOGS = SuiteUnderTest.LOGS.resolve("console");

    /** Bounds, not expectations: a slow CI machine may need all of them. */
    private static final Duration START_LIMIT = Duration.ofMinutes(5);
    private static final Duration ANALYSIS_LIMIT = Duration.ofMinutes(5);

    /** Markup in an article's title and text, which the console must show as text and never run. */
    private static final String HOSTILE_MARKUP = "<img src=x onerror=\"document.title='pwned'\">";

    /** Lavrov on other days, so that his attention chart has more than one point. */
    private static final List<MoreArticle> MORE_ARTICLES = List.of(
            new MoreArticle("Lavrov meets Imran Khan", "2021-04-08T09:00:00Z", """
                    Russian Foreign Minister Sergey Lavrov met Prime Minister Imran Khan in Islamabad on Thursday.
                    “Russia is ready to strengthen the counter-terrorism capabilities of Pakistan,” Lavrov said after \
                    the meeting. Shah Mahmood Qureshi thanked Lavrov for the visit.
                    """),
            new MoreArticle("Lavrov arrives in Tehran", "2021-04-13T11:00:00Z", """
                    Sergey Lavrov arrived in Tehran on Tuesday for talks with Iranian Foreign Minister Mohammad Javad \
                    Zarif. “We discussed the nuclear deal and the situation in Afghanistan,” Lavrov told reporters.
                    """),
            new MoreArticle("Lavrov " + HOSTILE_MARKUP, "2021-05-05T08:00:00Z", """
                    Sergey Lavrov spoke in Moscow on Wednesday. A reader pasted %s into the comments, \
                    and <script>document.title='pwned'</script> too.
                    """.formatted(HOSTILE_MARKUP)));

    @RegisterExtension
    static final SuiteUnderTest SUITE = new SuiteUnderTest();
    private static ServicePorts ports;
    private static ServiceChannel ingest;
    private static ConsoleBrowser browser;
    private static NewsroomCli cli;
    private static long sampleId;
    private static long hostileId;

    private record MoreArticle(String title, String publishedTime, String text) {
    }

    @BeforeAll
    static void startTheSuiteWithArticlesAndABrowser() throws Exception {
        Suite suite = SUITE.create(LOGS);
        ports = SUITE.ports();
        SUITE.startAndAwait(START_LIMIT, Service.values());
        ingest = SUITE.channel(Service.INGEST);

        sampleId = ingest("Dawn", null, "2021-04-07T00:00:00Z", Files.readString(SuiteUnderTest.SAMPLE));
        List<Long> ids = new ArrayList<>(List.of(sampleId));
        for (MoreArticle article : MORE_ARTICLES) {
            ids.add(ingest("Example News", article.title(), article.publishedTime(), article.text()));
        }
        hostileId = ids.get(ids.size() - 1);
        for (long id : ids) {
            GetIngestStatusResponse analyzed = SuiteUnderTest.awaitFinalStatus(ingest, id, ANALYSIS_LIMIT);
            assertEquals(ArticleStatus.ANALYZED, analyzed.getStatus(), () -> "article " + id + ": " + analyzed.getError());
        }

        cli = new NewsroomCli(SuiteUnderTest.HOME, suite, ports, Optional.empty());
        browser = ConsoleBrowser.start(URI.create("http://localhost:" + ports.of(Service.QUERY) + "/"),
                Optional.empty());
    }

    /** Before {@link SuiteUnderTest} stops the services. */
    @AfterAll
    static void closeTheBrowser() {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anAnalystSignsInSearchesReadsAnArticleChartsComparesAndDownloads() throws Exception {
        signInThroughTheOneTimeUrl();
        searchLavrov();
        long lavrov = readTheSample();
        long qureshi = entityIdOfMention("Qureshi");
        seeLavrovsAttentionChart(lavrov);
        compare(lavrov, qureshi);
        downloadLavrovsQuotesAsCsv();
        seeTheHostileArticleAsText();
    }

    private static void signInThroughTheOneTimeUrl() throws Exception {
        String url = cli.consoleSignInUrl();
        String base = "http://localhost:" + ports.of(Service.QUERY) + "/";
        assertTrue(url.startsWith(base + "sign-in?token="), "a sign-in link on query-service's address: " + url);

        browser.openUrl(url);
        browser.await(By.cssSelector("form#search-form input#q"));
        assertTrue(browser.currentUrl().startsWith(base + "search"), "signed in, on the search page: " + browser.currentUrl());
        Cookie session = browser.driver().manage().getCookieNamed("newsroom_session");
        assertNotNull(session, "the sign-in set the session cookie");
        assertTrue(session.isHttpOnly(), "the page's scripts cannot read the session");
        assertEquals("Strict", session.getSameSite(), "no other site can send the session");
        browser.screenshot("01-signed-in");

        // The link works once: a browser without the session cannot sign in with it again.
        browser.driver().manage().deleteAllCookies();
        browser.openUrl(url);
        assertTrue(browser.all(By.cssSelector("form#search-form")).isEmpty(), "a used link does not sign in again");
        assertTrue(browser.driver().manage().getCookieNamed("newsroom_session") == null, "no session from a used link");
        browser.screenshot("02-used-link");

        browser.openUrl(cli.consoleSignInUrl());
        browser.await(By.cssSelector("form#search-form input#q"));
    }

    private static void searchLavrov() throws IOException {
        WebElement query = browser.await(By.cssSelector("form#search-form input#q"));
        query.clear();
        query.sendKeys("Lavrov");
        query.submit();
        browser.await(By.cssSelector("li.result a.article-link"));
        assertTrue(browser.currentUrl().contains("q=Lavrov"), "the search is in the URL, to bookmark: " + browser.currentUrl());
        String count = browser.await(By.id("result-count")).getText();
        assertTrue(count.matches("(?s).*\\b4\\b.*"), "four articles mention Lavrov: " + count);
        assertTrue(browser.all(By.cssSelector("li.result mark")).stream()
                        .anyMatch(mark -> mark.getText().equalsIgnoreCase("Lavrov")),
                "snippets mark the matched word");
        assertFalse(browser.all(By.cssSelector("#facet-entities li a")).isEmpty(), "entity facets of the results");
        assertFalse(browser.all(By.cssSelector("#facet-sources li")).isEmpty(), "source facets of the results");
        assertNotEquals("pwned", browser.title(), "the hostile title among the results ran no script");
        browser.screenshot("03-search");

        ConsoleBrowser.Fetched csv = browser.fetch(
                browser.await(By.cssSelector("a.csv-download")).getAttribute("href"));
        assertEquals(200, csv.status(), csv.body());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        List<String> lines = csv.body().lines().toList();
        assertTrue(lines.size() >= 5, "a header and the four articles: " + csv.body());

        for (WebElement link : browser.all(By.cssSelector("li.result a.article-link"))) {
            if (link.getAttribute("href").endsWith("/articles/" + sampleId)) {
                link.click();
                return;
            }
        }
        fail("the sample (article " + sampleId + ") is among the results for Lavrov");
    }

    /** Checks the sample's highlights and quotes; returns Lavrov's entity id. */
    private static long readTheSample() throws IOException {
        browser.await(By.id("article-text"));
        assertTrue(browser.currentUrl().endsWith("/articles/" + sampleId), browser.currentUrl());
        List<WebElement> mentions = browser.all(By.cssSelector("#article-text a.mention"));
        assertTrue(mentions.size() >= 5, "entity mentions are highlighted: " + mentions.size());
        WebElement lavrov = mentions.stream().filter(mention -> mention.getText().contains("Lavrov")).findFirst()
                .orElseThrow(() -> new AssertionError("Lavrov is highlighted"));
        assertEquals("PERSON", lavrov.getAttribute("data-entity-type"));
        List<WebElement> quotes = browser.all(By.cssSelector("#quotes li.quote"));
        assertTrue(quotes.size() >= 4, "the sample's quotes: " + quotes.size());
        assertTrue(quotes.stream().anyMatch(quote -> quote.getText().contains("We stand ready to deepen relations")
                        && quote.findElement(By.cssSelector(".speaker")).getText().contains("Lavrov")),
                "Lavrov's quote with its speaker");
        assertFalse(browser.all(By.cssSelector("#dates li")).isEmpty(), "resolved dates");
        browser.screenshot("04-article");
        return entityIdOfMention("Lavrov");
    }

    private static long entityIdOfMention(String name) {
        for (WebElement mention : browser.all(By.cssSelector("#article-text a.mention"))) {
            if (mention.getText().contains(name)) {
                String href = mention.getAttribute("href");
                return Long.parseLong(href.substring(href.indexOf("/entities/") + "/entities/".length())
                        .replaceAll("[?#].*", ""));
            }
        }
        throw new AssertionError(name + " is highlighted in the article");
    }

    private static void seeLavrovsAttentionChart(long lavrov) throws IOException {
        browser.all(By.cssSelector("#article-text a.mention")).stream()
                .filter(mention -> mention.getText().contains("Lavrov")).findFirst().orElseThrow().click();
        assertTrue(browser.await(By.id("entity-name")).getText().contains("Lavrov"));
        assertTrue(browser.currentUrl().contains("/entities/" + lavrov), browser.currentUrl());
        int points = Integer.parseInt(browser.awaitAttribute(By.id("attention-chart"), "data-points"));
        assertTrue(points >= 2, "Lavrov's attention on several days is drawn: " + points + " points");
        assertFalse(browser.all(By.cssSelector("#attention-chart canvas, #attention-chart svg")).isEmpty(),
                "ECharts drew into the container");
        assertFalse(browser.all(By.cssSelector("#speaker-quotes li.quote")).isEmpty(), "quotes by Lavrov");
        assertFalse(browser.all(By.cssSelector("#co-mentions li a")).isEmpty(), "who Lavrov is mentioned with");
        assertTrue(browser.all(By.cssSelector("#recent-articles li")).size() >= 3, "Lavrov's recent articles");
        browser.screenshot("05-entity");
    }

    private static void compare(long lavrov, long qureshi) throws IOException {
        browser.open("compare?entity=" + lavrov + "&entity=" + qureshi + "&from=2021-04-01&to=2021-05-31&by=week&scale=share");
        browser.await(By.id("compare-form"));
        assertEquals("2", browser.awaitAttribute(By.id("compare-chart"), "data-series"), "one series per entity");
        int points = Integer.parseInt(browser.awaitAttribute(By.id("compare-chart"), "data-points"));
        assertTrue(points > 0, "the comparison has data: " + points + " points");
        browser.screenshot("06-compare");
    }

    private static void downloadLavrovsQuotesAsCsv() throws IOException {
        browser.open("quotes?speaker=Lavrov");
        assertFalse(browser.await(By.cssSelector("li.quote")).getText().isBlank());
        browser.screenshot("07-quotes");

        ConsoleBrowser.Fetched csv = browser.fetch(browser.await(By.cssSelector("a.csv-download")).getAttribute("href"));
        assertEquals(200, csv.status(), csv.body());
        assertTrue(csv.contentType().startsWith("text/csv"), csv.contentType());
        List<String> lines = csv.body().lines().filter(line -> !line.isBlank()).toList();
        assertTrue(lines.get(0).toLowerCase().contains("speaker"), "a header row first: " + lines.get(0));
        assertTrue(lines.size() >= 5, "a header and Lavrov's quotes (four in the sample alone): " + csv.body());
        assertTrue(lines.stream().anyMatch(line -> line.contains("We stand ready to deepen relations with Pakistan")),
                csv.body());
    }

    private static void seeTheHostileArticleAsText() throws IOException {
        browser.open("articles/" + hostileId);
        String text = browser.await(By.id("article-text")).getText();
        assertTrue(text.contains(HOSTILE_MARKUP), "the markup is shown as the article's text: " + text);
        assertTrue(text.contains("<script>"), text);
        assertTrue(browser.all(By.cssSelector("img[src='x'], #article-text script")).isEmpty(),
                "no element was made of the article's markup");
        assertNotEquals("pwned", browser.title(), "no script of the article ran");
        assertTrue(browser.title().contains(HOSTILE_MARKUP), "the title shows the markup as text: " + browser.title());
        browser.screenshot("08-hostile-article");
    }

    private static long ingest(String source, String title, String publishedTime, String text) {
        Article.Builder article = Article.newBuilder()
                .setSource(source)
                .setPublishedTime(Timestamp.newBuilder().setSeconds(Instant.parse(publishedTime).getEpochSecond()))
                .setContentType(Article.ContentType.PLAIN_TEXT)
                .setContent(ByteString.copyFrom(text, StandardCharsets.UTF_8));
        if (title != null) {
            article.setTitle(title);
        }
        return IngestServiceGrpc.newBlockingStub(ingest.channel()).withDeadlineAfter(30, TimeUnit.SECONDS)
                .ingestArticle(IngestArticleRequest.newBuilder().setArticle(article).build())
                .getArticleId();
    }

}
