package newsroom.bench.query;

import com.google.protobuf.Timestamp;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import newsroom.auth.BearerKey;
import newsroom.bench.CpuMeter;
import newsroom.bench.LoadAverage;
import newsroom.cli.credentials.LocalCredentials;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.DoubleSummaryStatistics;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.stream.Collectors;
import com.google.common.util.concurrent.ListenableFuture;
import newsroom.cli.run.ReadinessProbe;
import newsroom.cli.run.ServiceProcess;
import newsroom.localpostgres.DatabaseLogin;
import newsroom.localpostgres.DatabaseRole;
import newsroom.localpostgres.LocalPostgres;
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
 * throughput per size. The baseline, measured in the same run on the same
 * store, is the query that GetEntity and GetCoMentions replace: aggregating
 * the raw mention and article_entity tables (the schema before V4), one JDBC
 * client. It also writes EXPLAIN (ANALYZE, BUFFERS) of the main queries at the
 * largest size to {@code plans}.
 *
 * <p>Run (BENCHMARKS.md): {@code ./mvnw -q -pl benchmarks exec:java@query -Dsample=<files> -Dbase=685
 * -Dsizes=10000,100000 -Druns=3 -Dseconds=8 -Dclients=16 -Dwarmup.calls=20000 -Dwarmup.seconds=120};
 * {@code -Drpcs=GetEntity,...} drives only those RPCs, {@code -Djfr=<file>} records the service with JFR,
 * {@code -Dbaseline=false} skips the JDBC baseline, {@code -Dquery.jar=<quarkus-run.jar>} drives another
 * build of the service, {@code -Dquery.jvmOptions="..."} adds options to its JVM.
 */
public final class QueryBenchmark {

