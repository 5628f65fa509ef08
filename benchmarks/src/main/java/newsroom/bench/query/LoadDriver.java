package newsroom.bench.query;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.common.util.concurrent.MoreExecutors;
import newsroom.bench.CpuMeter;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
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
 *
 * <p>A failed call (a statement past its timeout, say) is counted and its
 * time measured like any other, and the client goes on: one slow statement
 * among tens of thousands is a figure of the run, not its end. A run ends
 * early only when more than {@link #MAX_FAILED_SHARE} of its calls failed,
 * which says the service is down or refusing, not slow.
 */
final class LoadDriver {

    /** The share of a phase's calls that may fail before the phase stops with the first failure. */
    static final double MAX_FAILED_SHARE = 0.01;

    // Failures a phase tolerates whatever its calls so far, so that a failure among its first calls does not end it.
    private static final long FAILURES_ALWAYS_TOLERATED = 10;

    /**
     * Latency percentiles in milliseconds (failed calls included), completed calls per second, the
     * calls measured, those of them that failed (and the first failure's message), and CPU per call by process.
     */
    record Result(double p50, double p95, double p99, double throughput, long calls, long failed,
                  String firstFailure, String cpuPerCall) {
    }

    /** How long a warm-up ran: the calls completed (failed ones included), those that failed, and the seconds. */
    record WarmUp(long calls, long failed, double seconds) {
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
        return new WarmUp(completed, phase.failures.failed.get(), (System.nanoTime() - start) / 1e9);
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
        phase.awaitUntil(measureFrom);
        CpuMeter.Sample before = cpu.sample();
        phase.awaitUntil(stop);
        CpuMeter.Sample after = cpu.sample();
        phase.await();
        long[] merged = Arrays.stream(phase.clients).flatMapToLong(client -> Arrays.stream(client.latencies, 0, client.count))
                .sorted().toArray();
        if (merged.length == 0) {
            throw new IllegalStateException("no call completed within the measured time");
        }
        long failed = Arrays.stream(phase.clients).mapToLong(client -> client.failedMeasured).sum();
        Throwable first = phase.failures.first.get();
        return new Result(percentile(merged, 50), percentile(merged, 95), percentile(merged, 99),
                merged.length / (millis / 1000.0), merged.length, failed, first == null ? "" : String.valueOf(first),
                after.perCall(before, merged.length));
    }

    /** The calls of a phase that failed, the first of them, and whether there have been too many to go on. */
    private static final class Failures {
        final AtomicLong failed = new AtomicLong();
        final AtomicLong completed = new AtomicLong();
        final AtomicReference<Throwable> first = new AtomicReference<>();
        volatile boolean tooMany;

        void succeeded() {
            completed.incrementAndGet();
        }

        void failed(Throwable failure) {
            first.compareAndSet(null, failure);
            long failures = failed.incrementAndGet();
            long calls = completed.incrementAndGet();
            if (failures > FAILURES_ALWAYS_TOLERATED && failures > MAX_FAILED_SHARE * calls) {
                tooMany = true;
            }
        }
    }

    /** The clients of one warm-up or timed run, the latch each counts down when it stops, and the failures. */
    private record Phase(Client[] clients, CountDownLatch finished, Failures failures) {

        /** Waits until {@code nanoTime}, or less when every client has stopped (too many failures). */
        void awaitUntil(long nanoTime) throws InterruptedException {
            finished.await(Math.max(0, nanoTime - System.nanoTime()), TimeUnit.NANOSECONDS);
        }

        void await() throws InterruptedException {
            finished.await();
            if (failures.tooMany) {
                throw new IllegalStateException(failures.failed.get() + " of " + failures.completed.get()
                        + " calls failed, more than " + (int) (MAX_FAILED_SHARE * 100) + "%", failures.first.get());
            }
        }
    }

    private Phase start(List<Function<Random, ListenableFuture<?>>> mix, int firstSeed, long measureFrom, long stop,
                        AtomicLong callsLeft) {
        if (mix.isEmpty()) {
            throw new IllegalArgumentException("no call to drive");
        }
        CountDownLatch finished = new CountDownLatch(clients);
        Failures failures = new Failures();
        Client[] all = new Client[clients];
        for (int client = 0; client < clients; client++) {
            all[client] = new Client(List.copyOf(mix), client % mix.size(), new Random(firstSeed + client), measureFrom,
                    stop, callsLeft, finished, failures);
        }
        for (Client client : all) {
            client.next();
        }
        return new Phase(all, finished, failures);
    }

    /** One closed-loop client: its calls run one after the other, never two at once. */
    private static final class Client {

        private final List<Function<Random, ListenableFuture<?>>> mix;
        private final Random random;
        private final long measureFrom;
        private final long stop;
        private final AtomicLong callsLeft;
        private final CountDownLatch finished;
        private final Failures failures;
        // Written by one call's completion at a time; each completion happens before the next call starts.
        private long[] latencies = new long[1024];
        private int count;
        private long completed;
        private long failedMeasured;
        // The mix's call this client makes next.
        private int turn;

        Client(List<Function<Random, ListenableFuture<?>>> mix, int firstTurn, Random random, long measureFrom,
               long stop, AtomicLong callsLeft, CountDownLatch finished, Failures failures) {
            this.mix = mix;
            this.turn = firstTurn;
            this.random = random;
            this.measureFrom = measureFrom;
            this.stop = stop;
            this.callsLeft = callsLeft;
            this.finished = finished;
            this.failures = failures;
        }

        void next() {
            long begin = System.nanoTime();
            if (begin >= stop || failures.tooMany || callsLeft.getAndDecrement() <= 0) {
                finished.countDown();
                return;
            }
            ListenableFuture<?> pending = mix.get(turn).apply(random);
            turn = (turn + 1) % mix.size();
            pending.addListener(() -> completed(pending, begin), MoreExecutors.directExecutor());
        }

        private void completed(ListenableFuture<?> done, long begin) {
            long end = System.nanoTime();
            boolean measured = begin >= measureFrom && end <= stop;
            try {
                done.get();
                failures.succeeded();
            } catch (ExecutionException | InterruptedException | RuntimeException e) {
                failures.failed(e);
                if (measured) {
                    failedMeasured++;
                }
            }
            completed++;
            if (measured) {
                if (count == latencies.length) {
                    latencies = Arrays.copyOf(latencies, count * 2);
                }
                latencies[count++] = end - begin;
            }
            next();
        }
    }

    private static double percentile(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
