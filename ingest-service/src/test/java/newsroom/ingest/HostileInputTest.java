package newsroom.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Multi;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Random;
import newsroom.ingest.v1.Article;
import newsroom.ingest.v1.ArticleStatus;
import newsroom.ingest.v1.IngestArticleResponse;
import newsroom.ingest.v1.IngestArticlesRequest;
import newsroom.ingest.v1.IngestArticlesResponse;
import newsroom.ingest.v1.IngestService;
import newsroom.ingest.v1.IngestServiceGrpc;
import newsroom.store.StoredArticle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Hostile and broken input: each gets a clear answer, a rejected one leaves
 * the store as it was, and the service goes on serving (checked after every
 * test by ingesting a good article). Complements {@link InvalidArticleTest},
 * which covers the field-by-field rules.
 */
@QuarkusTest
class HostileInputTest {

    static final String BODY = "<p>The council approved the new budget on Monday after a long debate, "
            + "officials said, and work on the bridge will start in spring.</p>";

    @GrpcClient("ingest")
    IngestServiceGrpc.IngestServiceBlockingStub ingest;

    @GrpcClient("ingest")
    IngestService streamingIngest;

    @AfterEach
    void theServiceKeepsServing() {
        IngestArticleResponse response = ingest.ingestArticle(Articles.request(
                Articles.plainText("A good article after a bad one. " + Articles.unique())));
        assertEquals(ArticleStatus.ACCEPTED, response.getStatus());
    }

    @Test
    void fiveMegabytesOfTextIsRefusedByNameNotByTheTransport() {
        String text = "All work and no play makes a long article. ".repeat(5 * 1024 * 1024 / 43);

        assertRejected(Articles.plainText(text), "article.content: is 5242");
    }

    @Test
    void binaryBytesAreRefused() {
        byte[] bytes = new byte[4096];
        new Random(42).nextBytes(bytes);

        assertRejected(Articles.plainText("").setContent(ByteString.copyFrom(bytes)), "article.content: ");
        assertRejected(Articles.plainText("").setContent(ByteString.copyFrom(bytes))
                .setContentType(Article.ContentType.HTML), "article.content: ");
    }

    @Test
    void invalidUtf8IsRefusedWithWhereItBreaks() {
        byte[] bytes = "Caf\u00e9 owners protest".getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);

