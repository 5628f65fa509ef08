package newsroom.ingest.sources;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import newsroom.fetching.FetchResult;
import newsroom.fetching.NotASourceException;
import newsroom.fetching.PoliteFetcher;
import newsroom.fetching.SourceDocument;
import newsroom.fetching.SourceDocuments;
import newsroom.fetching.SourceItem;
import newsroom.fetching.SourceKind;
import newsroom.fetching.Validators;
import newsroom.ingest.backpressure.BacklogFullException;
import newsroom.ingest.backpressure.BacklogLimit;
import newsroom.ingest.intake.ArticleIntake;
import newsroom.ingest.intake.IntakeOutcome;
import newsroom.ingest.intake.InvalidArticleException;
import newsroom.ingest.intake.PreparedArticle;
import newsroom.ingest.sources.SourceMetrics.PageOutcome;
import newsroom.ingest.v1.Article;
import newsroom.store.DatabaseFailures;
import org.jboss.logging.Logger;

/**
 * One fetch of a claimed source: its feed or sitemap, then each new item's page through the
 * same intake as {@code IngestArticle}, then the result recorded and the lease given back.
 *
 * <p>An item is recorded ({@code source_item}) only once its page is dealt with, its article
 * stored or its page skipped: a replica killed mid-fetch leaves the remaining items new to the
 * replica that fetches the source next, and nothing is stored twice (the intake finds an article
 * stored by URL or content). Items beyond {@code max-items-per-fetch}, or met while the analysis
 * backlog is full, wait for the next fetch; the body's hash and validators are then not kept, so
 * that the next fetch reads the same body again instead of taking it as unchanged.
 */
@ApplicationScoped
public class SourceFetch {

    private static final Logger LOG = Logger.getLogger(SourceFetch.class);
    /** Sitemaps of an index read per fetch: a news site's index lists a few; more is an archive. */
    static final int MAX_SITEMAPS_PER_INDEX = 50;
    /** Limits of the article's fields (ArticleValidator's). */
    private static final int MAX_TITLE_CHARS = 1000;
    private static final int MAX_NAME_CHARS = 200;
    /** A publication time further ahead than the intake's tolerance is a feed's mistake: ignored. */
    private static final Duration FUTURE_TOLERANCE = Duration.ofHours(23);

    private final PoliteFetcher fetcher;
    private final SourceStore store;
    private final ArticleIntake intake;
    private final BacklogLimit backlog;
    private final SourceMetrics metrics;
    private final SourcesConfig config;
    private final SchedulePolicy schedule;

    public SourceFetch(PoliteFetcher fetcher, SourceStore store, ArticleIntake intake, BacklogLimit backlog,
                       SourceMetrics metrics, SourcesConfig config) {
        this.fetcher = fetcher;
        this.store = store;
        this.intake = intake;
        this.backlog = backlog;
        this.metrics = metrics;
        this.config = config;
        this.schedule = new SchedulePolicy(config.minInterval(), config.maxInterval(), config.maxBackoff());
    }

    /**
     * Fetches the source of {@code lease}, records what came of it and gives the lease back. A
     * failure of the fetch is its outcome, never an exception.
     *
     * @throws InterruptedException when the replica shuts down: the lease is given back unrecorded
     */
    public FinishedFetch run(SourceLease lease) throws InterruptedException {
        Tally tally = new Tally(lease);
        FetchReport report;
        try {
            report = fetch(lease.source(), tally);
        } catch (InterruptedException e) {
            store.abandon(lease);
            throw e;
        } catch (RuntimeException e) {
            if (store.find(lease.source().id()).isEmpty()) {
                // DeleteSource during the fetch: its items can no longer be recorded, and need not be.
                LOG.infof("source %d was deleted during its fetch", lease.source().id());
                return new FinishedFetch(lease.source(), FetchReport.failed("the source was deleted during the fetch"));
            }
            // The store going away mid-fetch, or a bug: this source's error, never the poller's end.
            report = new FetchReport(SourceOutcome.FAILED, DatabaseFailures.describe(e), null, null, null, null,
                    tally.newItems, tally.accepted, tally.skipped);
        }
        metrics.fetched(report.outcome());
        FollowedSource before = lease.source();
        boolean failed = report.outcome() == SourceOutcome.FAILED;
        int failures = failed ? before.consecutiveFailures() + 1 : 0;
        Duration interval = failed
                ? before.interval()
                : schedule.nextInterval(before.requestedInterval(), before.interval(), report.newItems() > 0);
        Duration delay = failed ? schedule.retryDelay(interval, failures) : interval;
        FollowedSource after = store.finish(lease, report, interval, failures, delay)
                .or(() -> store.find(before.id()))
                .orElse(before);
        LOG.debugf("source %d: %s, %d new items, %d articles, next in %s", before.id(), report.outcome(),
                report.newItems(), report.articlesAccepted(), delay);
        return new FinishedFetch(after, report);
    }