    private static final int QUERY_PORT = 19393;
    private static final int QUERY_ADMIN_PORT = 19493;
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
        long warmupCalls = Long.getLong("warmup.calls", WARMUP_CALLS);
        long warmupSeconds = Long.getLong("warmup.seconds", WARMUP_SECONDS);
        int runs = Integer.getInteger("runs", 3);
        int clients = Integer.getInteger("clients", 16);
        long seconds = Long.getLong("seconds", 8);
        Path plans = Path.of(System.getProperty("plans", "/tmp/newsroom-query-plans.txt"));
        List<Integer> sizes = new ArrayList<>();
        for (String size : System.getProperty("sizes", "10000,100000").split(",")) {
            sizes.add(Integer.parseInt(size.strip()));
        }
        long reuters = base.stream().filter(sample -> sample.source().equals("Reuters")).count();
        System.out.printf(Locale.ROOT, "base sample: -Dbase=%d, the first %d analysed articles of %s (%d Reuters, %d BBC)%n",
                baseSize, base.size(), sampleFiles, reuters, base.size() - reuters);
        System.out.printf(Locale.ROOT, "settings: -Dsizes=%s -Druns=%d -Dseconds=%d -Dclients=%d -Dwarmup.calls=%d"
                        + " -Dwarmup.seconds=%d%s%n", sizes.stream().map(String::valueOf).collect(Collectors.joining(",")),
                runs, seconds, clients, warmupCalls, warmupSeconds,
                System.getProperty("rpcs", "").isEmpty() ? "" : " -Drpcs=" + System.getProperty("rpcs"));
        System.out.printf(Locale.ROOT, "machine: %d cores, Java %s; %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), LoadAverage.now());

        Path work = Files.createTempDirectory("newsroom-query-bench-");
        try (LocalPostgres postgres = LocalPostgres.startThrowAway()) {
            LocalCredentials credentials = LocalCredentials.ensure(work.resolve("credentials"));
            ServiceProcess query = startQueryService(home, work, postgres, credentials);
            ManagedChannel channel = ManagedChannelBuilder.forAddress("localhost", QUERY_PORT).usePlaintext()
                    // Completions run on the channel's event loop, where LoadDriver starts each client's next call.
                    .directExecutor()
                    .intercept(new BearerKey(credentials.clientKey()))
                    .maxInboundMessageSize(64 << 20).build();
            try (Connection connection = postgres.connect(DatabaseRole.OWNER)) {
                WidenedStore store = new WidenedStore(base);
                store.writeEntities(connection);
                Workload workload = new Workload(base, store::globalId);
                var stub = QueryServiceGrpc.newFutureStub(channel);
                for (int size : sizes) {
                    long begin = System.nanoTime();
                    store.growTo(connection, size);
                    System.out.printf(Locale.ROOT, "%n== %d articles, %d entities (loaded in %.0f s; database %s) ==%n",
                            store.articleCount(), store.entityCount(), (System.nanoTime() - begin) / 1e9,
                            databaseSize(connection));
                    Map<String, Function<Random, ListenableFuture<?>>> calls = calls(stub, workload, store.articleCount(), base.size());
                    // -Drpcs=GetEntity,SearchArticles drives only those (for profiling one at a time).
                    String only = System.getProperty("rpcs", "");
                    if (!only.isEmpty()) {
                        calls.keySet().retainAll(List.of(only.split(",")));
                    }
                    Map<String, List<LoadDriver.Result>> results = new LinkedHashMap<>();
                    LoadDriver driver = new LoadDriver(clients, new CpuMeter(List.of(query.pid()), CpuMeter.postmasterPid(connection)));
                    for (Map.Entry<String, Function<Random, ListenableFuture<?>>> call : calls.entrySet()) {
                        long first = System.nanoTime();
                        call.getValue().apply(new Random(1)).get();
                        System.out.printf(Locale.ROOT, "  first %s call: %.1f ms%n", call.getKey(),
                                (System.nanoTime() - first) / 1e6);
                    }
                    warmUp(driver, calls, warmupCalls, warmupSeconds);
                    List<Double> loads = new ArrayList<>();
                    for (int run = 0; run < runs; run++) {
                        for (Map.Entry<String, Function<Random, ListenableFuture<?>>> call : calls.entrySet()) {
                            LoadAverage before = LoadAverage.now();
                            LoadDriver.Result result = driver.run(call.getValue(), SETTLE_MILLIS, seconds * 1000);
                            LoadAverage after = LoadAverage.now();
                            System.out.printf(Locale.ROOT, "  run %d %-20s p50 %7.2f  p99 %7.2f ms  %7.1f calls/s  %s%n"
                                            + "        before: %s; after: %s%n",
                                    run + 1, call.getKey(), result.p50(), result.p99(), result.throughput(),
                                    result.cpuPerCall(), before, after);
                            results.computeIfAbsent(call.getKey(), k -> new ArrayList<>()).add(result);
                            loads.add(before.oneMinute());
                            loads.add(after.oneMinute());
                        }
                    }
                    DoubleSummaryStatistics load = loads.stream().mapToDouble(Double::doubleValue).summaryStatistics();
                    System.out.printf(Locale.ROOT, "median of %d runs, %d clients, %d s each, after a warm-up of up to %d"
                                    + " calls or %d s per RPC; base sample %d; 1-minute load average %.2f to %.2f over"
                                    + " the runs (latency in ms)%n", runs, clients, seconds, warmupCalls, warmupSeconds,
                            base.size(), load.getMin(), load.getMax());
                    System.out.printf("%-28s %8s %8s %8s %10s%n", "rpc", "p50", "p95", "p99", "calls/s");
                    results.forEach((name, list) -> System.out.printf(Locale.ROOT, "%-28s %8.2f %8.2f %8.2f %10.1f%n",
                            name, median(list, LoadDriver.Result::p50), median(list, LoadDriver.Result::p95),
                            median(list, LoadDriver.Result::p99), median(list, LoadDriver.Result::throughput)));
                    if (Boolean.parseBoolean(System.getProperty("baseline", "true"))) {
                        Baseline.print(connection, workload, runs);
                    }
                }
                QueryPlans.write(connection, workload, plans);
                System.out.println("plans written to " + plans);
                // -Dhold=<seconds> keeps the store and the service up afterwards, to examine by hand.
                long hold = Long.getLong("hold", 0);
                if (hold > 0) {
                    System.out.printf("holding for %d s: %s (user %s), query-service on port %d%n", hold,
                            postgres.jdbcUrl(), postgres.login(DatabaseRole.OWNER), QUERY_PORT);
                    Thread.sleep(hold * 1000);
                }
            } finally {
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
                query.stop(Duration.ofSeconds(20));
            }
        }
        System.exit(0);
    }

