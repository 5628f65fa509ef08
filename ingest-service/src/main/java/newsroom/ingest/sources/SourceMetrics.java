package newsroom.ingest.sources;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The sources' Prometheus metrics (docs/sources.md): {@code newsroom_source_fetches_total{outcome}},
 * {@code newsroom_source_pages_total{outcome}}, {@code newsroom_source_articles_accepted_total},
 * and from the schedule {@code newsroom_source_lag_seconds{source_id}} and
 * {@code newsroom_sources_overdue}. Counters count this replica's work (sum over replicas); the
 * schedule's gauges read the shared table and are the same on every replica (take the max).
 */
// At start, so that every series is scraped (at 0) before the first fetch, on a replica whose poller is off too.
@Startup
@ApplicationScoped
public class SourceMetrics {

    /** What became of a new item's page: the labels of {@code newsroom_source_pages_total}. */
    public enum PageOutcome {
        /** Stored as a new article. */
        STORED,
        /** Stored already, by URL, canonical URL or content: not stored again. */
        ALREADY_STORED,
        /** Not an article to store: disallowed by robots.txt, not HTML, no text. */
        SKIPPED,
        /** The page could not be fetched. */
        FAILED
    }

    private final Map<SourceOutcome, Counter> fetches = new EnumMap<>(SourceOutcome.class);
    private final Map<PageOutcome, Counter> pages = new EnumMap<>(PageOutcome.class);
    private final Counter articlesAccepted;
    private final MultiGauge lags;
    private final AtomicLong overdue = new AtomicLong();

    public SourceMetrics(MeterRegistry registry) {
        for (SourceOutcome outcome : SourceOutcome.values()) {
            fetches.put(outcome, Counter.builder("newsroom_source_fetches")
                    .description("Fetches of followed sources, by what they came to")
                    .tag("outcome", outcome.metricLabel()).register(registry));
        }
        for (PageOutcome outcome : PageOutcome.values()) {
            pages.put(outcome, Counter.builder("newsroom_source_pages")
                    .description("Pages of new source items, by what became of them")
                    .tag("outcome", outcome.name().toLowerCase(java.util.Locale.ROOT)).register(registry));
        }
        articlesAccepted = Counter.builder("newsroom_source_articles_accepted")
                .description("New articles stored from followed sources").register(registry);
        lags = MultiGauge.builder("newsroom_source_lag_seconds")
                .description("How far past its due time each unpaused source is, in seconds; 0 when on time")
                .register(registry);
        Gauge.builder("newsroom_sources_overdue", overdue, AtomicLong::get)
                .description("Unpaused sources due more than a poll interval ago: the replicas do not keep up")
                .register(registry);
    }

    void fetched(SourceOutcome outcome) {
        fetches.get(outcome).increment();
    }

    void page(PageOutcome outcome) {
        pages.get(outcome).increment();
        if (outcome == PageOutcome.STORED) {
            articlesAccepted.increment();
        }
    }

    /** Replaces the schedule's gauges with a fresh reading of every unpaused source's lag. */
    void schedule(Map<Long, Duration> lagBySource, Duration pollInterval) {
        List<MultiGauge.Row<?>> rows = lagBySource.entrySet().stream()
                .<MultiGauge.Row<?>>map(entry -> MultiGauge.Row.of(Tags.of("source_id", entry.getKey().toString()),
                        entry.getValue().toMillis() / 1000.0))
                .toList();
        // Overwrite: a deleted or paused source's series goes away.
        lags.register(rows, true);
        overdue.set(lagBySource.values().stream().filter(lag -> lag.compareTo(pollInterval) > 0).count());
    }
}