    private FetchReport fetch(FollowedSource source, Tally tally) throws InterruptedException {
        FetchResult result = fetcher.fetch(URI.create(source.url()), source.validators());
        if (result instanceof FetchResult.NotModified) {
            return FetchReport.notModified(null);
        }
        if (result instanceof FetchResult.Disallowed) {
            return FetchReport.disallowed();
        }
        if (result instanceof FetchResult.Failed failed) {
            return FetchReport.failed(failed.error());
        }
        FetchResult.Fetched fetched = (FetchResult.Fetched) result;
        String sha256 = sha256(fetched.body());
        if (sha256.equals(source.bodySha256())) {
            // The server keeps no validators (or changed them for nothing): same body, nothing to read.
            return FetchReport.notModified(fetched.validators());
        }
        SourceDocument document;
        try {
            document = SourceDocuments.parse(fetched.url(), fetched.body(), fetched.contentType());
        } catch (NotASourceException e) {
            return FetchReport.failed(e.getMessage());
        }
        List<SourceItem> items = document.kind() == SourceKind.SITEMAP_INDEX
                ? itemsOfSitemaps(document.sitemaps())
                : document.items();
        String title = document.title() == null ? null : ItemText.oneLine(document.title(), MAX_NAME_CHARS);
        // A source added without a name takes the feed's title, its articles too, from this first fetch on.
        String name = source.name().isEmpty() && title != null ? title : source.name();
        boolean allHandled = handleNewItems(source, name, items, tally);
        // An index's own body rarely changes while its sitemaps do: it is read whole every time.
        boolean keepVersion = allHandled && document.kind() != SourceKind.SITEMAP_INDEX;
        return new FetchReport(SourceOutcome.FETCHED, null, document.kind(), title,
                keepVersion ? fetched.validators() : null, keepVersion ? sha256 : null,
                tally.newItems, tally.accepted, tally.skipped);
    }

    /** The items of an index's sitemaps (the first {@link #MAX_SITEMAPS_PER_INDEX}), each key once. */
    private List<SourceItem> itemsOfSitemaps(List<URI> sitemaps) throws InterruptedException {
        Map<String, SourceItem> items = new LinkedHashMap<>();
        for (URI sitemap : sitemaps.subList(0, Math.min(sitemaps.size(), MAX_SITEMAPS_PER_INDEX))) {
            if (!(fetcher.fetch(sitemap, Validators.NONE) instanceof FetchResult.Fetched fetched)) {
                continue;
            }
            try {
                SourceDocument document = SourceDocuments.parse(fetched.url(), fetched.body(), fetched.contentType());
                // An index within an index is not followed: news sites nest one level.
                if (document.kind() != SourceKind.SITEMAP_INDEX) {
                    document.items().forEach(item -> items.putIfAbsent(item.key(), item));
                }
            } catch (NotASourceException e) {
                LOG.debugf("sitemap %s of an index is not read: %s", sitemap, e.getMessage());
            }
        }
        return new ArrayList<>(items.values());
    }

    /** Handles the items the source has not listed before; false when some are left for the next fetch. */
    private boolean handleNewItems(FollowedSource source, String name, List<SourceItem> items, Tally tally)
            throws InterruptedException {
        if (items.isEmpty()) {
            return true;
        }
        Set<String> known = store.knownItemKeys(source.id(), items.stream().map(SourceItem::key).toList());
        List<SourceItem> fresh = items.stream().filter(item -> !known.contains(item.key())).toList();
        for (int i = 0; i < fresh.size(); i++) {
            if (i >= config.maxItemsPerFetch() || !tally.keepLease()) {
                return false;
            }
            try {
                backlog.checkRoom();
            } catch (BacklogFullException e) {
                LOG.infof("source %d: %d new items wait for the next fetch: %s", source.id(), fresh.size() - i,
                        e.getMessage());
                return false;
            }
            handle(source, name, fresh.get(i), tally);
        }
        return true;
    }