    // Every RPC before any timed run: the RPCs share most of their code, so warming only the one
    // about to be timed would leave the shared paths' compilation to the first RPC's timed run.
    private static void warmUp(LoadDriver driver, Map<String, Function<Random, ListenableFuture<?>>> calls,
                               long warmupCalls, long warmupSeconds) throws Exception {
        if (warmupCalls <= 0 || warmupSeconds <= 0) {
            System.out.println("  no warm-up (-Dwarmup.calls or -Dwarmup.seconds is 0)");
            return;
        }
        for (Map.Entry<String, Function<Random, ListenableFuture<?>>> call : calls.entrySet()) {
            LoadDriver.WarmUp warmUp = driver.warmUp(call.getValue(), warmupCalls, warmupSeconds * 1000);
            System.out.printf(Locale.ROOT, "  warm-up %-20s %7d calls in %5.1f s%s; %s%n", call.getKey(),
                    warmUp.calls(), warmUp.seconds(),
                    warmUp.calls() < warmupCalls ? " (stopped at -Dwarmup.seconds)" : "", LoadAverage.now());
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

    private static ServiceProcess startQueryService(Path home, Path work, LocalPostgres postgres,
                                                    LocalCredentials credentials) throws Exception {
        Map<String, String> environment = new java.util.HashMap<>(credentials.serviceEnvironment());
        DatabaseLogin reader = postgres.login(DatabaseRole.READER);
        DatabaseLogin owner = postgres.login(DatabaseRole.OWNER);
        environment.putAll(Map.of("NEWSROOM_DB_URL", postgres.jdbcUrl(), "NEWSROOM_DB_USER", reader.user(),
                "NEWSROOM_DB_PASSWORD", reader.password(), "NEWSROOM_QUERY_PORT", String.valueOf(QUERY_PORT),
                "NEWSROOM_QUERY_ADMIN_PORT", String.valueOf(QUERY_ADMIN_PORT)));
        // No ingest-service here to migrate the store: query-service does it this once, as the owner.
        environment.putAll(Map.of("QUARKUS_FLYWAY_MIGRATE_AT_START", "true",
                "QUARKUS_FLYWAY_USERNAME", owner.user(), "QUARKUS_FLYWAY_PASSWORD", owner.password()));
        // The 16 callers share one key here, standing for many users of one client: that key gets the
        // whole call gate (3 of 4 connections), as every call had before per-key shares (issue 19).
        environment.put("NEWSROOM_QUERY_CONCURRENT_CALLS_PER_KEY", "3");
        // -Dquery.jar=<quarkus-run.jar> drives another build of the service (e.g. main's, for a same-run A/B).
        Path jar = Path.of(System.getProperty("query.jar",
                home.resolve("query-service/target/quarkus-app/quarkus-run.jar").toString()));
        ServiceProcess query = ServiceProcess.start(new ServiceProcess.Spec("query-service",
                jar, QUERY_PORT, QUERY_ADMIN_PORT, jvmOptions(),
                environment, work.resolve("query-service.log")));
        ReadinessProbe probe = new ReadinessProbe();
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        while (!query.isReady(probe)) {
            if (!query.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("query-service did not become ready:\n" + query.logTail(30));
            }
            Thread.sleep(100);
        }
        return query;
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

    static double median(List<LoadDriver.Result> results, java.util.function.ToDoubleFunction<LoadDriver.Result> figure) {
        double[] values = results.stream().mapToDouble(figure).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
