package newsroom.bench.query;

import com.google.common.util.concurrent.ListenableFuture;
import com.google.protobuf.Timestamp;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import newsroom.auth.BearerKey;
import newsroom.bench.CoreSplit;
import newsroom.bench.CpuMeter;
import newsroom.bench.LoadAverage;
import newsroom.bench.ServiceReadiness;
import newsroom.bench.ingest.ArticleStreams;
import newsroom.bench.ingest.IntakeProcess;
import newsroom.bench.ingest.SyntheticArticles;
import newsroom.cli.credentials.LocalCredentials;
import newsroom.cli.run.DatabaseConnection;
import newsroom.cli.run.PortCheck;
import newsroom.cli.run.ReadinessProbe;
import newsroom.cli.run.ServiceProcess;
import newsroom.ingest.v1.Article;
import newsroom.localpostgres.DatabaseLogin;
import newsroom.localpostgres.DatabaseRole;
import newsroom.localpostgres.LocalPostgres;
import newsroom.localpostgres.LocalReplica;
import newsroom.query.v1.GetArticleRequest;
import newsroom.query.v1.GetCoMentionsRequest;
import newsroom.query.v1.GetEntityRequest;
import newsroom.query.v1.GetEntityTimelineRequest;
import newsroom.query.v1.GetStoryRequest;
import newsroom.query.v1.ListQuotesRequest;
import newsroom.query.v1.ListStoriesRequest;
import newsroom.query.v1.QueryServiceGrpc;
import newsroom.query.v1.SearchArticlesRequest;
import newsroom.query.v1.SearchEntitiesRequest;
import newsroom.query.v1.TimelineGranularity;

/**
 * The query service under load: widens the first {@code base} articles of
 * the analysed sample ({@link SampleAnalysis}) into stores of each size in
 * {@code sizes} ({@link WidenedStore}); at each size warms every RPC up with
 * {@code clients} concurrent gRPC clients for {@code warmup.calls} calls (at
 * most {@code warmup.seconds}), then drives each RPC for {@code seconds},
 * {@code runs} times, and prints each run with the machine's load average
 * before and after it, and the median over runs of p50/p95/p99 latency and
 * throughput per size. The baseline ({@link Baseline}), measured in the same
 * run on the same store with one JDBC client, is the service's own statements
 * beside the ones they replaced (e.g. aggregating the raw mention and
 * article_entity tables, the schema before V4). It also writes EXPLAIN
 * (ANALYZE, BUFFERS) of the service's main statements at the largest size to
 * {@code plans} ({@link QueryPlans}).
 *
 * <p>Run (BENCHMARKS.md): {@code ./mvnw -q -pl benchmarks exec:java@query -Dsample=<files> -Dbase=685
 * -Dsizes=10000,100000 -Druns=3 -Dseconds=8 -Dclients=16 -Dwarmup.calls=20000 -Dwarmup.seconds=120
 * [-Dreplica=true] [-Dingest=true -Dingest.seconds=20 -Dingest.streams=4 -Dingest.warmup.seconds=30]};
 * {@code -Drpcs=GetEntity,...} drives only those RPCs, {@code -Djfr=<file>} records the service with JFR,
 * {@code -Dbaseline=false} skips the JDBC baseline, {@code -Dquery.jar=<quarkus-run.jar>} drives another
 * build of the service, {@code -Dquery.jvmOptions="..."} adds options to its JVM.
 *
 * <p>{@code -Dreplica=true}: at each size, after the runs above, a streaming replica of the
 * store ({@link LocalReplica}: a base backup with PostgreSQL's own API, whose time is printed)
 * and a second query-service reading from it ({@code NEWSROOM_DB_READ_URL}, docs/replicas.md);
 * once that service reads from the replica ({@code newsroom_query_replica_in_use} is 1), the
 * same warm-up and timed runs, printed as a second table "with the replica", with the replica's
 * lag over the runs and the calls each store answered ({@code newsroom_query_reads_total}).
 * The replica and its service are stopped afterwards and the replica's data directory removed.
 * {@code -Dreplica.own.cores=true} puts the replica on cores of its own for that configuration,
 * as on a machine of its own ({@link CoreSplit}): the primary and ingest-service on one half of
 * the CPUs, the replica, its query-service and the clients on the other; its table and ingest
 * line are named "with the replica on its own cores".
 *
 * <p>{@code -Dingest=true}: ingest-service as a real process on the same primary, its analysis
 * worker off ({@link IntakeProcess}), and at each size its accept rate ({@link IntakeUnderLoad}):
 * {@link SyntheticArticles} (bbc-news sentences, from {@code -Deval}, default ../shared/eval)
 * published within the store's date range, streamed for {@code ingest.seconds} over
 * {@code ingest.streams} concurrent {@code IngestArticles} streams, idle and while the
 * {@code clients} query clients drive {@link #MIX} in turn, against the primary-only service
 * and, with {@code -Dreplica=true}, against the replica-reading one (whose idle rounds have the
 * replica streaming); each rate's median over {@code runs} and the loaded one as a share of the
 * idle one. The first size starts with {@code ingest.warmup.seconds} of unmeasured intake. The articles
 * stay ACCEPTED, so the backlog limit is raised for the run ({@link #INGEST_SETTINGS}); they
 * are deleted after each size, so every size's queries read the widened store alone. With
 * ingest, PostgreSQL is durable (fsync and synchronous commit on, as {@code newsroom up} runs
 * it), so an article is accepted only once its commit is on disk, as in the intake benchmark;
 * without ingest, it is a throw-away server with neither, which loads the store faster.
 *
 * <p>Each size ends with a summary to paste into BENCHMARKS.md: one table per configuration
 * (primary only, with the replica) and the ingest lines.
 */