        assertRejected(Articles.plainText("").setContent(ByteString.copyFrom(bytes)),
                "article.content: is not valid UTF-8 (bad byte sequence at byte 3)");
    }

    @Test
    void aHundredThousandNestedDivsAreRefusedNamingTheLimit() {
        String page = "<html><body>" + "<div>".repeat(100_000) + BODY + Articles.unique() + "</body></html>";

        assertRejected(html(page), "article.content: nests HTML elements more than 512 levels deep; the limit is 512");
    }

    @Test
    void aLanguageOfAMillionSubtagsIsRefusedNamingTheLimit() {
        assertRejected(Articles.plainText(BODY + Articles.unique()).setLanguage("en" + "-a".repeat(1_000_000)),
                "article.language: is 2000002 characters, more than the limit of 35");
    }

    @Test
    void fiveHundredNestedDivsAreRead() {
        String page = "<html><body>" + "<div>".repeat(500) + BODY + Articles.unique() + "</div>".repeat(500)
                + "</body></html>";

        IngestArticleResponse response = ingest.ingestArticle(Articles.request(html(page)));

        assertEquals(ArticleStatus.ACCEPTED, response.getStatus());
        assertTrue(Articles.stored(response.getArticleId()).cleanedText.startsWith("The council approved"));
    }

    @Test
    void aPageOfOnlyNavigationIsRefused() {
        String page = "<html><body><nav><ul><li><a href=/>Home</a></li><li><a href=/news>News</a></li>"
                + "<li><a href=/sport>Sport</a></li></ul></nav><div class=menu><a href=/weather>Weather</a></div>"
                + "<footer><a href=/about>About us</a> " + Articles.unique() + "</footer></body></html>";

        assertRejected(html(page), "article.content: has no text left after cleaning");
    }

    @Test
    void scriptTextIsNeverTakenForTheArticle() {
        assertRejected(html("<html><body><script>document.write('Breaking news: " + Articles.unique()
                + " everything is fine, said nobody at all, ever.');</script></body></html>"),
                "article.content: has no text left after cleaning");

        IngestArticleResponse response = ingest.ingestArticle(Articles.request(html("<html><body>"
                + "<script>var headline = 'Injected words from a script';</script>" + BODY + Articles.unique()
                + "<noscript>Please enable JavaScript to read comments</noscript></body></html>")));

        String stored = Articles.stored(response.getArticleId()).cleanedText;
        assertTrue(stored.contains("The council approved"), stored);
        assertFalse(stored.contains("Injected words") || stored.contains("enable JavaScript"), stored);
    }

    @Test
    void aPageWithoutATitleIsStoredWithTheTitleItsHeadlineGives() {
        IngestArticleResponse untitled = ingest.ingestArticle(Articles.request(
                html("<html><body>" + BODY + Articles.unique() + "</body></html>").clearTitle()));
        IngestArticleResponse headlined = ingest.ingestArticle(Articles.request(
                html("<html><body><article><h1>Budget approved</h1>" + BODY + Articles.unique()
                        + "</article></body></html>").clearTitle()));

        assertEquals(ArticleStatus.ACCEPTED, untitled.getStatus());
        assertEquals("", Articles.stored(untitled.getArticleId()).title);
        assertEquals("Budget approved", Articles.stored(headlined.getArticleId()).title);
    }

    @Test
    void aPublishedTimeInTheFutureIsRefusedButAPagesOwnIsIgnored() {
        Instant nextYear = Instant.now().plus(400, ChronoUnit.DAYS);
        assertRejected(Articles.plainText("Tomorrow's news today. " + Articles.unique())
                .setPublishedTime(Articles.timestamp(nextYear)), "article.published_time: is ");

        IngestArticleResponse response = ingest.ingestArticle(Articles.request(html(
                "<html><head><meta property=\"article:published_time\" content=\"" + nextYear + "\"></head><body>"
                        + BODY + Articles.unique() + "</body></html>")));
        StoredArticle stored = Articles.stored(response.getArticleId());
        assertTrue(stored.publishedAt.isBefore(Instant.now().plusSeconds(60)), "published " + stored.publishedAt);
    }

    @Test
    void malformedUrlsAreRefusedAndAPagesMalformedCanonicalUrlIsIgnored() {
        for (String url : List.of("http://", "news.example.org/story", "javascript:alert(1)", "http://exa mple.org/",
                "ftp://example.org/file", "https://[::1/")) {
            assertRejected(Articles.plainText("Some news " + Articles.unique()).setUrl(url), "article.url: ");
        }

        IngestArticleResponse response = ingest.ingestArticle(Articles.request(html(
                "<html><head><link rel=canonical href=\"http://exa mple.org/%zz\"></head><body>" + BODY
                        + Articles.unique() + "</body></html>").clearUrl()));
        assertEquals(null, Articles.stored(response.getArticleId()).url);
    }

    @Test
    void aPagesAuthorAndNormalisedCanonicalUrlAreKeptAndAMissingTimeIsFlagged() {
        String page = "<html><head><meta name=\"author\" content=\"Page Author\">"
                + "<link rel=canonical href=\"HTTPS://News.Example.org:443/budget?utm_source=x#top\"></head><body>"
                + BODY + Articles.unique() + "</body></html>";
        StoredArticle fromPage = Articles.stored(ingest.ingestArticle(Articles.request(html(page))).getArticleId());
        assertEquals("Page Author", fromPage.author);
        assertEquals("https://news.example.org/budget", fromPage.canonicalUrl);
        assertTrue(fromPage.publishedTimeEstimated, "neither the client nor the page said when");
        assertEquals(null, fromPage.sourceId, "a client's article comes from no source");

        StoredArticle fromClient = Articles.stored(ingest.ingestArticle(Articles.request(html(
                page.replace("</body>", Articles.unique() + "</body>")).setAuthor("Client Author")
                .setPublishedTime(Articles.timestamp(Instant.parse("2026-01-05T10:00:00Z"))))).getArticleId());
        assertEquals("Client Author", fromClient.author, "the client's author comes first");
        assertEquals(false, fromClient.publishedTimeEstimated);
    }

    @Test
    void aBulkStreamOfHostileInputRejectsEachAndStoresTheRest() {
        long before = Articles.articleCount();
        byte[] binary = new byte[512];
        new Random(7).nextBytes(binary);
        List<IngestArticlesRequest> requests = List.of(
                request("empty", Articles.plainText("").setContent(ByteString.EMPTY)),
                request("blank", Articles.plainText(" \n\t\u00a0 ")),
                request("binary", Articles.plainText("").setContent(ByteString.copyFrom(binary))),
                request("navigation", html("<nav><a href=/>Home</a> " + Articles.unique() + "</nav>")),
                request("good", Articles.plainText("The only good article in the stream. " + Articles.unique())),
                request("missing", null));

        IngestArticlesResponse response = streamingIngest.ingestArticles(Multi.createFrom().iterable(requests))
                .await().atMost(Duration.ofSeconds(60));

        assertEquals(1, response.getAcceptedCount());
        assertEquals(5, response.getRejectedCount());
        assertEquals(ArticleStatus.ACCEPTED, response.getResults(4).getStatus());
        for (int i : new int[] {0, 1, 2, 3, 5}) {
            assertEquals(ArticleStatus.REJECTED, response.getResults(i).getStatus());
            assertFalse(response.getResults(i).getError().isEmpty());
        }
        assertEquals(before + 1, Articles.articleCount());
    }

    private static IngestArticlesRequest request(String reference, Article.Builder article) {
        IngestArticlesRequest.Builder request = IngestArticlesRequest.newBuilder().setClientReference(reference);
        if (article != null) {
            request.setArticle(article);
        }
        return request.build();
    }

    private static Article.Builder html(String page) {
        return Articles.plainText("").setContent(ByteString.copyFromUtf8(page))
                .setContentType(Article.ContentType.HTML);
    }

    private void assertRejected(Article.Builder article, String expectedMessageStart) {
        Articles.assertRejected(ingest, Articles.request(article), expectedMessageStart);
    }
}
