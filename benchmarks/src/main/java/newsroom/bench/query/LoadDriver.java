package newsroom.bench.query;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import newsroom.bench.CpuMeter;
import java.util.Arrays;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Drives one call with a fixed number of concurrent clients for a fixed time,
 * each client calling again as soon as its previous call returned (a closed
 * loop), and reports latency percentiles and throughput.
 *
 * <p>Clients are not threads: each is a chain of asynchronous calls, the next
 * started by the completion of the one before on the channel's own event-loop
 * thread (the channel uses a direct executor). Sixteen threads blocked on
 * blocking stubs cost a thread wake-up per call on a machine whose 2 cores
 * the service and PostgreSQL share; the chains keep the clients' own CPU per
 * call small (BENCHMARKS.md, issue 5).
 */
final class LoadDriver {

    /** Latency percentiles in milliseconds, completed calls per second, and CPU per call by process. */
    record Result(double p50, double p95, double p99, double throughput, long calls, String cpuPerCall) {
    }

    private final int clients;
    private final CpuMeter cpu;

    LoadDriver(int clients, CpuMeter cpu) {
        this.clients = clients;
        this.cpu = cpu;
    }

    /**
     * Starts {@code call} (given each client's own random source) again and
     * again for {@code warmupMillis} unmeasured, then for {@code millis}
     * measured.
     */
    Result run(Function<Random, ListenableFuture<?>> call, long warmupMillis, long millis) throws Exception {
        long start = System.nanoTime();
        long measureFrom = start + warmupMillis * 1_000_000;
        long stop = measureFrom + millis * 1_000_000;
        CountDownLatch finished = new CountDownLatch(clients);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Client[] all = new Client[clients];
        for (int client = 0; client < clients; client++) {
            all[client] = new Client(call, new Random(1000 + client), measureFrom, stop, finished, failure);
        }
        for (Client client : all) {
            client.next();
        }
        // The CPU each process used over the measured time, divided by the calls measured in it.
        sleepUntil(measureFrom);
        CpuMeter.Sample before = cpu.sample();
        sleepUntil(stop);
        CpuMeter.Sample after = cpu.sample();
        finished.await();
        if (failure.get() != null) {
            throw new IllegalStateException("a call failed", failure.get());
        }
        long[] merged = Arrays.stream(all).flatMapToLong(client -> Arrays.stream(client.latencies, 0, client.count))
                .sorted().toArray();
        if (merged.length == 0) {
            throw new IllegalStateException("no call completed within the measured time");
        }
        return new Result(percentile(merged, 50), percentile(merged, 95), percentile(merged, 99),
                merged.length / (millis / 1000.0), merged.length, after.perCall(before, merged.length));
    }

    /** One closed-loop client: its calls run one after the other, never two at once. */
    private static final class Client {

        private final Function<Random, ListenableFuture<?>> call;
        private final Random random;
        private final long measureFrom;
        private final long stop;
        private final CountDownLatch finished;
        private final AtomicReference<Throwable> failure;
        // Written by one call's completion at a time; each completion happens before the next call starts.
        private long[] latencies = new long[1024];
        private int count;

        Client(Function<Random, ListenableFuture<?>> call, Random random, long measureFrom, long stop,
               CountDownLatch finished, AtomicReference<Throwable> failure) {
            this.call = call;
            this.random = random;
            this.measureFrom = measureFrom;
            this.stop = stop;
            this.finished = finished;
            this.failure = failure;
        }

        void next() {
            long begin = System.nanoTime();
            if (begin >= stop || failure.get() != null) {
                finished.countDown();
                return;
            }
            ListenableFuture<?> pending = call.apply(random);
            pending.addListener(() -> completed(pending, begin), MoreExecutors.directExecutor());
        }

        private void completed(ListenableFuture<?> done, long begin) {
            long end = System.nanoTime();
            try {
                done.get();
            } catch (ExecutionException | InterruptedException | RuntimeException e) {
                failure.compareAndSet(null, e);
                finished.countDown();
                return;
            }
            if (begin >= measureFrom && end <= stop) {
                if (count == latencies.length) {
                    latencies = Arrays.copyOf(latencies, count * 2);
                }
                latencies[count++] = end - begin;
            }
            next();
        }
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            Thread.sleep(left / 1_000_000, (int) (left % 1_000_000));
        }
    }

    private static double percentile(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