    /** Stores the page of a new item, or skips it, and records the item. */
    private void handle(FollowedSource source, String name, SourceItem item, Tally tally)
            throws InterruptedException {
        tally.newItems++;
        if (store.storedArticleAt(item.link()).isPresent()) {
            skip(source, item, tally, PageOutcome.ALREADY_STORED);
            return;
        }
        FetchResult page = fetcher.fetch(URI.create(item.link()), Validators.NONE);
        if (page instanceof FetchResult.Failed failed) {
            LOG.debugf("source %d: page %s not fetched: %s", source.id(), item.link(), failed.error());
            skip(source, item, tally, PageOutcome.FAILED);
            return;
        }
        if (!(page instanceof FetchResult.Fetched fetched) || !fetched.isHtml()) {
            skip(source, item, tally, PageOutcome.SKIPPED);
            return;
        }
        PreparedArticle prepared;
        try {
            prepared = intake.prepare(article(name, item, fetched)).fromSource(source.id())
                    .publishedAtWhenUnknown(plausible(item.updated()));
        } catch (InvalidArticleException e) {
            LOG.debugf("source %d: page %s not stored: %s", source.id(), item.link(), e.getMessage());
            skip(source, item, tally, PageOutcome.SKIPPED);
            return;
        }
        String canonical = prepared.article().canonicalUrl();
        if (canonical != null && !canonical.equals(item.link()) && store.storedArticleAt(canonical).isPresent()) {
            skip(source, item, tally, PageOutcome.ALREADY_STORED);
            return;
        }
        IntakeOutcome outcome = intake.store(List.of(prepared)).get(0);
        if (outcome.alreadyStored()) {
            skip(source, item, tally, PageOutcome.ALREADY_STORED);
            return;
        }
        store.recordItem(source.id(), item.key(), item.link(), outcome.articleId());
        metrics.page(PageOutcome.STORED);
        tally.accepted++;
    }

    private void skip(FollowedSource source, SourceItem item, Tally tally, PageOutcome outcome) {
        store.recordItem(source.id(), item.key(), item.link(), null);
        metrics.page(outcome);
        tally.skipped++;
    }

    /**
     * The submission for an item's page: the item's title and author (else the page's, which the
     * intake reads), the item's publication time (else the page's, else the item's last change).
     */
    private static Article article(String sourceName, SourceItem item, FetchResult.Fetched page) {
        Article.Builder article = Article.newBuilder()
                .setUrl(item.link())
                .setSource(ItemText.oneLine(sourceName, MAX_NAME_CHARS))
                .setTitle(ItemText.oneLine(item.title(), MAX_TITLE_CHARS))
                .setAuthor(ItemText.oneLine(item.author(), MAX_NAME_CHARS))
                // The page as text in its declared charset, handed on as UTF-8.
                .setContent(ByteString.copyFrom(page.text(), StandardCharsets.UTF_8))
                .setContentType(Article.ContentType.HTML);
        Instant published = plausible(item.published());
        if (published != null) {
            article.setPublishedTime(Timestamp.newBuilder().setSeconds(published.getEpochSecond())
                    .setNanos(published.getNano()));
        }
        return article.build();
    }

    /** A time a feed gives, unless it lies ahead (a feed's mistake must not cost its article). */
    private static Instant plausible(Instant time) {
        return time == null || time.isAfter(Instant.now().plus(FUTURE_TOLERANCE)) ? null : time;
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }

    /** What a fetch has done so far, and its lease, renewed while the items' pages take their time. */
    private final class Tally {
        final SourceLease lease;
        Instant renewAt;
        int newItems;
        int accepted;
        int skipped;

        Tally(SourceLease lease) {
            this.lease = lease;
            this.renewAt = Instant.now().plus(config.lease().dividedBy(2));
        }

        /** Renews the lease once half of it has passed; false when it was lost (stop: another replica has it). */
        boolean keepLease() {
            if (Instant.now().isBefore(renewAt)) {
                return true;
            }
            renewAt = Instant.now().plus(config.lease().dividedBy(2));
            return store.renew(lease, config.lease());
        }
    }
}