public final class QueryBenchmark {

    /** The base sample of BENCHMARKS.md's figures: the first 685 articles of SampleAnalysis's interleaved list. */
    private static final int BASE_SIZE = 685;
    /**
     * Calls per RPC before its timed runs: C2 compiles a method after some
     * thousands of invocations (with loops, fewer), so code that runs once per
     * call of one RPC is compiled within the first 15,000 or so of its calls.
     */
    private static final long WARMUP_CALLS = 20_000;
    /** The warm-up's bound in time, for the RPCs that cannot make WARMUP_CALLS calls in it at large sizes. */
    private static final long WARMUP_SECONDS = 120;
    /** Unmeasured time at the start of each timed run, while the clients switch over from the previous RPC. */
    private static final long SETTLE_MILLIS = 2000;
    /** The calls the query clients make in turn while ingest is measured: the four targets. */
    static final List<String> MIX = List.of("SearchArticles", "ListQuotes", "GetEntityTimeline", "GetEntity");
    /**
     * ingest-service's settings for the run: articles accepted here stay ACCEPTED (no analysis
     * worker), and the default backlog limit (200,000) would refuse them once that many
     * accumulated over the sizes; the limit is not what is measured.
     */
    private static final Map<String, String> INGEST_SETTINGS = Map.of("NEWSROOM_INGEST_MAX_BACKLOG", "1000000000");
    /** How long a new replica may take to be read from: it first replays what was written during its base backup. */
    private static final Duration REPLICA_CATCH_UP = Duration.ofMinutes(10);

    /** How each configuration is measured, from the command line. */
    private record Protocol(int runs, int clients, long seconds, long warmupCalls, long warmupSeconds, int baseSize) {
    }

    /** A query-service process and the benchmark's channel to it. */
    private record QueryService(ServiceProcess process, ManagedChannel channel, int adminPort) implements AutoCloseable {

        QueryServiceGrpc.QueryServiceFutureStub stub() {
            return QueryServiceGrpc.newFutureStub(channel);
        }

        @Override
        public void close() throws InterruptedException {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            process.stop(Duration.ofSeconds(20));
        }
    }

