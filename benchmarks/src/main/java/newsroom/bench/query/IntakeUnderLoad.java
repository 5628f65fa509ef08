package newsroom.bench.query;

import com.google.common.util.concurrent.ListenableFuture;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import newsroom.bench.LoadAverage;
import newsroom.bench.ingest.ArticleStreams;

/**
 * ingest-service's accept rate with no queries and while the query clients drive a mix of
 * calls: {@code runs} times, articles streamed for {@code time} with nothing else running (idle),
 * then for {@code time} again while the clients drive the mix; the rates' medians and the
 * loaded median as a share of the idle one.
 *
 * <p>The clients start {@code settle} before the articles, so that they are all calling when
 * intake starts, and go on a second past the streams' time, while the last articles sent are
 * stored.
 */
final class IntakeUnderLoad {

    /** The rates of one configuration, in articles per second, and the mix's latency and throughput meanwhile. */
    record Comparison(double idle, double loaded, LoadDriver.Result queries) {

        double shareOfIdle() {
            return loaded / idle;
        }
    }

    private static final long AFTER_STREAMS_MILLIS = 1000;

    private final ArticleStreams streams;
    private final int runs;
    private final Duration time;
    private final long settleMillis;

    IntakeUnderLoad(ArticleStreams streams, int runs, Duration time, long settleMillis) {
        this.streams = streams;
        this.runs = runs;
        this.time = time;
        this.settleMillis = settleMillis;
    }

    /** Streams for {@code warmUp}, unmeasured: the service's intake path compiled before the first idle run. */
    void warmUp(Duration warmUp) throws Exception {
        if (warmUp.isZero()) {
            return;
        }
        ArticleStreams.Round round = streams.sendFor(warmUp);
        System.out.printf(Locale.ROOT, "  ingest warm-up, not measured: %d articles in %.1f s%n", round.accepted(),
                round.seconds());
    }

    /** Idle and loaded rounds in turn, {@code runs} times, {@code driver} driving {@code mix} in the loaded ones. */
    Comparison compare(String label, LoadDriver driver, List<Function<Random, ListenableFuture<?>>> mix)
            throws Exception {
        List<Double> idle = new ArrayList<>();
        List<Double> loaded = new ArrayList<>();
        List<LoadDriver.Result> queries = new ArrayList<>();
        ExecutorService clients = Executors.newSingleThreadExecutor();
        try {
            for (int run = 0; run < runs; run++) {
                ArticleStreams.Round alone = streams.sendFor(time);
                idle.add(alone.perSecond());
                System.out.printf(Locale.ROOT, "  ingest run %d %-22s idle %8.1f articles/s (%d in %.1f s); %s%n",
                        run + 1, label, alone.perSecond(), alone.accepted(), alone.seconds(), LoadAverage.now());
                Future<LoadDriver.Result> driving = clients.submit(
                        () -> driver.run(mix, settleMillis, time.toMillis() + AFTER_STREAMS_MILLIS));
                Thread.sleep(settleMillis);
                ArticleStreams.Round busy = streams.sendFor(time);
                LoadDriver.Result result = driving.get();
                loaded.add(busy.perSecond());
                queries.add(result);
                System.out.printf(Locale.ROOT, "  ingest run %d %-22s with queries %8.1f articles/s (%d in %.1f s);"
                                + " the mix: p50 %.2f p99 %.2f ms, %.1f calls/s; %s%n", run + 1, label,
                        busy.perSecond(), busy.accepted(), busy.seconds(), result.p50(), result.p99(),
                        result.throughput(), LoadAverage.now());
            }
        } finally {
            clients.shutdownNow();
        }
        return new Comparison(median(idle), median(loaded), new LoadDriver.Result(
                QueryBenchmark.median(queries, LoadDriver.Result::p50), QueryBenchmark.median(queries, LoadDriver.Result::p95),
                QueryBenchmark.median(queries, LoadDriver.Result::p99),
                QueryBenchmark.median(queries, LoadDriver.Result::throughput),
                queries.stream().mapToLong(LoadDriver.Result::calls).sum(),
                queries.stream().mapToLong(LoadDriver.Result::failed).sum(),
                queries.stream().map(LoadDriver.Result::firstFailure).filter(failure -> !failure.isEmpty())
                        .findFirst().orElse(""), ""));
    }

    private static double median(List<Double> values) {
        double[] sorted = values.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
