package newsroom.fetching;

import java.net.URI;
import java.util.List;

/**
 * Finds the feeds and sitemaps a site offers: the page's {@code <link rel="alternate">} RSS and
 * Atom links, robots.txt's {@code Sitemap:} lines, and {@code /sitemap.xml} when it answers with
 * a sitemap. Fetches through a {@link PoliteFetcher}, so robots rules and pacing hold.
 */
public final class FeedDiscovery {

    public FeedDiscovery(PoliteFetcher fetcher) {
        throw new UnsupportedOperationException("TODO");
    }

    /**
     * The offers, links first, each URL once; empty when the site offers none.
     *
     * @throws RefusedAddressException when {@code site} itself may not be fetched
     */
    public List<FeedOffer> discover(URI site) throws InterruptedException, RefusedAddressException {
        throw new UnsupportedOperationException("TODO");
    }
}
