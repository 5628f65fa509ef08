package newsroom.ingest.sources;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import newsroom.fetching.AddressPolicy;
import newsroom.fetching.FeedDiscovery;
import newsroom.fetching.FeedOffer;
import newsroom.fetching.PoliteFetcher;
import newsroom.fetching.RefusedAddressException;
import newsroom.fetching.UrlNormalizer;

/**
 * What SourceService does, without gRPC: follows, lists and changes sources, checking every
 * request before it touches the store, so that a bad request leaves the store as it was.
 */
@ApplicationScoped
public class SourceRegistry {

    static final int MAX_URL_CHARS = 2048;
    static final int MAX_NAME_CHARS = 200;
    /** Faster than this is no longer following a source but hammering it. */
    static final Duration MIN_INTERVAL = Duration.ofSeconds(5);
    /** Slower than this is no longer following it. */
    static final Duration MAX_INTERVAL = Duration.ofDays(7);
    static final int DEFAULT_PAGE_SIZE = 100;
    static final int MAX_PAGE_SIZE = 1000;

    private final SourceStore store;
    private final SourceFetch fetch;
    private final PoliteFetcher fetcher;
    private final AddressPolicy addresses;
    private final SourcesConfig config;

    public SourceRegistry(SourceStore store, SourceFetch fetch, PoliteFetcher fetcher, AddressPolicy addresses,
                          SourcesConfig config) {
        this.store = store;
        this.fetch = fetch;
        this.fetcher = fetcher;
        this.addresses = addresses;
        this.config = config;
    }

    /**
     * Follows a new source, due at once.
     *
     * @param interval null for the default
     * @throws InvalidSourceRequestException   naming {@code url}, {@code name} or {@code interval}
     * @throws SourceAlreadyFollowedException when the normalised URL is followed already
     */
    public FollowedSource add(String url, String name, Duration interval) {
        String checkedName = name(name);
        Duration checkedInterval = interval(interval);
        // Last: the address check resolves the host, the slowest of the checks.
        String checkedUrl = publicUrl(url);
        return store.insert(checkedUrl, checkedName, checkedInterval).orElseThrow(() ->
                new SourceAlreadyFollowedException(checkedUrl, store.idOfUrl(checkedUrl).orElse(0L)));
    }

    /** The feeds and sitemaps the site at {@code url} offers, links first. */
    public List<FoundSource> discover(String url) throws InterruptedException {
        String checkedUrl = publicUrl(url);
        List<FeedOffer> offers;
        try {
            offers = new FeedDiscovery(fetcher).discover(URI.create(checkedUrl));
        } catch (RefusedAddressException e) {
            throw new InvalidSourceRequestException("url", e.getMessage());
        }
        Set<String> followed = store.followedOf(offers.stream().map(offer -> offer.url().toString()).toList());
        return offers.stream().map(offer -> new FoundSource(offer, followed.contains(offer.url().toString()))).toList();
    }

    /**
     * A page of sources by id.
     *
     * @param pageSize 0 for {@link #DEFAULT_PAGE_SIZE}; above {@link #MAX_PAGE_SIZE} it is
     *                 {@link #MAX_PAGE_SIZE} (AIP-158: a larger size is coerced, not refused)
     */
    public SourcePage list(int pageSize, String pageToken) {
        if (pageSize < 0) {
            throw new InvalidSourceRequestException("page_size", "must not be negative");
        }
        long afterId = SourcePageToken.lastId(pageToken);
        int size = pageSize == 0 ? DEFAULT_PAGE_SIZE : Math.min(pageSize, MAX_PAGE_SIZE);
        // One more than the page: whether a next page exists, without a second query.
        List<FollowedSource> sources = store.pageAfter(afterId, size + 1);
        boolean more = sources.size() > size;
        List<FollowedSource> page = more ? sources.subList(0, size) : sources;
        String next = more ? SourcePageToken.after(page.get(page.size() - 1).id()) : "";
        return new SourcePage(List.copyOf(page), next, store.count());
    }

    public FollowedSource get(long id) {
        return existing(id, store.find(checkedId(id)));
    }

    public FollowedSource pause(long id) {
        return existing(id, store.pause(checkedId(id)));
    }

    public FollowedSource resume(long id) {
        return existing(id, store.resume(checkedId(id)));
    }

    public void delete(long id) {
        if (!store.delete(checkedId(id))) {
            throw new SourceNotFoundException(id);
        }
    }

    /**
     * Fetches a source now, on this replica, and returns once the fetch is recorded.
     *
     * @throws SourceBusyException when a fetch of it runs (here or on another replica)
     */
    public FinishedFetch fetchNow(long id) throws InterruptedException {
        Optional<SourceLease> lease = store.claim(checkedId(id), config.lease());
        if (lease.isEmpty()) {
            existing(id, store.find(id));
            throw new SourceBusyException(id);
        }
        return fetch.run(lease.get());
    }

    private static FollowedSource existing(long id, Optional<FollowedSource> source) {
        return source.orElseThrow(() -> new SourceNotFoundException(id));
    }

    private static long checkedId(long id) {
        if (id <= 0) {
            throw new InvalidSourceRequestException("id", "is required (a positive source id)");
        }
        return id;
    }

    /** The URL normalised, checked against the address policy (which resolves its host). */
    private String publicUrl(String url) {
        if (url.isEmpty()) {
            throw new InvalidSourceRequestException("url", "is required: an http or https URL");
        }
        if (url.length() > MAX_URL_CHARS) {
            throw new InvalidSourceRequestException("url",
                    "is " + url.length() + " characters, more than the limit of " + MAX_URL_CHARS);
        }
        if (url.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidSourceRequestException("url", "must not contain control characters");
        }
        String normalised;
        try {
            normalised = UrlNormalizer.normalize(url);
        } catch (IllegalArgumentException e) {
            throw new InvalidSourceRequestException("url", e.getMessage());
        }
        try {
            addresses.check(URI.create(normalised));
        } catch (RefusedAddressException e) {
            throw new InvalidSourceRequestException("url", e.getMessage());
        }
        return normalised;
    }

    private static String name(String name) {
        int chars = name.codePointCount(0, name.length());
        if (chars > MAX_NAME_CHARS) {
            throw new InvalidSourceRequestException("name",
                    "is " + chars + " characters, more than the limit of " + MAX_NAME_CHARS);
        }
        if (name.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidSourceRequestException("name", "must not contain control characters");
        }
        return name.strip();
    }

    private Duration interval(Duration interval) {
        if (interval == null) {
            return config.defaultInterval();
        }
        if (interval.compareTo(MIN_INTERVAL) < 0 || interval.compareTo(MAX_INTERVAL) > 0) {
            throw new InvalidSourceRequestException("interval", "is " + interval.toString().substring(2).toLowerCase()
                    + ", outside 5s to 7 days");
        }
        return interval;
    }
}
