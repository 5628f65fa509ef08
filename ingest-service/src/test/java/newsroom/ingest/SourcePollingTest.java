package newsroom.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Duration;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import newsroom.fetching.testing.LocalNewsSite;
import newsroom.fetching.testing.LocalNewsSite.Page;
import newsroom.ingest.v1.AddSourceRequest;
import newsroom.ingest.v1.FetchOutcome;
import newsroom.ingest.v1.FetchSourceResponse;
import newsroom.ingest.v1.Source;
import newsroom.ingest.v1.SourceKind;
import newsroom.ingest.v1.SourceServiceGrpc;
import newsroom.store.StoredArticle;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The poller and FetchSource against a news site on 127.0.0.1: each kind of source becomes
 * articles with what its items and pages say, an item is one item whatever it becomes, a page is
 * fetched once, conditional GET and unchanged bodies cost no parsing, robots.txt and the host
 * delay are kept, and broken sources fail alone while the others are fetched.
 */
@QuarkusTest
class SourcePollingTest {

    /** The tests' host delay ({@code %test.newsroom.sources.host-delay}). */
    private static final java.time.Duration HOST_DELAY = java.time.Duration.ofMillis(200);
    /** Long enough that the poller fetches each source once and the tests fetch it after that. */
    private static final Duration ONE_HOUR = Duration.newBuilder().setSeconds(3600).build();
    private static final Instant MARCH_1 = Instant.parse("2026-03-01T08:00:00Z");
    private static final Instant MARCH_2 = Instant.parse("2026-03-02T09:30:00Z");

    @GrpcClient("ingest")
    SourceServiceGrpc.SourceServiceBlockingStub sources;

    @TestHTTPResource(value = "metrics", management = true)
    URI metrics;

    LocalNewsSite site;
    final List<Long> added = new ArrayList<>();

    @BeforeEach
    void startSite() {
        site = LocalNewsSite.start();
    }

    @AfterEach
    void stopSite() {
        added.forEach(id -> Sources.delete(sources, id));
        site.close();
    }

    @Test
    void anRssFeedsItemsBecomeArticlesWithTheItemsTitleAuthorAndTime() {
        DatedAndUndated listed = followDatedAndUndated(site::rssFeed, "/feed.xml", "Harbour Courier", "Ann Quayle");
        Source source = listed.source();

        assertEquals(SourceKind.RSS, source.getKind());
        assertEquals(FetchOutcome.FETCHED, source.getLastOutcome());
        assertEquals(2, source.getItemsSeen());
        assertEquals(2, source.getArticlesAccepted());
        assertTrue(source.hasLastNewItemTime());
        StoredArticle first = articleAt(source, listed.dated());
        assertEquals(listed.dated().title(), first.title);
        assertEquals("Ann Quayle", first.author);
        assertEquals("Harbour Courier", first.source);
        assertEquals(listed.dated().url().toString(), first.canonicalUrl);
        assertEquals(MARCH_1, first.publishedAt);
        assertFalse(first.publishedTimeEstimated);
        assertEquals("HTML", first.contentType);
        // Nothing says when the undated page was published: the time of storing, flagged.
        StoredArticle second = articleAt(source, listed.undated());
        assertTrue(second.publishedTimeEstimated);
        assertEquals("", second.author);
    }

    @Test
    void anAtomFeedTakesTheFeedsTitleAsTheSourcesName() {
        Page page = site.page("/news/lighthouse", title("Lighthouse keeper retires"), MARCH_2, "Bo Lamp");
        site.atomFeed("/atom.xml", page);

        Source source = Sources.awaitFirstFetch(sources, follow("/atom.xml", ""));

        assertEquals(SourceKind.ATOM, source.getKind());
        assertEquals(LocalNewsSite.NAME, source.getName(), source.toString());
        StoredArticle article = articleAt(source, page);
        assertEquals(page.title(), article.title);
        assertEquals("Bo Lamp", article.author);
        assertEquals(MARCH_2, article.publishedAt);
        assertEquals(LocalNewsSite.NAME, article.source);
    }

