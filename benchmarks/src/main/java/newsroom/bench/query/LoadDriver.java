package newsroom.bench.query;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Drives one call with a fixed number of concurrent clients for a fixed time,
 * each client calling again as soon as its previous call returned (a closed
 * loop), and reports latency percentiles and throughput.
 */
final class LoadDriver {

    /** Latency percentiles in milliseconds and completed calls per second. */
    record Result(double p50, double p95, double p99, double throughput, long calls) {
    }

    private final int clients;

    LoadDriver(int clients) {
        this.clients = clients;
    }

    /**
     * Calls {@code call} (given each client's own random source) for
     * {@code warmupMillis} unmeasured, then for {@code millis} measured.
     */
    Result run(Consumer<Random> call, long warmupMillis, long millis) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(clients);
        try {
            List<Future<long[]>> results = new ArrayList<>();
            long start = System.nanoTime();
            long measureFrom = start + warmupMillis * 1_000_000;
            long stop = measureFrom + millis * 1_000_000;
            for (int client = 0; client < clients; client++) {
                Random random = new Random(1000 + client);
                results.add(pool.submit(() -> {
                    long[] latencies = new long[1024];
                    int count = 0;
                    while (true) {
                        long begin = System.nanoTime();
                        if (begin >= stop) {
                            break;
                        }
                        call.accept(random);
                        long end = System.nanoTime();
                        if (begin >= measureFrom && end <= stop) {
                            if (count == latencies.length) {
                                latencies = Arrays.copyOf(latencies, count * 2);
                            }
                            latencies[count++] = end - begin;
                        }
                    }
                    return Arrays.copyOf(latencies, count);
                }));
            }
            List<long[]> all = new ArrayList<>();
            for (Future<long[]> result : results) {
                all.add(result.get());
            }
            long[] merged = all.stream().flatMapToLong(Arrays::stream).sorted().toArray();
            if (merged.length == 0) {
                throw new IllegalStateException("no call completed within the measured time");
            }
            return new Result(percentile(merged, 50), percentile(merged, 95), percentile(merged, 99),
                    merged.length / (millis / 1000.0), merged.length);
        } finally {
            pool.shutdownNow();
        }
    }

    private static double percentile(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
