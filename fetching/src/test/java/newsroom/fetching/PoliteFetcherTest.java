package newsroom.fetching;

import newsroom.fetching.testing.LocalNewsSite;
import newsroom.fetching.testing.LocalNewsSite.Failure;
import newsroom.fetching.testing.LocalNewsSite.Request;
import newsroom.fetching.testing.LocalNewsSite.Validation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;

import java.net.URI;
import java.nio.charset.Charset;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

class PoliteFetcherTest {

    private static final Instant MONDAY = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void fetchesWithItsUserAgentAndUnGzips() throws Exception {
        try (LocalNewsSite site = LocalNewsSite.start()) {
            site.page("/news/a", "Harbour vote delayed", MONDAY);
            FetchResult.Fetched page = fetchWithAFreshFetcher(FetchResult.Fetched.class, site.url("/news/a"));
            assertTrue(page.isHtml());
            assertTrue(page.text().contains("<h1 class=\"headline\">Harbour vote delayed</h1>"));
            Request request = site.requests("/news/a").get(0);
            assertEquals(TestFetchers.USER_AGENT, request.userAgent());
            assertEquals("gzip", request.acceptEncoding());
            assertEquals(TestFetchers.USER_AGENT, site.requests("/robots.txt").get(0).userAgent());
            assertTrue(page.validators().etag() != null && page.validators().lastModified() != null);
        }
    }

    @Test
    void neverRequestsWhatRobotsDisallowsAndReadsRobotsOnce() throws Exception {
        try (LocalNewsSite site = LocalNewsSite.start()) {
            site.page("/private/memo", "Internal memo", MONDAY);
            site.page("/news/a", "Harbour vote delayed", MONDAY);
            site.robots("User-agent: *\nDisallow: /news/\n\nUser-agent: newsroom\nDisallow: /private/\n");
            PoliteFetcher fetcher = TestFetchers.fetcher();
            assertEquals(new FetchResult.Disallowed(site.url("/private/memo")),
                    fetcher.fetch(site.url("/private/memo"), Validators.NONE));
            // Newsroom's own group replaces the * group, so /news/ is allowed.
            assertInstanceOf(FetchResult.Fetched.class, fetcher.fetch(site.url("/news/a"), Validators.NONE));
            assertEquals(List.of(), site.requests("/private/memo"));
            assertEquals(1, site.requests("/robots.txt").size());
        }
    }

    @Test
    void aRedirectIntoADisallowedPathIsNotFollowed() throws Exception {
        try (LocalNewsSite site = LocalNewsSite.start()) {
            site.page("/private/memo", "Internal memo", MONDAY);
            site.redirect("/go", site.url("/private/memo"));
            site.robots("User-agent: *\nDisallow: /private/\n");
            assertEquals(new FetchResult.Disallowed(site.url("/private/memo")),
                    TestFetchers.fetcher().fetch(site.url("/go"), Validators.NONE));
            assertEquals(List.of(), site.requests("/private/memo"));
        }
    }

    @Test
    void keepsTheHostDelayBetweenRequests() throws Exception {
        try (LocalNewsSite site = LocalNewsSite.start()) {
            site.page("/a", "First story", MONDAY);
            PoliteFetcher fetcher = TestFetchers.fetcher(Duration.ofMillis(300));
            for (int i = 0; i < 3; i++) {
                fetcher.fetch(site.url("/a"), Validators.NONE);
            }
            assertApart(site.requests(), Duration.ofMillis(300));
            assertEquals(4, site.requests().size(), "robots.txt and three pages");
        }
    }

    @Test
    void obeysCrawlDelayWhenLongerThanTheHostDelay() throws Exception {
        try (LocalNewsSite site = LocalNewsSite.start()) {
            site.page("/a", "First story", MONDAY);
            site.robots("User-agent: *\nCrawl-delay: 0.4\n");
            PoliteFetcher fetcher = TestFetchers.fetcher(Duration.ofMillis(50));
            fetcher.fetch(site.url("/a"), Validators.NONE);
            fetcher.fetch(site.url("/a"), Validators.NONE);
            fetcher.fetch(site.url("/a"), Validators.NONE);
            assertApart(site.requests("/a"), Duration.ofMillis(400));
        }
    }

