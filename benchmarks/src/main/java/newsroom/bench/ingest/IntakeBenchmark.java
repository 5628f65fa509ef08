package newsroom.bench.ingest;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import newsroom.cli.run.DatabaseConnection;
import newsroom.cli.run.PortCheck;
import newsroom.ingest.v1.IngestArticleRequest;
import newsroom.ingest.v1.IngestArticleResponse;
import newsroom.ingest.v1.IngestServiceGrpc;
import newsroom.localpostgres.DatabaseLogin;
import newsroom.localpostgres.DatabaseRole;
import newsroom.localpostgres.LocalPostgres;

/**
 * Intake without NLP: how fast ingest-service accepts and durably stores
 * articles, and whether that changes as the store grows.
 *
 * <p>Set-up: a fresh PostgreSQL from the embedded binaries with fsync and
 * synchronous commit on (the configuration of {@code newsroom up}; an
 * article is acknowledged only once its commit is on disk), and
 * ingest-service as a real process ({@link IntakeProcess}: {@code java -jar},
 * -Xmx512m) with its analysis worker switched off. Articles are {@link SyntheticArticles}:
 * distinct news-like texts of 12 to 30 bbc-news sentences, each with a URL.
 *
 * <p>At each store size (1,000 and 100,000 articles by default; the store is
 * filled through the service over the same bulk streams, untimed, so that it
 * holds what intake writes): throughput, {@code -Dwindow} articles sent over 4
 * concurrent {@code IngestArticles} streams as fast as the service takes them
 * ({@link ArticleStreams}), articles per second from first send to last
 * result; then latency, 1,000 {@code IngestArticle} calls from 4
 * client threads, each timed from send to reply, p50 and p99. Repeated
 * {@code -Druns} times per size; medians reported. The baseline in the same
 * run, on the same database: the same texts inserted with plain JDBC into a
 * table of the benchmark's own shaped like {@code article}, one transaction
 * per article and 4 connections (what the storing alone costs, without
 * validation, cleaning, language, same-story index or gRPC).
 *
 * <p>Before the first size is measured, a warm-up on the empty store (not
 * measured, reported as such): {@code -Dwarmup} throwaway articles through the
 * same bulk streams, {@code -Dwarmup.calls} single calls and a window's worth of
 * baseline rows, in two rounds, so that the first figures are not those of a
 * JIT still compiling (in the service or in this client: see {@link #warmUp});
 * the tables are then emptied and filled to the first size. After each fill the store is brought to
 * rest before anything is timed: {@code CHECKPOINT}, so the fill's dirty
 * pages are not flushed during the measurement, and {@code VACUUM ANALYZE},
 * the statistics autovacuum would soon gather anyway (the same-story look-up
 * once changed plan when they appeared: see {@code StoryIndex.CANDIDATE_ROWS};
 * measuring with them makes that case the measured one, not a matter of when
 * autovacuum runs).
 *
 * <pre>flock /work/bench.lock ./mvnw -q -pl benchmarks exec:java@ingest-intake [-Dsizes=1000,100000] [-Druns=3]
 *     [-Dwindow=4000] [-Dwarmup=12000] [-Dwarmup.calls=12000] [-Ddiagnose=true]
 *     [-Dingest.jvmOptions="-Xlog:gc ..."]</pre>
 *
 * <p>{@code -Dingest.jvmOptions} adds options to ingest-service's JVM, after those
 * {@code newsroom up} gives it (for profiling: a flight recording, GC logging, another GC).
 * {@code -Ddiagnose=true} prints, for each timed window, where it went ({@link WindowDiagnostics})
 * and the slowest single calls with their time into the window.
 */
public final class IntakeBenchmark {

    private static final Path HOME = Path.of(System.getProperty("newsroom.home", ".")).toAbsolutePath().normalize();
    private static final int CLIENTS = 4;
    private static final int LATENCY_CALLS = 1_000;

