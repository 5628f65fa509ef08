package newsroom.ingest.partitions;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Duration;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import newsroom.ingest.DaemonThreads;
import newsroom.ingest.IngestConfig;
import newsroom.store.MonthPartitions;
import org.jboss.logging.Logger;

/**
 * Keeps the partitions of the current month and of the next
 * {@code newsroom.ingest.partitions.months-ahead} created (V15), at start and then every
 * {@code check-interval}, so that the first article of a month never waits for its
 * partitions (intake creates them itself when it must: {@link MonthPartitions}). Every
 * replica runs it; creating a month is idempotent and replicas take turns.
 */
@ApplicationScoped
public class MonthsAheadJob {

    private static final Logger LOG = Logger.getLogger(MonthsAheadJob.class);
    /** After a failure (the store down at start), the next try comes this soon, or at the interval if sooner. */
    private static final Duration RETRY = Duration.ofMinutes(1);

    private final MonthPartitions partitions;
    private final IngestConfig.Partitions config;
    private ScheduledExecutorService timer;

    MonthsAheadJob(MonthPartitions partitions, IngestConfig config) {
        this.partitions = partitions;
        this.config = config.partitions();
    }

    void start(@Observes StartupEvent startup) {
        timer = Executors.newSingleThreadScheduledExecutor(task -> DaemonThreads.daemon(task, "partitions-ahead"));
        // The first run before the service takes requests: an article of this month stored right
        // after start finds its partitions (a store down now is tried again soon, see RETRY).
        runAndReschedule();
    }

    void stop(@Observes ShutdownEvent shutdown) {
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** The current month (UTC) and the months ahead. */
    public List<YearMonth> months() {
        YearMonth current = YearMonth.now(ZoneOffset.UTC);
        List<YearMonth> months = new ArrayList<>();
        for (int ahead = 0; ahead <= Math.max(0, config.monthsAhead()); ahead++) {
            months.add(current.plusMonths(ahead));
        }
        return months;
    }

    /** Creates the partitions of {@link #months()} that are missing; how many were created. */
    public int createAhead() {
        return partitions.create(months());
    }

    private void runAndReschedule() {
        Duration next = config.checkInterval();
        try {
            int created = createAhead();
            if (created > 0) {
                LOG.infof("created %d monthly partitions up to %s", created, months().get(months().size() - 1));
            }
        } catch (RuntimeException e) {
            LOG.warnf("could not create the monthly partitions ahead, trying again in %s: %s",
                    RETRY, e.getMessage());
            next = next.compareTo(RETRY) < 0 ? next : RETRY;
        }
        if (!timer.isShutdown()) {
            timer.schedule(this::runAndReschedule, next.toMillis(), TimeUnit.MILLISECONDS);
        }
    }
}