    @Test
    void aHostIsHeldUntilTheResponseHasEndedSoASlowAnswerDelaysTheNextRequest() throws Exception {
        try (LocalNewsSite site = LocalNewsSite.start()) {
            site.page("/slow", "A slow story", MONDAY);
            site.slow("/slow", Duration.ofMillis(400));
            PoliteFetcher fetcher = TestFetchers.fetcher(Duration.ofMillis(200));
            ExecutorService callers = Executors.newFixedThreadPool(2);
            try {
                List<Future<FetchResult>> results = new ArrayList<>();
                for (int i = 0; i < 2; i++) {
                    results.add(callers.submit(() -> fetcher.fetch(site.url("/slow"), Validators.NONE)));
                }
                for (Future<FetchResult> result : results) {
                    assertInstanceOf(FetchResult.Fetched.class, result.get());
                }
            } finally {
                callers.shutdownNow();
            }
            // The second request is sent the delay after the first was answered, not the delay after it was sent.
            assertApart(site.requests("/slow"), Duration.ofMillis(400 + 200));
        }
    }

    @Test
    void twoHostsArePacedApartButNotAgainstEachOther() throws Exception {
        try (LocalNewsSite one = LocalNewsSite.start("127.0.0.1"); LocalNewsSite two = LocalNewsSite.start("127.0.0.7")) {
            one.page("/a", "First story", MONDAY);
            two.page("/a", "Second story", MONDAY);
            PoliteFetcher fetcher = TestFetchers.fetcher(Duration.ofMillis(300));
            for (int i = 0; i < 2; i++) {
                assertInstanceOf(FetchResult.Fetched.class, fetcher.fetch(one.url("/a"), Validators.NONE));
                assertInstanceOf(FetchResult.Fetched.class, fetcher.fetch(two.url("/a"), Validators.NONE));
            }
            assertApart(one.requests(), Duration.ofMillis(300));
            assertApart(two.requests(), Duration.ofMillis(300));
        }
    }

    /**
     * A site that validates with its ETag alone, or its Last-Modified alone: the fetcher keeps
     * that validator, sends it back, takes the 304, and fetches the feed again once it changes.
     */
    @ParameterizedTest
    @EnumSource(value = Validation.class, names = {"ETAG_ONLY", "LAST_MODIFIED_ONLY"})
    void sendsTheValidatorBackAndTakesA304(Validation validation) throws Exception {
        boolean etag = validation == Validation.ETAG_ONLY;
        try (LocalNewsSite site = LocalNewsSite.start()) {
            LocalNewsSite.Page page = site.page("/a", "First story", MONDAY);
            site.rssFeed("/feed.xml", page);
            site.validation(validation);
            PoliteFetcher fetcher = TestFetchers.fetcher();
            FetchResult.Fetched first = assertInstanceOf(FetchResult.Fetched.class,
                    fetcher.fetch(site.url("/feed.xml"), Validators.NONE));
            Validators kept = first.validators();
            assertNull(etag ? kept.lastModified() : kept.etag(), "the site sends one validator only");
            assertEquals(new FetchResult.NotModified(site.url("/feed.xml")), fetcher.fetch(site.url("/feed.xml"), kept));
            Request revalidation = site.requests("/feed.xml").get(1);
            assertEquals(etag ? kept.etag() : kept.lastModified(),
                    etag ? revalidation.ifNoneMatch() : revalidation.ifModifiedSince());

            site.revise("/a", "First story, updated", MONDAY);
            assertInstanceOf(FetchResult.Fetched.class, fetcher.fetch(site.url("/feed.xml"), kept));
        }
    }