    private final SyntheticArticles articles;
    private final AtomicLong next = new AtomicLong();
    private IntakeProcess ingest;
    private ArticleStreams streams;

    private IntakeBenchmark(SyntheticArticles articles) {
        this.articles = articles;
    }

    public static void main(String[] args) throws Exception {
        Path eval = Path.of(System.getProperty("eval", "../shared/eval"));
        long[] sizes = Arrays.stream(System.getProperty("sizes", "1000,100000").split(","))
                .mapToLong(Long::parseLong).toArray();
        int runs = Integer.getInteger("runs", 3);
        int window = Integer.getInteger("window", 4_000);
        int warmup = Integer.getInteger("warmup", 12_000);
        int warmupCalls = Integer.getInteger("warmup.calls", 12_000);
        IntakeBenchmark bench = new IntakeBenchmark(new SyntheticArticles(eval.resolve("bbc-news/bbc_news.jsonl")));
        Path work = Files.createTempDirectory("newsroom-intake-bench");
        try (LocalPostgres postgres = LocalPostgres.start(work.resolve("pgdata"), work.resolve("credentials"), PortCheck.freePort());
             IntakeProcess ingest = IntakeProcess.start(HOME, DatabaseConnection.of(postgres), work.resolve("logs"),
                     Map.of())) {
            bench.streams = new ArticleStreams(ingest.channel(), CLIENTS,
                    () -> bench.articles.article(bench.next.getAndIncrement()));
            bench.ingest = ingest;
            bench.run(urlOf(postgres, DatabaseRole.OWNER), urlOf(postgres, DatabaseRole.SUPERUSER), sizes, runs, window,
                    warmup, warmupCalls);
        } finally {
            deleteTree(work);
        }
    }

