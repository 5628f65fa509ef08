package newsroom.fetching;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.net.URI;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds the feeds and sitemaps a site offers: the page's {@code <link rel="alternate">} RSS and
 * Atom links, robots.txt's {@code Sitemap:} lines, and {@code /sitemap.xml} when it answers with
 * a sitemap. Fetches through a {@link PoliteFetcher}, so robots rules and pacing hold.
 */
public final class FeedDiscovery {

    private static final Map<String, SourceKind> FEED_TYPES = Map.of(
            "application/rss+xml", SourceKind.RSS,
            "application/rdf+xml", SourceKind.RSS,
            "application/atom+xml", SourceKind.ATOM);

    private final PoliteFetcher fetcher;

    public FeedDiscovery(PoliteFetcher fetcher) {
        this.fetcher = fetcher;
    }

    /**
     * The offers, links first, each URL once; empty when the site offers none.
     *
     * @throws RefusedAddressException when {@code site} itself may not be fetched
     */
    public List<FeedOffer> discover(URI site) throws InterruptedException, RefusedAddressException {
        fetcher.addresses().check(site);
        List<FeedOffer> offers = new ArrayList<>();
        Set<URI> seen = new HashSet<>();
        if (fetcher.fetch(site, Validators.NONE) instanceof FetchResult.Fetched page && page.isHtml()) {
            Document html = Jsoup.parse(page.text(), page.url().toString());
            for (Element link : html.select("link[rel][type][href]")) {
                boolean alternate = List.of(link.attr("rel").toLowerCase(Locale.ROOT).split("\\s+")).contains("alternate");
                SourceKind kind = FEED_TYPES.get(Charsets.mediaType(link.attr("type")));
                String url = UrlNormalizer.resolve(page.url(), link.attr("href"));
                if (alternate && kind != null && url != null && seen.add(URI.create(url))) {
                    String title = link.attr("title").strip();
                    offers.add(new FeedOffer(URI.create(url), title.isEmpty() ? null : title, kind,
                            FeedOffer.FoundBy.LINK_ALTERNATE));
                }
            }
        }
        for (URI sitemap : fetcher.robotsSitemaps(site)) {
            if (seen.add(sitemap)) {
                offers.add(new FeedOffer(sitemap, null, SourceKind.SITEMAP, FeedOffer.FoundBy.ROBOTS_SITEMAP));
            }
        }
        URI wellKnown = URI.create(UrlNormalizer.resolve(site, "/sitemap.xml"));
        if (!seen.contains(wellKnown) && answersWithSitemap(wellKnown)) {
            offers.add(new FeedOffer(wellKnown, null, SourceKind.SITEMAP, FeedOffer.FoundBy.WELL_KNOWN_SITEMAP));
        }
        return List.copyOf(offers);
    }

    private boolean answersWithSitemap(URI url) throws InterruptedException {
        if (!(fetcher.fetch(url, Validators.NONE) instanceof FetchResult.Fetched fetched)) {
            return false;
        }
        try {
            SourceKind kind = SourceDocuments.parse(fetched.url(), fetched.body(), fetched.contentType()).kind();
            return kind == SourceKind.SITEMAP || kind == SourceKind.SITEMAP_INDEX || kind == SourceKind.GOOGLE_NEWS_SITEMAP;
        } catch (NotASourceException e) {
            return false;
        }
    }
}
