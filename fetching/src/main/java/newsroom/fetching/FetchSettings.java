package newsroom.fetching;

import java.time.Duration;

/**
 * How {@link PoliteFetcher} fetches.
 *
 * @param userAgent      sent with every request and matched against robots.txt groups
 *                       ({@code Newsroom/<version> (+<contact URL>)}); its first word is the robots token
 * @param hostDelay      the least time between two requests to one host; a robots.txt Crawl-delay
 *                       longer than this (up to {@code maxCrawlDelay}) wins
 * @param maxCrawlDelay  the longest Crawl-delay obeyed; a longer one counts as this
 * @param connectTimeout to open a connection
 * @param requestTimeout for a whole response, body included
 * @param maxBodyBytes   the largest body read (after un-gzipping); a larger one fails the fetch
 * @param maxRedirects   redirects followed; one more fails the fetch
 * @param addresses      which addresses may be fetched, checked at every request and redirect
 */
public record FetchSettings(String userAgent, Duration hostDelay, Duration maxCrawlDelay, Duration connectTimeout,
                            Duration requestTimeout, long maxBodyBytes, int maxRedirects, AddressPolicy addresses) {
}