    private QueryBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("newsroom.home", ".")).toAbsolutePath().normalize();
        List<Path> sampleFiles = new ArrayList<>();
        for (String file : System.getProperty("sample", "/tmp/newsroom-query-sample.bin").split(",")) {
            sampleFiles.add(Path.of(file.strip()));
        }
        int baseSize = Integer.getInteger("base", BASE_SIZE);
        List<AnalyzedSample> base = AnalyzedSample.readFirst(sampleFiles, baseSize);
        Protocol protocol = new Protocol(Integer.getInteger("runs", 3), Integer.getInteger("clients", 16),
                Long.getLong("seconds", 8), Long.getLong("warmup.calls", WARMUP_CALLS),
                Long.getLong("warmup.seconds", WARMUP_SECONDS), base.size());
        Path plans = Path.of(System.getProperty("plans", "/tmp/newsroom-query-plans.txt"));
        List<Integer> sizes = new ArrayList<>();
        for (String size : System.getProperty("sizes", "10000,100000").split(",")) {
            sizes.add(Integer.parseInt(size.strip()));
        }
        boolean replica = Boolean.getBoolean("replica");
        boolean ingest = Boolean.getBoolean("ingest");
        long ingestSeconds = Long.getLong("ingest.seconds", 20);
        int ingestStreams = Integer.getInteger("ingest.streams", 4);
        long ingestWarmupSeconds = Long.getLong("ingest.warmup.seconds", 30);
        long reuters = base.stream().filter(sample -> sample.source().equals("Reuters")).count();
        System.out.printf(Locale.ROOT, "base sample: -Dbase=%d, the first %d analysed articles of %s (%d Reuters, %d BBC)%n",
                baseSize, base.size(), sampleFiles, reuters, base.size() - reuters);
        System.out.printf(Locale.ROOT, "settings: -Dsizes=%s -Druns=%d -Dseconds=%d -Dclients=%d -Dwarmup.calls=%d"
                        + " -Dwarmup.seconds=%d%s -Dreplica=%s%s -Dingest=%s%s%n",
                sizes.stream().map(String::valueOf).collect(Collectors.joining(",")),
                protocol.runs(), protocol.seconds(), protocol.clients(), protocol.warmupCalls(), protocol.warmupSeconds(),
                System.getProperty("rpcs", "").isEmpty() ? "" : " -Drpcs=" + System.getProperty("rpcs"), replica,
                Boolean.getBoolean("replica.own.cores") ? " -Dreplica.own.cores=true" : "", ingest,
                ingest ? String.format(Locale.ROOT, " -Dingest.seconds=%d -Dingest.streams=%d -Dingest.warmup.seconds=%d",
                        ingestSeconds, ingestStreams, ingestWarmupSeconds) : "");
        System.out.printf(Locale.ROOT, "machine: %d cores, Java %s; %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), LoadAverage.now());

        Path work = Files.createTempDirectory("newsroom-query-bench-");
        Path pgdata = work.resolve("pgdata");
        try (LocalPostgres postgres = ingest
                ? LocalPostgres.start(pgdata, work.resolve("credentials"), PortCheck.freePort())
                : LocalPostgres.startThrowAway()) {
            System.out.println(ingest ? "PostgreSQL: durable (fsync and synchronous_commit on, as newsroom up runs it)"
                    : "PostgreSQL: throw-away (fsync and synchronous_commit off)");
            LocalCredentials credentials = LocalCredentials.ensure(work.resolve("credentials"));
            DatabaseLogin owner = postgres.login(DatabaseRole.OWNER);
            // No ingest-service yet to migrate the store: query-service does it this once, as the owner.
            QueryService query = startQueryService(home, work, "query-service", postgres, credentials,
                    Map.of("QUARKUS_FLYWAY_MIGRATE_AT_START", "true",
                            "QUARKUS_FLYWAY_USERNAME", owner.user(), "QUARKUS_FLYWAY_PASSWORD", owner.password()));
            IntakeProcess intake = null;
            try (Connection connection = postgres.connect(DatabaseRole.OWNER)) {
                if (ingest) {
                    intake = IntakeProcess.start(home, DatabaseConnection.of(postgres), work.resolve("logs"),
                            INGEST_SETTINGS);
                    System.out.println("ingest-service settings for the run: " + INGEST_SETTINGS
                            + " (its articles stay ACCEPTED: its analysis worker is off)");
                }
                SyntheticArticles synthetic = ingest ? new SyntheticArticles(Path.of(System.getProperty("eval",
                        home.resolve("../shared/eval").toString())).resolve("bbc-news/bbc_news.jsonl")) : null;
                AtomicLong nextArticle = new AtomicLong();
                boolean intakeWarm = false;
                long postmaster = CpuMeter.postmasterPid(connection);
                WidenedStore store = new WidenedStore(base);
                store.writeEntities(connection);
                Workload workload = new Workload(base, store::globalId);
                for (int size : sizes) {
                    long begin = System.nanoTime();
                    store.growTo(connection, size);
                    System.out.printf(Locale.ROOT, "%n== %d articles, %d entities (loaded in %.0f s; database %s) ==%n",
                            store.articleCount(), store.entityCount(), (System.nanoTime() - begin) / 1e9,
                            databaseSize(connection));
                    awaitQuiet();
                    List<String> summary = new ArrayList<>();
                    Map<String, Function<Random, ListenableFuture<?>>> calls = selected(
                            calls(query.stub(), workload, store.articleCount(), base.size()));
                    LoadDriver driver = new LoadDriver(protocol.clients(),
                            new CpuMeter(List.of(query.process().pid()), List.of(postmaster)));
                    summary.add(measure("primary only", driver, calls, protocol));
                    if (Boolean.parseBoolean(System.getProperty("baseline", "true"))) {
                        Baseline.print(connection, workload, protocol.runs());
                    }
                    IntakeUnderLoad intakeUnderLoad = null;
                    if (intake != null) {
                        PublicationRange range = PublicationRange.of(connection);
                        ArticleStreams streams = new ArticleStreams(intake.channel(), ingestStreams,
                                () -> range.date(synthetic.article(nextArticle.getAndIncrement())));
                        intakeUnderLoad = new IntakeUnderLoad(streams, protocol.runs(), Duration.ofSeconds(ingestSeconds),
                                SETTLE_MILLIS);
                        if (!intakeWarm) {
                            intakeUnderLoad.warmUp(Duration.ofSeconds(ingestWarmupSeconds));
                            intakeWarm = true;
                        }
                        summary.add(intakeLine("primary only", intakeUnderLoad.compare("primary only", driver,
                                mix(query.stub(), workload, store.articleCount(), base.size())), protocol));
                    }
                    if (replica) {
                        summary.addAll(withReplica(home, work, postgres, credentials, workload, store, protocol,
                                postmaster, intakeUnderLoad, intake == null ? List.of() : List.of(intake.pid())));
                    }
                    if (intake != null) {
                        long removeBegin = System.nanoTime();
                        long removed;
                        try (Connection superuser = postgres.connect(DatabaseRole.SUPERUSER)) {
                            removed = store.removeOtherArticles(superuser);
                        }
                        System.out.printf(Locale.ROOT, "  removed the %d ingested articles in %.1f s%n", removed,
                                (System.nanoTime() - removeBegin) / 1e9);
                    }
                    System.out.printf(Locale.ROOT, "%n-- summary: %d articles, %d entities, base sample %d, %d clients"
                                    + " (latency in ms) --%n%s%n", store.articleCount(), store.entityCount(), base.size(),
                            protocol.clients(), String.join("\n", summary));
                }
                QueryPlans.write(connection, workload, plans);
                System.out.println("plans written to " + plans);
                // -Dhold=<seconds> keeps the store and the service up afterwards, to examine by hand.
                long hold = Long.getLong("hold", 0);
                if (hold > 0) {
                    System.out.printf("holding for %d s: %s (user %s), query-service on port %d%n", hold,
                            postgres.jdbcUrl(), postgres.login(DatabaseRole.OWNER), query.process().port());
                    Thread.sleep(hold * 1000);
                }
            } finally {
                if (intake != null) {
                    intake.close();
                }
                query.close();
            }
        } finally {
            // The durable store's data directory (gigabytes at large sizes); the logs stay.
            deleteTree(pgdata);
        }
        System.exit(0);
    }

    /**
     * The replica configuration at one size: a streaming replica of the store, a query-service
     * reading from it, the same warm-up and timed runs, and ingest against it when measured.
     * With {@code -Dreplica.own.cores=true} the replica stands on cores of its own, as it would
     * on a machine of its own: the primary and ingest-service ({@code writerPids}) on one half of
     * the CPUs, the replica, its query-service and the clients on the other ({@link CoreSplit}).
     *
     * @return the summary's lines
     */
    private static List<String> withReplica(Path home, Path work, LocalPostgres postgres, LocalCredentials credentials,
                                            Workload workload, WidenedStore store, Protocol protocol, long postmaster,
                                            IntakeUnderLoad intakeUnderLoad, List<Long> writerPids) throws Exception {
        List<String> summary = new ArrayList<>();
        long begin = System.nanoTime();
        boolean ownCores = Boolean.getBoolean("replica.own.cores");
        String configuration = ownCores ? "with the replica on its own cores" : "with the replica";
        try (LocalReplica replica = LocalReplica.startThrowAway(postgres);
             CoreSplit cores = CoreSplit.ofThisMachine()) {
            System.out.printf(Locale.ROOT, "%n  replica: base backup and start in %.1f s (%s, data in %s)%n",
                    (System.nanoTime() - begin) / 1e9, replica.jdbcUrl(), replica.dataDirectory());
            long replicaPostmaster;
            try (Connection connection = replica.connect(DatabaseRole.READER)) {
                replicaPostmaster = CpuMeter.postmasterPid(connection);
            }
            DatabaseLogin reader = replica.login(DatabaseRole.READER);
            try (QueryService query = startQueryService(home, work, "query-service-replica", postgres, credentials,
                    Map.of("NEWSROOM_DB_READ_URL", replica.jdbcUrl(), "NEWSROOM_DB_READ_USER", reader.user(),
                            "NEWSROOM_DB_READ_PASSWORD", reader.password()))) {
                ServiceMetrics metrics = new ServiceMetrics(query.adminPort());
                System.out.printf(Locale.ROOT, "  query-service reads from the replica after %.1f s%n",
                        ReplicaWatch.awaitReplicaInUse(metrics, REPLICA_CATCH_UP));
                if (ownCores) {
                    List<Long> writers = new ArrayList<>(writerPids);
                    writers.add(postmaster);
                    cores.pinWriters(writers);
                    cores.pinReaders(List.of(replicaPostmaster, query.process().pid()));
                    System.out.println("  pinned: " + cores.describe());
                }
                Map<String, Function<Random, ListenableFuture<?>>> calls = selected(
                        calls(query.stub(), workload, store.articleCount(), protocol.baseSize()));
                // PostgreSQL's CPU: the primary's (replaying nothing) and the replica's, which answers.
                LoadDriver driver = new LoadDriver(protocol.clients(),
                        new CpuMeter(List.of(query.process().pid()), List.of(postmaster, replicaPostmaster)));
                ReplicaWatch watch = ReplicaWatch.start(metrics);
                String table = measure(configuration, driver, calls, protocol);
                String reads = watch.report();
                System.out.println("  over the warm-up and runs with the replica: " + reads);
                summary.add(table + "\n" + reads);
                if (intakeUnderLoad != null) {
                    ReplicaWatch intakeWatch = ReplicaWatch.start(metrics);
                    IntakeUnderLoad.Comparison comparison = intakeUnderLoad.compare(configuration, driver,
                            mix(query.stub(), workload, store.articleCount(), protocol.baseSize()));
                    String intakeReads = intakeWatch.report();
                    System.out.println("  over the ingest runs with the replica: " + intakeReads);
                    summary.add(intakeLine(configuration, comparison, protocol) + "\n  (" + intakeReads + ")");
                }
            }
        }
        System.out.println("  replica stopped, its slot dropped and its data directory removed");
        return summary;
    }

    /**
     * The first call of each RPC, the warm-up, then the timed runs; prints them and the table of
     * medians, and returns the table.
     */
    private static String measure(String configuration, LoadDriver driver,
                                  Map<String, Function<Random, ListenableFuture<?>>> calls, Protocol protocol)
            throws Exception {
        System.out.printf("%n  %s:%n", configuration);
        for (Map.Entry<String, Function<Random, ListenableFuture<?>>> call : calls.entrySet()) {
            long first = System.nanoTime();
            call.getValue().apply(new Random(1)).get();
            System.out.printf(Locale.ROOT, "  first %s call: %.1f ms%n", call.getKey(),
                    (System.nanoTime() - first) / 1e6);
        }
        warmUp(driver, calls, protocol.warmupCalls(), protocol.warmupSeconds());
        Map<String, List<LoadDriver.Result>> results = new LinkedHashMap<>();
        List<Double> loads = new ArrayList<>();
        for (int run = 0; run < protocol.runs(); run++) {
            for (Map.Entry<String, Function<Random, ListenableFuture<?>>> call : calls.entrySet()) {
                LoadAverage before = LoadAverage.now();
                LoadDriver.Result result = driver.run(call.getValue(), SETTLE_MILLIS, protocol.seconds() * 1000);
                LoadAverage after = LoadAverage.now();
                System.out.printf(Locale.ROOT, "  run %d %-20s p50 %7.2f  p99 %7.2f ms  %7.1f calls/s  %s%n"
                                + "        before: %s; after: %s%s%n",
                        run + 1, call.getKey(), result.p50(), result.p99(), result.throughput(),
                        result.cpuPerCall(), before, after, failedCalls(result.failed(), result.calls(),
                                result.firstFailure()));
                results.computeIfAbsent(call.getKey(), k -> new ArrayList<>()).add(result);
                loads.add(before.oneMinute());
                loads.add(after.oneMinute());
            }
        }
        DoubleSummaryStatistics load = loads.stream().mapToDouble(Double::doubleValue).summaryStatistics();
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "%s: median of %d runs, %d clients, %d s"
                        + " each, after a warm-up of up to %d calls or %d s per RPC; 1-minute load average %.2f to %.2f"
                        + " over the runs (latency in ms)%n", configuration, protocol.runs(), protocol.clients(),
                protocol.seconds(), protocol.warmupCalls(), protocol.warmupSeconds(), load.getMin(), load.getMax()));
        table.append(String.format("%-28s %8s %8s %8s %10s %8s", "rpc", "p50", "p95", "p99", "calls/s", "failed"));
        results.forEach((name, list) -> table.append(String.format(Locale.ROOT,
                "%n%-28s %8.2f %8.2f %8.2f %10.1f %8d", name, median(list, LoadDriver.Result::p50),
                median(list, LoadDriver.Result::p95), median(list, LoadDriver.Result::p99),
                median(list, LoadDriver.Result::throughput),
                list.stream().mapToLong(LoadDriver.Result::failed).sum())));
        System.out.println(table);
        return table.toString();
    }

    // Every RPC before any timed run: the RPCs share most of their code, so warming only the one
    // about to be timed would leave the shared paths' compilation to the first RPC's timed run.
    // -Dquiet.load=<x>: before timing a size, waits until the machine's 1-minute load average is
    // below x (at most -Dquiet.minutes, default 30), so a store can be loaded while other work
    // ends and the timed runs start on a quiet machine; each wait is printed.
    private static void awaitQuiet() throws InterruptedException {
        double quiet = Double.parseDouble(System.getProperty("quiet.load", "0"));
        if (quiet <= 0) {
            return;
        }
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(Long.getLong("quiet.minutes", 30));
        long start = System.nanoTime();
        while (LoadAverage.now().oneMinute() >= quiet && System.nanoTime() < deadline) {
            Thread.sleep(5000);
        }
        System.out.printf(Locale.ROOT, "  waited %.0f s for a 1-minute load average below %.2f: %s%n",
                (System.nanoTime() - start) / 1e9, quiet, LoadAverage.now());
    }

    private static void warmUp(LoadDriver driver, Map<String, Function<Random, ListenableFuture<?>>> calls,
                               long warmupCalls, long warmupSeconds) throws Exception {
        if (warmupCalls <= 0 || warmupSeconds <= 0) {
            System.out.println("  no warm-up (-Dwarmup.calls or -Dwarmup.seconds is 0)");
            return;
        }
        for (Map.Entry<String, Function<Random, ListenableFuture<?>>> call : calls.entrySet()) {
            LoadDriver.WarmUp warmUp = driver.warmUp(call.getValue(), warmupCalls, warmupSeconds * 1000);
            System.out.printf(Locale.ROOT, "  warm-up %-20s %7d calls in %5.1f s%s; %s%s%n", call.getKey(),
                    warmUp.calls(), warmUp.seconds(),
                    warmUp.calls() < warmupCalls ? " (stopped at -Dwarmup.seconds)" : "", LoadAverage.now(),
                    failedCalls(warmUp.failed(), warmUp.calls(), ""));
        }
    }

    /** "ingest, primary only: idle 312.0 articles/s; with 16 query clients 250.1 = 0.80 of idle (...)" */
    private static String intakeLine(String configuration, IntakeUnderLoad.Comparison comparison, Protocol protocol) {
        String line = String.format(Locale.ROOT, "ingest, %s: idle %.1f articles/s; with %d query clients %.1f"
                        + " articles/s = %.2f of idle (median of %d; the clients' mix of %s in turn: p50 %.2f p95 %.2f"
                        + " p99 %.2f ms, %.1f calls/s)", configuration, comparison.idle(), protocol.clients(),
                comparison.loaded(), comparison.shareOfIdle(), protocol.runs(), String.join(", ", MIX),
                comparison.queries().p50(), comparison.queries().p95(), comparison.queries().p99(),
                comparison.queries().throughput());
        System.out.println(line);
        return line;
    }

    /** The calls {@code -Drpcs=GetEntity,SearchArticles} names (for profiling one at a time); all without it. */
    private static Map<String, Function<Random, ListenableFuture<?>>> selected(
            Map<String, Function<Random, ListenableFuture<?>>> calls) {
        String only = System.getProperty("rpcs", "");
        if (!only.isEmpty()) {
            calls.keySet().retainAll(List.of(only.split(",")));
        }
        return calls;
    }

    /** The calls of {@link #MIX}, whatever {@code -Drpcs} selects for the timed runs. */
    private static List<Function<Random, ListenableFuture<?>>> mix(QueryServiceGrpc.QueryServiceFutureStub stub,
                                                                   Workload workload, int articles, int baseSize) {
        Map<String, Function<Random, ListenableFuture<?>>> calls = calls(stub, workload, articles, baseSize);
        return MIX.stream().map(calls::get).toList();
    }

    /** The widened store's publication dates, over which the ingested articles are spread. */
    private record PublicationRange(Instant first, Instant last) {

        static PublicationRange of(Connection connection) throws Exception {
            try (Statement statement = connection.createStatement();
                 ResultSet range = statement.executeQuery("SELECT min(published_at), max(published_at) FROM article")) {
                range.next();
                return new PublicationRange(range.getTimestamp(1).toInstant(), range.getTimestamp(2).toInstant());
            }
        }

        /**
         * {@code article} published at a time drawn from its URL within the range, so that its
         * rows go to the months the store already holds, as a year's articles would.
         */
        Article date(Article article) {
            long span = Math.max(1, last.getEpochSecond() - first.getEpochSecond());
            long at = first.getEpochSecond() + Math.floorMod(article.getUrl().hashCode() * 0x9E3779B97F4A7C15L, span);
            return article.toBuilder().setPublishedTime(Timestamp.newBuilder().setSeconds(at)).build();
        }
    }

    private static Map<String, Function<Random, ListenableFuture<?>>> calls(QueryServiceGrpc.QueryServiceFutureStub stub,
                                                       Workload workload, int articles, int baseSize) {
        Map<String, Function<Random, ListenableFuture<?>>> calls = new LinkedHashMap<>();
        calls.put("GetEntity", random -> stub.getEntity(
                GetEntityRequest.newBuilder().setEntityId(workload.entity(random)).build()));
        calls.put("SearchEntities", random -> stub.searchEntities(
                SearchEntitiesRequest.newBuilder().setQuery(workload.entityName(random)).build()));
        calls.put("ListQuotes", random -> {
            ListQuotesRequest.Builder request = ListQuotesRequest.newBuilder();
            switch (random.nextInt(4)) {
                case 0, 1 -> request.setSpeakerEntityId(workload.speaker(random));
                case 2 -> request.setTextQuery(workload.quoteWord(random));
                default -> request.setNearEntityId(workload.entity(random));
            }
            return stub.listQuotes(request.build());
        });
        calls.put("GetCoMentions", random -> stub.getCoMentions(
                GetCoMentionsRequest.newBuilder().setEntityId(workload.entity(random)).build()));
        TimelineGranularity[] granularities = {TimelineGranularity.DAY, TimelineGranularity.WEEK,
                TimelineGranularity.MONTH};
        calls.put("GetEntityTimeline", random -> stub.getEntityTimeline(GetEntityTimelineRequest.newBuilder()
                .setEntityId(workload.entity(random))
                .setGranularity(granularities[random.nextInt(granularities.length)]).build()));
        calls.put("SearchArticles", random -> stub.searchArticles(
                SearchArticlesRequest.newBuilder().setQuery(workload.searchWord(random)).build()));
        calls.put("GetArticle", random -> stub.getArticle(
                GetArticleRequest.newBuilder().setArticleId(1 + random.nextInt(articles)).build()));
        calls.put("ListStories", random -> stub.listStories(ListStoriesRequest.newBuilder()
                .setMinReportCount(2)
                .setStartTime(Timestamp.newBuilder().setSeconds(Instant.parse("1987-03-01T00:00:00Z").getEpochSecond()
                        + random.nextInt(365 * 86_400)))
                .build()));
        // Story roots are copies 0, 4, 8, ... of each base article.
        int roots = Math.max(1, (articles / baseSize + 3) / 4);
        calls.put("GetStory", random -> {
            long root = (long) random.nextInt(roots) * 4 * baseSize + random.nextInt(baseSize) + 1;
            return stub.getStory(GetStoryRequest.newBuilder().setStoryId(root <= articles ? root : 1).build());
        });
        return calls;
    }

    private static QueryService startQueryService(Path home, Path work, String name, LocalPostgres postgres,
                                                  LocalCredentials credentials, Map<String, String> settings)
            throws Exception {
        // Free ports: a smoke run beside a real one must not reach the real one's service.
        int port = PortCheck.freePort();
        int adminPort = PortCheck.freePort();
        Map<String, String> environment = new java.util.HashMap<>(credentials.serviceEnvironment());
        DatabaseLogin reader = postgres.login(DatabaseRole.READER);
        environment.putAll(Map.of("NEWSROOM_DB_URL", postgres.jdbcUrl(), "NEWSROOM_DB_USER", reader.user(),
                "NEWSROOM_DB_PASSWORD", reader.password(), "NEWSROOM_QUERY_PORT", String.valueOf(port),
                "NEWSROOM_QUERY_ADMIN_PORT", String.valueOf(adminPort)));
        // The 16 callers share one key here, standing for many users of one client: that key gets the
        // whole call gate (3 of 4 connections), as every call had before per-key shares (issue 19).
        environment.put("NEWSROOM_QUERY_CONCURRENT_CALLS_PER_KEY", "3");
        environment.putAll(settings);
        // -Dquery.jar=<quarkus-run.jar> drives another build of the service (e.g. main's, for a same-run A/B).
        Path jar = Path.of(System.getProperty("query.jar",
                home.resolve("query-service/target/quarkus-app/quarkus-run.jar").toString()));
        ServiceProcess query = ServiceProcess.start(new ServiceProcess.Spec(name,
                jar, port, adminPort, jvmOptions(),
                environment, work.resolve(name + ".log")));
        try {
            ServiceReadiness.await(query, name, new ReadinessProbe(), Duration.ofMinutes(3), Duration.ofMillis(100));
        } catch (IllegalStateException notReady) {
            query.stop(Duration.ofSeconds(20));
            throw notReady;
        }
        ManagedChannel channel = ManagedChannelBuilder.forAddress("localhost", port).usePlaintext()
                // Completions run on the channel's event loop, where LoadDriver starts each client's next call.
                .directExecutor()
                .intercept(new BearerKey(credentials.clientKey()))
                .maxInboundMessageSize(64 << 20).build();
        return new QueryService(query, channel, adminPort);
    }

    private static void deleteTree(Path root) throws java.io.IOException {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(root)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    // -Djfr=<file> records the service with Java Flight Recorder (profile settings) for the whole run;
    // -Dquery.jvmOptions="..." adds options (e.g. another garbage collector, for a same-machine A/B).
    private static List<String> jvmOptions() {
        List<String> options = new java.util.ArrayList<>(List.of("-Xmx1g"));
        String jfr = System.getProperty("jfr", "");
        if (!jfr.isEmpty()) {
            options.add("-XX:StartFlightRecording=settings=profile,filename=" + jfr);
        }
        String extra = System.getProperty("query.jvmOptions", "").strip();
        if (!extra.isEmpty()) {
            options.addAll(List.of(extra.split("\\s+")));
        }
        System.out.println("query-service JVM options: " + String.join(" ", options));
        return options;
    }

    // The parent of this connection's backend.
    private static String databaseSize(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement();
             ResultSet size = statement.executeQuery("SELECT pg_size_pretty(pg_database_size(current_database()))")) {
            size.next();
            return size.getString(1);
        }
    }

    /** Said after a run's figures when some of its calls failed: how many, and the first failure. */
    static String failedCalls(long failed, long calls, String firstFailure) {
        return failed == 0 ? "" : String.format(Locale.ROOT, "%n        FAILED: %d of %d calls%s", failed, calls,
                firstFailure.isEmpty() ? "" : " (first: " + firstFailure + ")");
    }

    static double median(List<LoadDriver.Result> results, java.util.function.ToDoubleFunction<LoadDriver.Result> figure) {
        double[] values = results.stream().mapToDouble(figure).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