    /** The scratch directory (the 100,000-article store takes gigabytes) goes when the run ends. */
    private static void deleteTree(Path root) throws java.io.IOException {
        try (java.util.stream.Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    /**
     * The JDBC URL of the store with {@code role}'s login in it: the benchmark empties and reads it
     * directly as the owner, and brings it to rest as the superuser (CHECKPOINT).
     */
    private static String urlOf(LocalPostgres postgres, DatabaseRole role) {
        DatabaseLogin login = postgres.login(role);
        return postgres.jdbcUrl() + "?user=" + login.user() + "&password=" + login.password();
    }

    private void run(String jdbcUrl, String superuserUrl, long[] sizes, int runs, int window, int warmup,
                     int warmupCalls)
            throws Exception {
        System.out.printf("machine: %d cores, %s; client and server on the same machine%n",
                Runtime.getRuntime().availableProcessors(), System.getProperty("java.vm.version"));
        System.out.printf("PostgreSQL: fsync %s, synchronous_commit %s%n", setting(jdbcUrl, "fsync"),
                setting(jdbcUrl, "synchronous_commit"));
        System.out.printf("%-10s %-34s %10s %10s %10s%n", "stored", "measure", "median", "min", "max");
        for (int s = 0; s < sizes.length; s++) {
            long size = sizes[s];
            if (s == 0 && (warmup > 0 || warmupCalls > 0)) {
                warmUp(jdbcUrl, warmup, warmupCalls, window);
            }
            fillTo(jdbcUrl, size);
            bringToRest(superuserUrl);
            List<Double> rates = new ArrayList<>();
            List<Double> p50s = new ArrayList<>();
            List<Double> p99s = new ArrayList<>();
            List<Double> baselines = new ArrayList<>();
            long storedAtStart = stored(jdbcUrl);
            if (Boolean.getBoolean("diagnose")) {
                WindowDiagnostics.printSizes(jdbcUrl);
            }
            for (int run = 0; run < runs; run++) {
                try (AutoCloseable d = diagnose(jdbcUrl, "bulk " + size + " run " + run)) {
                    rates.add(bulkRate(window));
                }
                double[] latency;
                try (AutoCloseable d = diagnose(jdbcUrl, "single " + size + " run " + run)) {
                    latency = latencies(LATENCY_CALLS);
                }
                System.out.printf("  (run %d: bulk %.1f/s, p50 %.1f ms, p99 %.1f ms)%n", run, rates.get(run), latency[0],
                        latency[1]);
                p50s.add(latency[0]);
                p99s.add(latency[1]);
                baselines.add(jdbcBaseline(jdbcUrl, window));
            }
            String label = String.format("%,d", storedAtStart);
            print(label, "bulk intake, articles/s", rates);
            print(label, "IngestArticle latency p50, ms", p50s);
            print(label, "IngestArticle latency p99, ms", p99s);
            print(label, "baseline: plain JDBC insert, rows/s", baselines);
        }
    }

    private static AutoCloseable diagnose(String jdbcUrl, String label) throws Exception {
        return Boolean.getBoolean("diagnose") ? new WindowDiagnostics(jdbcUrl, label) : () -> { };
    }

    private static void print(String size, String measure, List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        System.out.printf("%-10s %-34s %10.1f %10.1f %10.1f%n", size, measure, sorted.get(sorted.size() / 2),
                sorted.get(0), sorted.get(sorted.size() - 1));
    }

    /**
     * Fills the store to {@code size} articles through the service itself, over the same bulk
     * streams as the timed windows (untimed), so that the store measured holds the rows intake
     * writes, whatever they are: at the bulk rate, 100,000 articles take about a minute.
     */
    private void fillTo(String jdbcUrl, long size) throws Exception {
        long started = System.nanoTime();
        long missing = size - stored(jdbcUrl);
        if (missing > 0) {
            streams.send(missing);
        }
        System.out.printf("(store filled to %,d articles in %.0f s)%n", stored(jdbcUrl),
                (System.nanoTime() - started) / 1e9);
    }

    /**
     * Throwaway work of every timed kind, on the empty store: {@code articles} through bulk streams,
     * {@code calls} single calls and plain-JDBC baseline rows, in two rounds (the JIT recompiles
     * what the other kind of call changed in its profile), so that the JIT of the service and of
     * this client has settled before anything is timed. Then the tables are emptied
     * ({@code TRUNCATE}: the store starts as one that only ever grew, as intake's does).
     *
     * <p>Why as many single calls as bulk articles: with 3,000 single calls (before 2026-11-29,
     * 14:50) the single-call path was still being compiled during the first sizes' latency
     * windows, the C2 compilers of the service and of this client taking about 1.4 of the 3.5
     * CPU-seconds the two cores gave to a window; p50 and p99 then fell run after run as the
     * store grew from 1,000 to 31,000 articles, whatever its size (see BENCHMARKS.md, "Ingest
     * (issue 4)"): the first size measured was the JIT's, not the store's.
     */
    private void warmUp(String jdbcUrl, int articles, int calls, int baselineRows) throws Exception {
        long started = System.nanoTime();
        for (int round = 0; round < 2; round++) {
            bulk(articles / 2);
            latencies(calls / 2);
            jdbcBaseline(jdbcUrl, baselineRows / 2);
        }
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             Statement statement = connection.createStatement()) {
            statement.execute("TRUNCATE article, bench_baseline CASCADE");
        }
        System.out.printf("(warm-up, not measured: %,d articles in bulk, %,d single calls, %,d baseline rows in"
                + " %.0f s, then emptied)%n", articles / 2 * 2, calls / 2 * 2, baselineRows / 2 * 2,
                (System.nanoTime() - started) / 1e9);
    }

    /** The fill's dirty pages flushed and the tables' statistics current, before anything is timed. */
    private static void bringToRest(String jdbcUrl) throws Exception {
        long started = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             Statement statement = connection.createStatement()) {
            statement.execute("VACUUM ANALYZE");
            statement.execute("CHECKPOINT");
        }
        System.out.printf("(VACUUM ANALYZE and CHECKPOINT in %.1f s)%n", (System.nanoTime() - started) / 1e9);
    }