    @Test
    void aSitemapsPagesGiveTheirOwnTitleAuthorAndTime() {
        DatedAndUndated listed = followDatedAndUndated(site::sitemap, "/sitemap.xml", "Courier sitemap", "Cy Stall");
        Source source = listed.source();

        assertEquals(SourceKind.SITEMAP, source.getKind());
        assertEquals(2, source.getArticlesAccepted());
        StoredArticle article = articleAt(source, listed.dated());
        assertEquals(listed.dated().title(), article.title, "the page's own title (og:title)");
        assertEquals("Cy Stall", article.author, "the page's own byline");
        assertEquals(MARCH_1, article.publishedAt, "the page's own time");
        assertFalse(article.publishedTimeEstimated);
        assertTrue(articleAt(source, listed.undated()).publishedTimeEstimated);
    }

    @Test
    void aGoogleNewsSitemapAndASitemapIndexAreRead() {
        Page news = site.page("/news/regatta", title("Regatta date set"), MARCH_2, "Di Sail");
        Page older = site.page("/news/pier", title("Pier survey published"), MARCH_1, "Ed Plank");
        site.googleNewsSitemap("/news-sitemap.xml", news);
        site.sitemap("/archive-sitemap.xml", older);
        site.sitemapIndex("/sitemap-index.xml", "/news-sitemap.xml", "/archive-sitemap.xml");

        Source google = Sources.awaitFirstFetch(sources, follow("/news-sitemap.xml", "News"));
        assertEquals(SourceKind.GOOGLE_NEWS_SITEMAP, google.getKind());
        StoredArticle article = articleAt(google, news);
        assertEquals(news.title(), article.title);
        assertEquals(MARCH_2, article.publishedAt);

        Source index = Sources.awaitFirstFetch(sources, follow("/sitemap-index.xml", "Index"));
        assertEquals(SourceKind.SITEMAP_INDEX, index.getKind());
        assertEquals(2, index.getItemsSeen());
        // The news page is stored already (from the other source): only the archive's is new.
        assertEquals(1, index.getArticlesAccepted());
        assertEquals(older.title(), articleAt(index, older).title);
    }

    @Test
    void aNewItemIsPickedUpOnTheNextFetchAndARevisedItemIsNotANewArticle() {
        Page first = site.page("/news/one", title("First report"), MARCH_1);
        site.rssFeed("/feed.xml", first);
        long id = follow("/feed.xml", "Courier");
        Sources.awaitFirstFetch(sources, id);

        Page second = site.page("/news/two", title("Second report"), MARCH_2);
        site.addToFeed("/feed.xml", second);
        FetchSourceResponse next = Sources.fetchNow(sources, id);
        assertEquals(FetchOutcome.FETCHED, next.getOutcome());
        assertEquals(1, next.getNewItems());
        assertEquals(1, next.getArticlesAccepted());
        assertEquals(2, next.getSource().getItemsSeen());

        site.revise("/news/one", title("First report, corrected"), MARCH_2);
        FetchSourceResponse revised = Sources.fetchNow(sources, id);
        assertEquals(FetchOutcome.FETCHED, revised.getOutcome(), "the body changed");
        assertEquals(0, revised.getNewItems());
        assertEquals(2, revised.getSource().getItemsSeen());
        assertEquals(2, Sources.articlesOf(id).size());
        assertEquals(1, site.requests("/news/one").size(), "a known item's page is not fetched again");
    }

