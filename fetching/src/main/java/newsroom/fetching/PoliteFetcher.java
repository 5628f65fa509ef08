package newsroom.fetching;

import java.net.URI;

/**
 * GETs a URL the way a polite crawler does: robots.txt first (cached per host), then a turn from
 * the {@link HostPacer} (the host delay or the Crawl-delay, whichever is longer), conditional
 * headers, gzip, redirects followed by hand (each hop's address checked and paced), a size cap.
 * Thread-safe; one per process.
 */
public final class PoliteFetcher {

    public PoliteFetcher(FetchSettings settings, HostPacer pacer) {
        throw new UnsupportedOperationException("TODO");
    }

    /** Fetches {@code url}, sending {@code validators} (use {@link Validators#NONE} for a page). */
    public FetchResult fetch(URI url, Validators validators) throws InterruptedException {
        throw new UnsupportedOperationException("TODO");
    }

    /** The {@code Sitemap:} lines of the robots.txt of {@code url}'s host (fetched politely, cached). */
    public java.util.List<URI> robotsSitemaps(URI url) throws InterruptedException {
        throw new UnsupportedOperationException("TODO");
    }
}
