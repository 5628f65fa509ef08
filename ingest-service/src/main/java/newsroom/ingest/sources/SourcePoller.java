package newsroom.ingest.sources;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import newsroom.ingest.DaemonThreads;
import org.jboss.logging.Logger;

/**
 * Fetches due sources on this replica: one thread claims as many due sources as there are free
 * fetch threads ({@code newsroom.sources.concurrency}) and hands them over; then, when every
 * thread took one, it claims again as soon as a thread frees, else after the poll interval.
 * Each fetch is bounded by the fetcher's timeouts, and its failures are its source's error, so
 * one broken source never stalls the others or ends the loop. Replicas share the work through
 * the leases ({@link SourceStore#claimDue}).
 */
@ApplicationScoped
public class SourcePoller {

    private static final Logger LOG = Logger.getLogger(SourcePoller.class);
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(5);
    /** How often the schedule's gauges are read again: a scan of the sources, too much for every poll. */
    private static final Duration LAG_REFRESH = Duration.ofSeconds(10);

    private final SourceStore store;
    private final SourceFetch fetch;
    private final SourceMetrics metrics;
    private final SourcesConfig config;
    private final Semaphore freeThreads;
    private volatile boolean running;
    private ExecutorService fetchThreads;
    private Thread scheduler;
    /** Whether the last claim reached the store: an outage is logged once, not every poll. */
    private boolean storeReachable = true;
    private long lagsReadAt;

    public SourcePoller(SourceStore store, SourceFetch fetch, SourceMetrics metrics, SourcesConfig config) {
        this.store = store;
        this.fetch = fetch;
        this.metrics = metrics;
        this.config = config;
        this.freeThreads = new Semaphore(Math.max(1, config.concurrency()));
    }

    void start(@Observes StartupEvent startup) {
        if (!config.enabled()) {
            LOG.info("source poller disabled (newsroom.sources.enabled=false)");
            return;
        }
        int concurrency = Math.max(1, config.concurrency());
        fetchThreads = DaemonThreads.pool("source-fetch", concurrency);
        running = true;
        scheduler = DaemonThreads.daemon(this::pollUntilStopped, "source-poller");
        scheduler.start();
        LOG.infof("source poller started: %d fetches at once, polling every %s", concurrency, config.pollInterval());
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (scheduler == null) {
            return;
        }
        running = false;
        scheduler.interrupt();
        fetchThreads.shutdown();
        try {
            scheduler.join(SHUTDOWN_GRACE.toMillis());
            if (!fetchThreads.awaitTermination(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                // Interrupted fetches give their leases back (SourceFetch.run); killed ones lapse.
                fetchThreads.shutdownNow();
                fetchThreads.awaitTermination(SHUTDOWN_GRACE.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            fetchThreads.shutdownNow();
            Thread.currentThread().interrupt();
        }
        LOG.info("source poller stopped");
    }

    private void pollUntilStopped() {
        while (running) {
            try {
                boolean busy = claimAndHandOver();
                refreshLagsWhenDue();
                if (busy) {
                    // Every fetch thread has a source and more may be due: claim again as soon as one
                    // frees, not a poll interval later, or a replica would start at most
                    // `concurrency` fetches per interval however many sources are due.
                    awaitFreeThread();
                } else {
                    Thread.sleep(config.pollInterval().toMillis());
                }
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private void awaitFreeThread() throws InterruptedException {
        if (freeThreads.tryAcquire(config.pollInterval().toMillis(), TimeUnit.MILLISECONDS)) {
            freeThreads.release();
        }
    }

    /** Claims a due source for each free fetch thread; true when every thread is busy now. */
    private boolean claimAndHandOver() {
        int free = freeThreads.drainPermits();
        if (free == 0) {
            return true;
        }
        List<SourceLease> claimed;
        try {
            claimed = store.claimDue(free, config.lease());
            if (!storeReachable) {
                storeReachable = true;
                LOG.info("source poller reaches the store again");
            }
        } catch (RuntimeException e) {
            freeThreads.release(free);
            if (storeReachable) {
                storeReachable = false;
                LOG.warnf("source poller cannot claim sources, retrying every %s: %s", config.pollInterval(),
                        e.getMessage());
            }
            return false;
        }
        freeThreads.release(free - claimed.size());
        for (SourceLease lease : claimed) {
            fetchThreads.execute(() -> {
                try {
                    fetch.run(lease);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } catch (RuntimeException e) {
                    // Recording the fetch failed (the store went away): the lease lapses and the source comes due.
                    LOG.warnf("source %d: the fetch could not be recorded: %s", lease.source().id(), e.getMessage());
                } finally {
                    freeThreads.release();
                }
            });
        }
        return claimed.size() == free;
    }

    private void refreshLagsWhenDue() {
        long now = System.nanoTime();
        if (lagsReadAt != 0 && now - lagsReadAt < LAG_REFRESH.toNanos()) {
            return;
        }
        lagsReadAt = now;
        try {
            metrics.schedule(store.lags(), config.pollInterval());
        } catch (RuntimeException e) {
            LOG.debugf("source lags not read: %s", e.getMessage());
        }
    }
}