    @Test
    void aPageThatFailsIsTriedAgainAtLaterFetchesAndThenGivenUp() {
        Page down = site.page("/news/outage", title("Grid outage report"), MARCH_1);
        Page dead = site.page("/news/gone", title("Withdrawn report"), MARCH_1);
        site.failing("/news/outage", LocalNewsSite.Failure.SERVER_ERROR);
        site.failing("/news/gone", LocalNewsSite.Failure.NOT_FOUND);
        site.rssFeed("/feed.xml", down, dead);
        long id = follow("/feed.xml", "Grid");

        Source first = Sources.awaitFirstFetch(sources, id);
        assertEquals(0, first.getArticlesAccepted());
        assertEquals(2, first.getItemsSeen());

        // The site is back for one page: the same feed body is read again and that page stored.
        site.healed("/news/outage");
        FetchSourceResponse second = Sources.fetchNow(sources, id);
        assertEquals(FetchOutcome.FETCHED, second.getOutcome(), "a body with failed pages is not taken as unchanged");
        assertEquals(1, second.getArticlesAccepted());
        assertEquals(2, site.requests("/news/outage").size());
        assertEquals(down.title(), articleAt(second.getSource(), down).title);

        // The dead link is tried three times in all, then given up: the feed is unchanged from then on.
        FetchSourceResponse third = Sources.fetchNow(sources, id);
        assertEquals(FetchOutcome.FETCHED, third.getOutcome());
        assertEquals(3, site.requests("/news/gone").size());
        FetchSourceResponse fourth = Sources.fetchNow(sources, id);
        assertEquals(0, fourth.getNewItems());
        assertEquals(3, site.requests("/news/gone").size(), "a page that failed three times is given up");
        assertEquals(FetchOutcome.NOT_MODIFIED, Sources.fetchNow(sources, id).getOutcome());
        assertEquals(2, fourth.getSource().getItemsSeen());
        assertEquals(1, Sources.articlesOf(id).size());
    }

    @Test
    void aPageReachedByTwoLinksIsFetchedOnceAndACanonicalCopyIsNotStored() {
        Page page = site.page("/news/ferry", title("Ferry fares frozen"), MARCH_1);
        site.alias("/print/ferry", page);
        String link = page.url().toString();
        site.resource("/feed.xml", "application/rss+xml", """
                <?xml version="1.0" encoding="UTF-8"?>
                <rss version="2.0"><channel><title>Tracked</title><link>%1$s</link><description>d</description>
                <item><title>Ferry fares frozen</title><link>%2$s?utm_source=rss&amp;utm_medium=feed</link><guid>a</guid></item>
                <item><title>Ferry fares frozen</title><link>%2$s#comments</link><guid>b</guid></item>
                <item><title>Ferry fares frozen (print)</title><link>%1$s/print/ferry</link><guid>c</guid></item>
                </channel></rss>
                """.formatted(site.base(), link));

        Source source = Sources.awaitFirstFetch(sources, follow("/feed.xml", "Tracked"));

        assertEquals(3, source.getItemsSeen());
        assertEquals(1, source.getArticlesAccepted());
        assertEquals(1, site.requests("/news/ferry").size(), "tracking parameters and fragments dropped");
        assertEquals(link, Sources.articlesOf(source.getId()).get(0).url);
    }

    @Test
    void conditionalGetAndAnUnchangedBodyCostNoParsing() {
        Page page = site.page("/news/quay", title("Quay resurfaced"), MARCH_1);
        site.rssFeed("/feed.xml", page);
        long id = follow("/feed.xml", "Courier");
        Source first = Sources.awaitFirstFetch(sources, id);

        FetchSourceResponse conditional = Sources.fetchNow(sources, id);
        assertEquals(FetchOutcome.NOT_MODIFIED, conditional.getOutcome());
        List<LocalNewsSite.Request> feedRequests = site.requests("/feed.xml");
        LocalNewsSite.Request last = feedRequests.get(feedRequests.size() - 1);
        assertEquals(304, last.status());
        assertTrue(last.ifNoneMatch() != null || last.ifModifiedSince() != null, last.toString());

        // A server that keeps no validators: the same body is recognised by its hash.
        site.validation(LocalNewsSite.Validation.NONE);
        FetchSourceResponse relearn = Sources.fetchNow(sources, id);
        assertEquals(FetchOutcome.NOT_MODIFIED, relearn.getOutcome(), "the body is the one parsed before");
        FetchSourceResponse unchanged = Sources.fetchNow(sources, id);
        assertEquals(FetchOutcome.NOT_MODIFIED, unchanged.getOutcome());
        assertEquals(200, site.requests("/feed.xml").get(site.requests("/feed.xml").size() - 1).status());
        assertEquals(first.getItemsSeen(), unchanged.getSource().getItemsSeen());
        assertEquals(1, site.requests("/news/quay").size());
    }

