package newsroom.ingest.sources;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How ingest-service follows news sources ({@code newsroom.sources.*}, docs/sources.md). */
@ConfigMapping(prefix = "newsroom.sources")
public interface SourcesConfig {

    /** False: this replica fetches no source on its schedule (FetchSource still fetches on request). */
    @WithDefault("true")
    boolean enabled();

    /** How often an idle replica looks for due sources. */
    @WithDefault("1s")
    Duration pollInterval();

    /** Sources fetched at once by this replica. */
    @WithDefault("8")
    int concurrency();

    /**
     * How long a claim on a source lasts before another replica may take it: a replica killed
     * mid-fetch delays its sources by at most this. Renewed while a fetch goes on.
     */
    @WithDefault("5m")
    Duration lease();

    /** The least time between two requests to one host, across all replicas. */
    @WithDefault("1s")
    Duration hostDelay();

    /** The longest robots.txt Crawl-delay obeyed. */
    @WithDefault("60s")
    Duration maxCrawlDelay();

    @WithDefault("10s")
    Duration connectTimeout();

    /** For a whole response, body included. */
    @WithDefault("30s")
    Duration requestTimeout();

    /** The largest body read (a feed or a page); a larger one fails its fetch. */
    @WithDefault("10485760")
    long maxBodyBytes();

    @WithDefault("5")
    int maxRedirects();

    /** A new source's interval when none is asked for. */
    @WithDefault("15m")
    Duration defaultInterval();

    /** The adaptive interval shrinks no lower than this (or the requested interval, when smaller). */
    @WithDefault("5m")
    Duration minInterval();

    /** The adaptive interval grows no higher than this (or the requested interval, when larger). */
    @WithDefault("6h")
    Duration maxInterval();

    /** The longest wait after failures in a row. */
    @WithDefault("6h")
    Duration maxBackoff();

    /** New items handled per fetch; the rest wait for the next fetch. */
    @WithDefault("500")
    int maxItemsPerFetch();

    /**
     * True lets sources point at loopback, link-local, private and other internal addresses:
     * for the local run and tests only, never in a cluster (server-side request forgery).
     */
    @WithDefault("false")
    boolean allowPrivateAddresses();

    /** Where a site's operator learns about Newsroom's crawler: sent in the User-Agent. */
    @WithDefault("https://newsroom.invalid/bot")
    String contactUrl();
}
