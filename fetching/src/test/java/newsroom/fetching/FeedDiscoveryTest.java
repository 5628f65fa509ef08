package newsroom.fetching;

import newsroom.fetching.testing.LocalNewsSite;
import newsroom.fetching.testing.LocalNewsSite.Page;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

class FeedDiscoveryTest {

    private static final Instant MONDAY = Instant.parse("2026-03-02T08:00:00Z");

    @Test
    void findsLinksThenRobotsSitemapsThenTheWellKnownSitemapEachOnce() throws Exception {
        try (LocalNewsSite site = LocalNewsSite.start()) {
            Page vote = site.page("/news/vote", "Harbour vote delayed", MONDAY);
            site.rssFeed("/feed.xml", vote);
            site.atomFeed("/atom.xml", vote);
            site.googleNewsSitemap("/news-sitemap.xml", vote);
            site.sitemap("/sitemap.xml", vote);
            site.homePage("/feed.xml", "/atom.xml", "/feed.xml");
            site.robots("User-agent: *\nDisallow: /private/\nSitemap: " + site.url("/news-sitemap.xml") + "\n");

            List<FeedOffer> offers = new FeedDiscovery(TestFetchers.fetcher()).discover(site.url("/"));

            assertEquals(List.of(
                    new FeedOffer(site.url("/feed.xml"), LocalNewsSite.NAME + " /feed.xml", SourceKind.RSS,
                            FeedOffer.FoundBy.LINK_ALTERNATE),
                    new FeedOffer(site.url("/atom.xml"), LocalNewsSite.NAME + " /atom.xml", SourceKind.ATOM,
                            FeedOffer.FoundBy.LINK_ALTERNATE),
                    new FeedOffer(site.url("/news-sitemap.xml"), null, SourceKind.SITEMAP, FeedOffer.FoundBy.ROBOTS_SITEMAP),
                    new FeedOffer(site.url("/sitemap.xml"), null, SourceKind.SITEMAP, FeedOffer.FoundBy.WELL_KNOWN_SITEMAP)),
                    offers);
        }
    }

    @Test
    void aSiteWithoutFeedsOffersNothing() throws Exception {
        try (LocalNewsSite site = LocalNewsSite.start()) {
            site.page("/news/vote", "Harbour vote delayed", MONDAY);
            site.homePage();
            site.resource("/sitemap.xml", "text/html", "<html><body>Not here</body></html>");
            assertEquals(List.of(), new FeedDiscovery(TestFetchers.fetcher()).discover(site.url("/")));
        }
    }

    @Test
    void aRefusedSiteIsRefusedBeforeAnyRequest() {
        try (LocalNewsSite site = LocalNewsSite.start()) {
            FetchSettings publicOnly = new FetchSettings(TestFetchers.USER_AGENT, Duration.ZERO, Duration.ofSeconds(1),
                    Duration.ofSeconds(1), Duration.ofSeconds(1), 1024, 5, AddressPolicy.PUBLIC_ONLY);
            assertThrows(RefusedAddressException.class, () -> new FeedDiscovery(
                    new PoliteFetcher(publicOnly, new InMemoryHostPacer())).discover(site.url("/")));
            assertEquals(List.of(), site.requests());
        }
    }
}