    @Test
    void robotsRulesAndTheHostDelayAreKept() {
        Page open = site.page("/news/open", title("Open day at the boatyard"), MARCH_1);
        Page closed = site.page("/private/closed", title("Closed meeting minutes"), MARCH_1);
        Page other = site.page("/news/other", title("Other boatyard news"), MARCH_2);
        site.robots("User-agent: *\nDisallow: /private/\nDisallow: /hidden-feed.xml\n");
        site.rssFeed("/feed.xml", open, closed, other);
        site.rssFeed("/hidden-feed.xml", open);

        Source source = Sources.awaitFirstFetch(sources, follow("/feed.xml", "Courier"));
        Source hidden = Sources.awaitFirstFetch(sources, follow("/hidden-feed.xml", "Hidden"));

        assertEquals(3, source.getItemsSeen());
        assertEquals(2, source.getArticlesAccepted());
        assertEquals(List.of(), site.requests("/private/closed"), "a disallowed page is never requested");
        assertEquals(FetchOutcome.DISALLOWED_BY_ROBOTS, hidden.getLastOutcome());
        assertEquals(List.of(), site.requests("/hidden-feed.xml"));
        // Every request to the host at least the delay after the one before (by arrival at the
        // site; 20 ms allowed for the local network stack's own jitter), robots.txt included.
        List<LocalNewsSite.Request> requests = site.requests();
        assertTrue(requests.size() >= 4, requests.toString());
        for (int i = 1; i < requests.size(); i++) {
            long apart = ChronoUnit.MILLIS.between(requests.get(i - 1).at(), requests.get(i).at());
            assertTrue(apart >= HOST_DELAY.toMillis() - 20, "requests " + (i - 1) + " and " + i + " were " + apart
                    + " ms apart: " + requests);
        }
    }

    @Test
    void brokenSourcesFailAloneAndAHealthySourceIsStillFetched() throws Exception {
        Map<String, LocalNewsSite.Failure> broken = Map.of(
                "/server-error.xml", LocalNewsSite.Failure.SERVER_ERROR,
                "/malformed.xml", LocalNewsSite.Failure.MALFORMED_XML,
                "/huge.xml", LocalNewsSite.Failure.HUGE_BODY,
                "/loop.xml", LocalNewsSite.Failure.REDIRECT_LOOP,
                "/image.xml", LocalNewsSite.Failure.IMAGE);
        double failedBefore = failedFetches();
        List<Long> brokenIds = new ArrayList<>();
        for (Map.Entry<String, LocalNewsSite.Failure> failure : broken.entrySet()) {
            site.failing(failure.getKey(), failure.getValue());
            brokenIds.add(follow(failure.getKey(), failure.getKey()));
        }
        try (LocalNewsSite healthySite = LocalNewsSite.start("127.0.0.5")) {
            Page page = healthySite.page("/news/fine", title("All is well on the quay"), MARCH_1);
            healthySite.rssFeed("/feed.xml", page);
            Source healthy = Sources.awaitFirstFetch(sources, followAt(healthySite.url("/feed.xml"), "Healthy"));
            assertEquals(1, healthy.getArticlesAccepted());

            for (long id : brokenIds) {
                Source source = Sources.awaitFirstFetch(sources, id);
                assertEquals(FetchOutcome.FETCH_FAILED, source.getLastOutcome(), source.toString());
                assertFalse(source.getLastError().isEmpty(), source.toString());
                assertEquals(1, source.getConsecutiveFailures(), source.toString());
                assertEquals(0, source.getArticlesAccepted());
                assertEquals(List.of(), Sources.articlesOf(id));
                // Retried after twice the interval, not at once.
                assertTrue(source.getNextFetchTime().getSeconds() - source.getLastFetchTime().getSeconds() >= 7000,
                        source.toString());
            }
        }
        assertTrue(failedFetches() >= failedBefore + broken.size());
    }

