package newsroom.bench.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Where a replica-reading query-service's reads went while a phase of the benchmark ran: its
 * replica's lag and whether reads went to the replica, sampled every second from its metrics
 * (docs/replicas.md), and the calls each store answered over the phase.
 */
final class ReplicaWatch implements AutoCloseable {

    private static final String IN_USE = "newsroom_query_replica_in_use";
    private static final String LAG = "newsroom_query_replica_lag_seconds";
    private static final String READS = "newsroom_query_reads_total";
    private static final Duration EVERY = Duration.ofSeconds(1);

    private final ServiceMetrics metrics;
    private final ServiceMetrics.Scrape before;
    private final List<Double> lags = new ArrayList<>();
    private final Thread sampler;
    private int samples;
    private int inUse;
    private volatile boolean stopped;

    private ReplicaWatch(ServiceMetrics metrics) throws Exception {
        this.metrics = metrics;
        this.before = metrics.scrape();
        this.sampler = new Thread(this::sample, "replica-watch");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Starts watching the service whose metrics are {@code metrics}. */
    static ReplicaWatch start(ServiceMetrics metrics) throws Exception {
        return new ReplicaWatch(metrics);
    }

    /**
     * Waits until the service reads from its replica ({@value #IN_USE} is 1): a new replica
     * counts as lagging until it has replayed what the primary wrote since its base backup.
     *
     * @return the seconds waited
     */
    static double awaitReplicaInUse(ServiceMetrics metrics, Duration timeout) throws Exception {
        long start = System.nanoTime();
        Instant deadline = Instant.now().plus(timeout);
        while (true) {
            double value;
            try {
                value = metrics.scrape().value(IN_USE);
            } catch (java.io.IOException notYet) {
                value = Double.NaN;
            }
            if (value == 1) {
                return (System.nanoTime() - start) / 1e9;
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("query-service did not start reading from the replica within "
                        + timeout.toSeconds() + " s (" + IN_USE + " = " + value + ")");
            }
            Thread.sleep(250);
        }
    }

    private void sample() {
        while (!stopped) {
            try {
                ServiceMetrics.Scrape now = metrics.scrape();
                synchronized (this) {
                    samples++;
                    lags.add(now.value(LAG));
                    if (now.value(IN_USE) == 1) {
                        inUse++;
                    }
                }
                Thread.sleep(EVERY.toMillis());
            } catch (InterruptedException e) {
                return;
            } catch (Exception unreadable) {
                // A scrape that failed is a sample lost, not a reading.
            }
        }
    }

    /**
     * Stops sampling and says what was seen: "replica lag: median 0.00 s, max 0.31 s over 52
     * samples (0 unknown); reads on the replica in 52 of 52 samples; calls answered: replica
     * 81234, primary 0".
     */
    String report() throws Exception {
        close();
        ServiceMetrics.Scrape after = metrics.scrape();
        long replica = Math.round(orZero(after.value(READS, "store=\"replica\""))
                - orZero(before.value(READS, "store=\"replica\"")));
        long primary = Math.round(orZero(after.value(READS, "store=\"primary\""))
                - orZero(before.value(READS, "store=\"primary\"")));
        synchronized (this) {
            double[] known = lags.stream().filter(lag -> !lag.isNaN()).mapToDouble(Double::doubleValue).sorted().toArray();
            String lag = known.length == 0 ? "replica lag: never known"
                    : String.format(Locale.ROOT, "replica lag: median %.2f s, max %.2f s", known[known.length / 2],
                    known[known.length - 1]);
            return String.format(Locale.ROOT, "%s over %d samples (%d unknown); reads on the replica in %d of %d"
                            + " samples; calls answered: replica %d, primary %d", lag, samples,
                    samples - known.length, inUse, samples, replica, primary);
        }
    }

    private static double orZero(double value) {
        return Double.isNaN(value) ? 0 : value;
    }

    @Override
    public void close() throws InterruptedException {
        stopped = true;
        sampler.interrupt();
        sampler.join();
    }
}