    private static String setting(String jdbcUrl, String name) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SHOW " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }

    private double bulkRate(int count) throws Exception {
        return streams.send(count).perSecond();
    }

    /** Sends {@code count} new articles over {@link #CLIENTS} concurrent streams; returns when all are stored. */
    private void bulk(int count) throws Exception {
        streams.send(count);
    }

    /** {@code calls} single calls from {@link #CLIENTS} threads; their latency p50 and p99, in ms. */
    private double[] latencies(int calls) throws Exception {
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        long[] nanos = new long[calls];
        long[] sent = new long[calls];
        long windowStart = System.nanoTime();
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                work.add(clients.submit(() -> {
                    IngestServiceGrpc.IngestServiceBlockingStub stub = IngestServiceGrpc.newBlockingStub(ingest.channel());
                    for (int i = client; i < calls; i += CLIENTS) {
                        IngestArticleRequest request = IngestArticleRequest.newBuilder()
                                .setArticle(articles.article(next.getAndIncrement())).build();
                        long start = System.nanoTime();
                        sent[i] = start;
                        IngestArticleResponse response = stub.ingestArticle(request);
                        nanos[i] = System.nanoTime() - start;
                        if (response.getAlreadyStored()) {
                            throw new IllegalStateException("expected a new article");
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : work) {
                future.get();
            }
        } finally {
            clients.shutdownNow();
        }
        if (Boolean.getBoolean("diagnose")) {
            Integer[] order = new Integer[calls];
            for (int i = 0; i < calls; i++) {
                order[i] = i;
            }
            Arrays.sort(order, (a, b) -> Long.compare(nanos[b], nanos[a]));
            StringBuilder slowest = new StringBuilder("  slowest calls (ms @ s into window):");
            for (int i = 0; i < Math.min(15, calls); i++) {
                slowest.append(String.format(" %.1f@%.2f", nanos[order[i]] / 1e6, (sent[order[i]] - windowStart) / 1e9));
            }
            System.out.println(slowest);
        }
        Arrays.sort(nanos);
        return new double[] {nanos[calls / 2] / 1e6, nanos[(int) (calls * 0.99)] / 1e6};
    }

    /**
     * The baseline: the same texts with plain JDBC into a table of the benchmark's own shaped like
     * {@code article}, one commit per row, so what storing alone costs, without the service.
     */
    private double jdbcBaseline(String jdbcUrl, int count) throws Exception {
        try (Connection setup = DriverManager.getConnection(jdbcUrl);
             Statement statement = setup.createStatement()) {
            statement.execute("CREATE TABLE IF NOT EXISTS bench_baseline (id bigserial PRIMARY KEY, url text UNIQUE,"
                    + " title text, cleaned_text text, raw_content text, content_sha256 text UNIQUE)");
        }
        long base = next.getAndAdd(count);
        long start = System.nanoTime();
        ExecutorService clients = Executors.newFixedThreadPool(CLIENTS);
        try {
            List<Future<?>> work = new ArrayList<>();
            for (int c = 0; c < CLIENTS; c++) {
                int client = c;
                work.add(clients.submit(() -> {
                    try (Connection connection = DriverManager.getConnection(jdbcUrl);
                         PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_baseline"
                                 + " (url, title, cleaned_text, raw_content, content_sha256) VALUES (?, ?, ?, ?, ?)")) {
                        for (int i = client; i < count; i += CLIENTS) {
                            String text = articles.text(base + i);
                            insert.setString(1, "https://bench.example.org/baseline/" + (base + i));
                            insert.setString(2, articles.title(base + i));
                            insert.setString(3, text);
                            insert.setString(4, text);
                            insert.setString(5, Long.toHexString(base + i) + "-" + text.hashCode());
                            insert.executeUpdate();
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> future : work) {
                future.get();
            }
        } finally {
            clients.shutdownNow();
        }
        return count / ((System.nanoTime() - start) / 1e9);
    }

    private static long stored(String jdbcUrl) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM article")) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