    @Test
    void theMetricsCountFetchesAndPagesAndShowEachSourcesLag() throws Exception {
        Page page = site.page("/news/metrics", title("Harbour dues counted"), MARCH_1);
        site.rssFeed("/feed.xml", page);
        long id = follow("/feed.xml", "Courier");
        Sources.awaitFirstFetch(sources, id);

        // The schedule's gauges are read every few seconds: wait for this source's series.
        String label = "source_id=\"" + id + "\"";
        Articles.await("the lag of source " + id + " in the metrics", () -> metricsText().lines()
                .anyMatch(line -> line.startsWith("newsroom_source_lag_seconds{") && line.contains(label)));
        String text = metricsText();
        assertTrue(text.contains("newsroom_sources_overdue"), "the overdue gauge");
        assertTrue(text.lines().anyMatch(line -> line.startsWith("newsroom_source_fetches_total{")
                && line.contains("outcome=\"fetched\"")), "fetches by outcome");
        assertTrue(text.lines().anyMatch(line -> line.startsWith("newsroom_source_pages_total{")
                && line.contains("outcome=\"stored\"")), "pages by outcome");
        assertTrue(text.contains("newsroom_source_articles_accepted_total"), "articles accepted");
    }

    /** How a test site lists pages at a path: an RSS feed, a sitemap. */
    private interface Listing {
        void publish(String path, Page... pages);
    }

    /** A source after its first fetch, and the two pages it lists. */
    private record DatedAndUndated(Source source, Page dated, Page undated) {
    }

    /**
     * Follows the {@code listing} at {@code path} of two pages, one dated {@link #MARCH_1} with
     * {@code author}'s byline and one with neither, and waits for its first fetch.
     */
    private DatedAndUndated followDatedAndUndated(Listing listing, String path, String name, String author) {
        Page dated = site.page("/news/dated", title("Dated report"), MARCH_1, author);
        Page undated = site.page("/news/undated", title("Undated report"), null, null);
        listing.publish(path, dated, undated);
        return new DatedAndUndated(Sources.awaitFirstFetch(sources, follow(path, name)), dated, undated);
    }

    private long follow(String path, String name) {
        return followAt(site.url(path), name);
    }

    private long followAt(URI url, String name) {
        long id = sources.addSource(AddSourceRequest.newBuilder().setUrl(url.toString()).setName(name)
                .setInterval(ONE_HOUR).build()).getId();
        added.add(id);
        return id;
    }

    private static StoredArticle articleAt(Source source, Page page) {
        return Sources.articlesOf(source.getId()).stream()
                .filter(article -> article.url.equals(page.url().toString()))
                .findFirst().orElseThrow(() -> new AssertionError("no article of source " + source.getId()
                        + " at " + page.url()));
    }

    /** A unique title: a page's text follows from its title, and the same text would be the same article. */
    private static String title(String words) {
        return words + " " + Articles.unique();
    }

    /** {@code newsroom_source_fetches_total{outcome="failed"}}, read from the admin port. */
    private double failedFetches() {
        return metricsText().lines()
                .filter(line -> line.startsWith("newsroom_source_fetches_total{") && line.contains("outcome=\"failed\""))
                .mapToDouble(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
                .findFirst().orElse(0);
    }

    /** The Prometheus metrics, from the admin port. */
    private String metricsText() {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(metrics).build(),
                    HttpResponse.BodyHandlers.ofString()).body();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