    /** A page that fails fails the fetch with what went wrong, gzipped or not (a huge body fails at the cap). */
    @ParameterizedTest
    @CsvSource({
            "SERVER_ERROR, /broken, HTTP 500 Internal Server Error",
            "HUGE_BODY, /huge, body larger than 5 MiB"})
    void aFailingPageIsAFailureThatSaysWhatWhetherGzippedOrNot(Failure failure, String path, String error)
            throws Exception {
        try (LocalNewsSite site = LocalNewsSite.start()) {
            site.failing(path, failure);
            PoliteFetcher fetcher = TestFetchers.fetcher();
            assertFails(fetcher, site.url(path), error);
            site.gzip(false);
            assertFails(fetcher, site.url(path), error);
        }
    }

    @Test
    void aMissingPageIsAFailureThatSaysWhat() throws Exception {
        try (LocalNewsSite site = LocalNewsSite.start()) {
            assertFails(TestFetchers.fetcher(), site.url("/missing"), "HTTP 404 Not Found");
        }
    }

    @Test
    void aRedirectLoopFailsAfterFiveRedirects() throws Exception {
        try (LocalNewsSite site = LocalNewsSite.start()) {
            site.failing("/loop", Failure.REDIRECT_LOOP);
            FetchResult.Failed failed = fetchWithAFreshFetcher(FetchResult.Failed.class, site.url("/loop"));
            assertEquals("more than 5 redirects", failed.error());
            assertEquals(6, site.requests("/loop").size(), "the first request and five redirects");
        }
    }

    @Test
    void followsARedirectAndReportsWhereItEnded() throws Exception {
        try (LocalNewsSite site = LocalNewsSite.start(); LocalNewsSite other = LocalNewsSite.start("127.0.0.7")) {
            other.page("/moved", "Moved story", MONDAY);
            site.redirect("/old", other.url("/moved"));
            FetchResult.Fetched fetched = fetchWithAFreshFetcher(FetchResult.Fetched.class, site.url("/old"));
            assertEquals(other.url("/moved"), fetched.url());
            assertEquals(1, other.requests("/robots.txt").size(), "the new host's robots.txt is read too");
        }
    }

    @Test
    void eachRedirectHopIsCheckedBeforeItIsRequested() throws Exception {
        try (LocalNewsSite site = LocalNewsSite.start()) {
            site.redirect("/to-nowhere", URI.create("http://no-such-host.invalid/feed.xml"));
            site.redirect("/to-file", URI.create("file:///etc/passwd"));
            PoliteFetcher fetcher = TestFetchers.fetcher();
            assertEquals(new FetchResult.Failed(URI.create("http://no-such-host.invalid/feed.xml"),
                            "redirected to http://no-such-host.invalid/feed.xml: host no-such-host.invalid does not resolve"),
                    fetcher.fetch(site.url("/to-nowhere"), Validators.NONE));
            FetchResult.Failed toFile = assertInstanceOf(FetchResult.Failed.class,
                    fetcher.fetch(site.url("/to-file"), Validators.NONE));
            assertTrue(toFile.error().contains("not an http or https URL"), toFile.error());
        }
    }

    @Test
    void publicOnlyRefusesTheSiteWithoutRequestingAnything() throws Exception {
        try (LocalNewsSite site = LocalNewsSite.start()) {
            site.page("/a", "First story", MONDAY);
            FetchSettings loopbackRefused = new FetchSettings(TestFetchers.USER_AGENT, Duration.ZERO, Duration.ofSeconds(1),
                    Duration.ofSeconds(1), Duration.ofSeconds(1), 1024, 5, AddressPolicy.PUBLIC_ONLY);
            FetchResult.Failed failed = assertInstanceOf(FetchResult.Failed.class,
                    new PoliteFetcher(loopbackRefused, new InMemoryHostPacer()).fetch(site.url("/a"), Validators.NONE));
            assertTrue(failed.error().startsWith("refused: 127.0.0.1 is a loopback address"), failed.error());
            assertEquals(List.of(), site.requests());
        }
    }

