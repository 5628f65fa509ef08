package newsroom.bench.query;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import newsroom.bench.CpuMeter;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Drives one call, or a mix of calls, with a fixed number of concurrent
 * clients, each client calling again as soon as its previous call returned (a
 * closed loop): for a number of calls to warm the call up, or for a fixed time
 * to report latency percentiles and throughput.
 *
 * <p>A mix is taken in turn: each client makes the mix's calls one after the
 * other and starts again with the first, client {@code k} starting at call
 * {@code k} (modulo the mix's size), so that the calls in flight at any time
 * are spread over the mix rather than all of one kind.
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

    /** How long a warm-up ran: the calls completed and the seconds they took. */
    record WarmUp(long calls, double seconds) {
    }

    private final int clients;
    private final CpuMeter cpu;

    LoadDriver(int clients, CpuMeter cpu) {
        this.clients = clients;
        this.cpu = cpu;
    }

    /**
     * Starts {@code call} with every client until {@code calls} calls have
     * been started or {@code maxMillis} have passed, whichever comes first, and
     * measures nothing: the service's JIT compiles the call's paths (C2 needs
     * some thousands of invocations of a method, and compiles in the
     * background) and PostgreSQL reads the call's data into its cache before a
     * timed run. The clients draw from other random sources than the timed
     * runs', so the warm-up does not replay their requests.
     */
    WarmUp warmUp(Function<Random, ListenableFuture<?>> call, long calls, long maxMillis) throws Exception {
        long start = System.nanoTime();
        Phase phase = start(List.of(call), 2000, Long.MAX_VALUE, start + maxMillis * 1_000_000, new AtomicLong(calls));
        phase.await();
        long completed = Arrays.stream(phase.clients).mapToLong(client -> client.completed).sum();
        return new WarmUp(completed, (System.nanoTime() - start) / 1e9);
    }

    /**
     * Starts {@code call} (given each client's own random source) again and
     * again for {@code settleMillis} unmeasured, so that the clients have
     * switched from the previous call to this one, then for {@code millis}
     * measured.
     */
    Result run(Function<Random, ListenableFuture<?>> call, long settleMillis, long millis) throws Exception {
        return run(List.of(call), settleMillis, millis);
    }

    /**
     * As {@link #run(Function, long, long)}, each client taking the calls of {@code mix} in turn;
     * the result is that of all the mix's calls together.
     */
    Result run(List<Function<Random, ListenableFuture<?>>> mix, long settleMillis, long millis) throws Exception {
        long start = System.nanoTime();
        long measureFrom = start + settleMillis * 1_000_000;
        long stop = measureFrom + millis * 1_000_000;
        Phase phase = start(mix, 1000, measureFrom, stop, new AtomicLong(Long.MAX_VALUE));
        // The CPU each process used over the measured time, divided by the calls measured in it.
        sleepUntil(measureFrom);
        CpuMeter.Sample before = cpu.sample();
        sleepUntil(stop);
        CpuMeter.Sample after = cpu.sample();
        phase.await();
        long[] merged = Arrays.stream(phase.clients).flatMapToLong(client -> Arrays.stream(client.latencies, 0, client.count))
                .sorted().toArray();
        if (merged.length == 0) {
            throw new IllegalStateException("no call completed within the measured time");
        }
        return new Result(percentile(merged, 50), percentile(merged, 95), percentile(merged, 99),
                merged.length / (millis / 1000.0), merged.length, after.perCall(before, merged.length));
    }

    /** The clients of one warm-up or timed run, the latch each counts down when it stops, and the first failure. */
    private record Phase(Client[] clients, CountDownLatch finished, AtomicReference<Throwable> failure) {

        void await() throws InterruptedException {
            finished.await();
            if (failure.get() != null) {
                throw new IllegalStateException("a call failed", failure.get());
            }
        }
    }

    private Phase start(List<Function<Random, ListenableFuture<?>>> mix, int firstSeed, long measureFrom, long stop,
                        AtomicLong callsLeft) {
        if (mix.isEmpty()) {
            throw new IllegalArgumentException("no call to drive");
        }
        CountDownLatch finished = new CountDownLatch(clients);
        AtomicReference<Throwable> failure = new AtomicReference<>();
        Client[] all = new Client[clients];
        for (int client = 0; client < clients; client++) {
            all[client] = new Client(List.copyOf(mix), client % mix.size(), new Random(firstSeed + client), measureFrom,
                    stop, callsLeft, finished, failure);
        }
        for (Client client : all) {
            client.next();
        }
        return new Phase(all, finished, failure);
    }

    /** One closed-loop client: its calls run one after the other, never two at once. */
    private static final class Client {

        private final List<Function<Random, ListenableFuture<?>>> mix;
        private final Random random;
        private final long measureFrom;
        private final long stop;
        private final AtomicLong callsLeft;
        private final CountDownLatch finished;
        private final AtomicReference<Throwable> failure;
        // Written by one call's completion at a time; each completion happens before the next call starts.
        private long[] latencies = new long[1024];
        private int count;
        private long completed;
        // The mix's call this client makes next.
        private int turn;

        Client(List<Function<Random, ListenableFuture<?>>> mix, int firstTurn, Random random, long measureFrom,
               long stop, AtomicLong callsLeft, CountDownLatch finished, AtomicReference<Throwable> failure) {
            this.mix = mix;
            this.turn = firstTurn;
            this.random = random;
            this.measureFrom = measureFrom;
            this.stop = stop;
            this.callsLeft = callsLeft;
            this.finished = finished;
            this.failure = failure;
        }

        void next() {
            long begin = System.nanoTime();
            if (begin >= stop || failure.get() != null || callsLeft.getAndDecrement() <= 0) {
                finished.countDown();
                return;
            }
            ListenableFuture<?> pending = mix.get(turn).apply(random);
            turn = (turn + 1) % mix.size();
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
            completed++;
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