    @Test
    void aSlowServerTimesOut() throws Exception {
        try (LocalNewsSite site = LocalNewsSite.start()) {
            site.page("/slow", "Slow story", MONDAY);
            site.slow("/slow", Duration.ofSeconds(6));
            assertEquals(new FetchResult.Failed(site.url("/slow"), "timed out after 3 s"),
                    TestFetchers.fetcher().fetch(site.url("/slow"), Validators.NONE));
        }
    }

    @Test
    void aBodyThatTricklesInTimesOut() throws Exception {
        try (LocalNewsSite site = LocalNewsSite.start()) {
            site.failing("/trickle.xml", Failure.TRICKLING_BODY);
            assertEquals(new FetchResult.Failed(site.url("/trickle.xml"), "timed out after 3 s"),
                    TestFetchers.fetcher().fetch(site.url("/trickle.xml"), Validators.NONE));
        }
    }

    @Test
    void robotsThatCannotBeReadStopTheHostAndSaySo() throws Exception {
        try (LocalNewsSite site = LocalNewsSite.start()) {
            site.page("/a", "First story", MONDAY);
            site.failing("/robots.txt", Failure.SERVER_ERROR);
            FetchResult.Failed failed = fetchWithAFreshFetcher(FetchResult.Failed.class, site.url("/a"));
            assertTrue(failed.error().startsWith("robots.txt could not be read (HTTP 500 Internal Server Error)"),
                    failed.error());
            assertEquals(List.of(), site.requests("/a"));
        }
    }

    @Test
    void aNonHtmlPageIsFetchedAsWhatItIs() throws Exception {
        try (LocalNewsSite site = LocalNewsSite.start()) {
            site.failing("/photo.png", Failure.IMAGE);
            FetchResult.Fetched image = fetchWithAFreshFetcher(FetchResult.Fetched.class, site.url("/photo.png"));
            assertEquals("image/png", image.contentType());
            assertTrue(!image.isHtml());
        }
    }

    @Test
    void decodesAPageInItsDeclaredCharset() throws Exception {
        try (LocalNewsSite site = LocalNewsSite.start()) {
            String text = "<html><head><title>Caf\u00e9</title></head><body><p>\u201cNo,\u201d she said \u2013 twice.</p></body></html>";
            site.resource("/latin", "text/html; charset=ISO-8859-1", text.getBytes(Charset.forName("windows-1252")));
            FetchResult.Fetched page = fetchWithAFreshFetcher(FetchResult.Fetched.class, site.url("/latin"));
            assertEquals(text, page.text());
        }
    }

    @Test
    void robotsSitemapLinesAreRead() throws Exception {
        try (LocalNewsSite site = LocalNewsSite.start()) {
            site.robots("User-agent: *\nAllow: /\nSitemap: " + site.url("/sitemap-news.xml") + "\nSitemap: /relative.xml\n");
            assertEquals(List.of(site.url("/sitemap-news.xml"), site.url("/relative.xml")),
                    TestFetchers.fetcher().robotsSitemaps(site.url("/")));
        }
    }

    /** Each request started at least {@code delay} after the one before it (server's clock). */
    private static void assertApart(List<Request> requests, Duration delay) {
        assertTrue(requests.size() >= 2, "at least two requests: " + requests);
        for (int i = 1; i < requests.size(); i++) {
            Duration gap = Duration.between(requests.get(i - 1).at(), requests.get(i).at());
            assertTrue(gap.compareTo(delay) >= 0, "requests " + (i - 1) + " and " + i + " only " + gap + " apart: " + requests);
        }
    }

    /** Fetching {@code url} (no redirect) fails with {@code error}. */
    private static void assertFails(PoliteFetcher fetcher, URI url, String error) throws Exception {
        assertEquals(new FetchResult.Failed(url, error), fetcher.fetch(url, Validators.NONE));
    }

    /** Fetches {@code url} with a fetcher of its own, which has seen no host yet, and checks what came of it. */
    private static <T extends FetchResult> T fetchWithAFreshFetcher(Class<T> expected, URI url) throws Exception {
        return assertInstanceOf(expected, TestFetchers.fetcher().fetch(url, Validators.NONE));
    }
}
