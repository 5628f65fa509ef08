package newsroom.bench.load;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import newsroom.auth.BearerKey;
import newsroom.cli.credentials.LocalCredentials;
import newsroom.cli.output.ProgressLine;
import newsroom.cli.run.PortCheck;
import newsroom.cli.run.RunState;
import newsroom.cli.run.ServicePorts;
import newsroom.cli.run.SuiteLauncher;
import newsroom.cli.run.SuiteSettings;
import newsroom.ingest.v1.Article;
import newsroom.ingest.v1.ArticleStatus;
import newsroom.ingest.v1.GetIngestStatusRequest;
import newsroom.ingest.v1.IngestArticleRequest;
import newsroom.ingest.v1.IngestArticleResponse;
import newsroom.ingest.v1.IngestServiceGrpc;
import newsroom.query.v1.GetArticleRequest;
import newsroom.query.v1.ListQuotesRequest;
import newsroom.query.v1.QueryServiceGrpc;
import newsroom.query.v1.SearchArticlesRequest;
import newsroom.query.v1.SearchEntitiesRequest;

/**
 * Mixed ingest and query load on the whole suite, for a fixed time, then stops by itself.
 * It starts the suite as {@code newsroom up} does (a supervisor, through
 * {@link SuiteLauncher}) on free loopback ports and a throw-away state directory, warms it
 * up, and then, for {@code -Dduration} (default 10 minutes): ingests real BBC and Reuters
 * articles from the evaluation data at a steady rate, while query threads search articles,
 * entities and quotes and fetch articles. It reports each operation's throughput, p50/p99
 * latency and errors by status; after the load, waits for the backlog to drain and counts
 * the accepted articles not ANALYZED (lost); and gives each service's live heap and RSS
 * after warm-up and at the end.
 *
 * <p>Run: {@code flock /work/bench.lock ./mvnw -q -pl benchmarks exec:java@load [-Dduration=PT10M]
 * [-Dwarmup=PT1M] [-Dingest.rate=0.25] [-Dquery.threads=2] [-Dquery.pause=PT0.2S] [-Deval=../shared/eval]}
 */
public final class LoadBenchmark {

    private static final Duration CALL_DEADLINE = Duration.ofSeconds(30);
    private static final Duration DRAIN_LIMIT = Duration.ofMinutes(20);
    /** Names common in both sets (1987 Reuters, 2004-05 BBC), so entity and quote queries find something. */
    private static final List<String> NAMES = List.of("Blair", "Brown", "Bush", "Reagan", "Baker", "Howard",
            "Kennedy", "Yukos", "Opec", "Microsoft", "Japan", "London");

    private final Duration duration;
    private final Duration warmup;
    private final double ingestPerSecond;
    private final int queryThreads;
    private final Duration queryPause;
    private final List<Article> articles;

    private final OperationStats ingestStats = new OperationStats("IngestArticle");
    private final Map<String, OperationStats> queryStats = new LinkedHashMap<>();
    private final List<Long> acceptedIds = new ArrayList<>();
    private final AtomicInteger nextArticle = new AtomicInteger();
    private volatile boolean running = true;

    private LoadBenchmark(Duration duration, Duration warmup, double ingestPerSecond, int queryThreads,
                          Duration queryPause, List<Article> articles) {
        this.duration = duration;
        this.warmup = warmup;
        this.ingestPerSecond = ingestPerSecond;
        this.queryThreads = queryThreads;
        this.queryPause = queryPause;
        this.articles = articles;
        for (String operation : List.of("SearchArticles", "SearchEntities", "ListQuotes", "GetArticle")) {
            queryStats.put(operation, new OperationStats(operation));
        }
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("newsroom.home", ".")).toAbsolutePath().normalize();
        Path eval = Path.of(System.getProperty("eval", home.resolve("../shared/eval").toString()));
        Duration duration = Duration.parse(System.getProperty("duration", "PT10M"));
        Duration warmup = Duration.parse(System.getProperty("warmup", "PT1M"));
        double ingestPerSecond = Double.parseDouble(System.getProperty("ingest.rate", "0.25"));
        int queryThreads = Integer.getInteger("query.threads", 2);
        Duration queryPause = Duration.parse(System.getProperty("query.pause", "PT0.2S"));
        int needed = (int) Math.ceil(ingestPerSecond * (duration.plus(warmup).toSeconds() + 60));
        List<Article> articles = EvalArticles.read(eval, needed);
        System.out.printf(Locale.ROOT, "load: %s after a %s warm-up; ingest %.2f articles/s (%d real articles read"
                        + " from %s), %d query threads pausing %d ms%n", duration, warmup, ingestPerSecond,
                articles.size(), eval, queryThreads, queryPause.toMillis());
        int exit = new LoadBenchmark(duration, warmup, ingestPerSecond, queryThreads, queryPause, articles).run(home);
        System.exit(exit);
    }

    private int run(Path home) throws Exception {
        Path state = Files.createTempDirectory("newsroom-load-");
        ServicePorts ports = ServicePorts.free();
        SuiteSettings settings = new SuiteSettings(home, state, PortCheck.freePort(), ports, Optional.empty());
        SuiteLauncher launcher = new SuiteLauncher(settings);
        long startNanos = System.nanoTime();
        RunState suite = launcher.ensureRunning(System.out, new ProgressLine(System.err, false), new boolean[1]);
        System.out.printf(Locale.ROOT, "suite ready in %.0f s (state in %s)%n",
                (System.nanoTime() - startNanos) / 1e9, state);
        BearerKey clientKey = new BearerKey(LocalCredentials.ensure(settings.credentialsDirectory()).clientKey());
        ManagedChannel ingestChannel = ManagedChannelBuilder.forAddress("localhost", ports.ingest()).usePlaintext()
                .intercept(clientKey).build();
        ManagedChannel queryChannel = ManagedChannelBuilder.forAddress("localhost", ports.query()).usePlaintext()
                .intercept(clientKey).build();
        ScheduledExecutorService traffic = Executors.newScheduledThreadPool(1 + queryThreads);
        try {
            IngestServiceGrpc.IngestServiceBlockingStub ingest = IngestServiceGrpc.newBlockingStub(ingestChannel);
            QueryServiceGrpc.QueryServiceBlockingStub query = QueryServiceGrpc.newBlockingStub(queryChannel);
            traffic.scheduleAtFixedRate(() -> ingestNext(ingest), 0, Math.round(1e6 / ingestPerSecond),
                    TimeUnit.MICROSECONDS);
            for (int t = 0; t < queryThreads; t++) {
                Random random = new Random(t);
                traffic.execute(() -> queryUntilStopped(query, random));
            }

            Thread.sleep(warmup.toMillis());
            Map<String, ServiceMemory> atStart = memory(suite);
            ingestStats.reset();
            queryStats.values().forEach(OperationStats::reset);
            long loadStart = System.nanoTime();
            Thread.sleep(duration.toMillis());
            running = false;
            traffic.shutdown();
            traffic.awaitTermination(2, TimeUnit.MINUTES);
            double seconds = (System.nanoTime() - loadStart) / 1e9;
            Map<String, ServiceMemory> atEnd = memory(suite);
            double load = loadAverage();

            DrainResult drain = drain(ingest);
            return report(seconds, atStart, atEnd, drain, load);
        } finally {
            running = false;
            traffic.shutdownNow();
            ingestChannel.shutdownNow();
            queryChannel.shutdownNow();
            stop(suite);
            deleteQuietly(state);
        }
    }

    private void ingestNext(IngestServiceGrpc.IngestServiceBlockingStub ingest) {
        if (!running) {
            return;
        }
        int n = nextArticle.getAndIncrement();
        if (n >= articles.size()) {
            return;
        }
        long begin = System.nanoTime();
        try {
            IngestArticleResponse response = ingest.withDeadlineAfter(CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
                    .ingestArticle(IngestArticleRequest.newBuilder().setArticle(articles.get(n)).build());
            ingestStats.succeeded(System.nanoTime() - begin);
            synchronized (acceptedIds) {
                acceptedIds.add(response.getArticleId());
            }
        } catch (RuntimeException e) {
            ingestStats.failed(e);
        }
    }

    private void queryUntilStopped(QueryServiceGrpc.QueryServiceBlockingStub query, Random random) {
        List<String> operations = List.copyOf(queryStats.keySet());
        while (running) {
            String operation = operations.get(random.nextInt(operations.size()));
            String name = NAMES.get(random.nextInt(NAMES.size()));
            QueryServiceGrpc.QueryServiceBlockingStub stub =
                    query.withDeadlineAfter(CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS);
            long begin = System.nanoTime();
            try {
                switch (operation) {
                    case "SearchArticles" -> stub.searchArticles(
                            SearchArticlesRequest.newBuilder().setQuery(name.toLowerCase(Locale.ROOT)).setPageSize(10).build());
                    case "SearchEntities" -> stub.searchEntities(SearchEntitiesRequest.newBuilder().setQuery(name).build());
                    case "ListQuotes" -> stub.listQuotes(ListQuotesRequest.newBuilder().setSpeakerName(name).build());
                    case "GetArticle" -> {
                        Optional<Long> id = randomAccepted(random);
                        if (id.isEmpty()) {
                            continue;
                        }
                        stub.getArticle(GetArticleRequest.newBuilder().setArticleId(id.get()).build());
                    }
                    default -> throw new IllegalStateException(operation);
                }
                queryStats.get(operation).succeeded(System.nanoTime() - begin);
            } catch (RuntimeException e) {
                queryStats.get(operation).failed(e);
            }
            try {
                Thread.sleep(queryPause.toMillis());
            } catch (InterruptedException e) {
                return;
            }
        }
    }

    private Optional<Long> randomAccepted(Random random) {
        synchronized (acceptedIds) {
            return acceptedIds.isEmpty() ? Optional.empty()
                    : Optional.of(acceptedIds.get(random.nextInt(acceptedIds.size())));
        }
    }

    /** What the ingested articles came to after the load: analysed, or not (lost), by status. */
    private record DrainResult(int accepted, Map<String, Integer> byStatus, int lost, double seconds) {
    }

    /** Waits until no accepted article is still waiting for analysis, then counts them by status. */
    private DrainResult drain(IngestServiceGrpc.IngestServiceBlockingStub ingest) throws InterruptedException {
        List<Long> ids;
        synchronized (acceptedIds) {
            ids = acceptedIds.stream().distinct().toList();
        }
        long begin = System.nanoTime();
        Map<Long, ArticleStatus> statuses = new ConcurrentHashMap<>();
        while (true) {
            for (long id : ids) {
                if (statuses.get(id) != ArticleStatus.ANALYZED) {
                    statuses.put(id, ingest.withDeadlineAfter(CALL_DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
                            .getIngestStatus(GetIngestStatusRequest.newBuilder().setArticleId(id).build()).getStatus());
                }
            }
            boolean waiting = statuses.values().stream().anyMatch(status -> status == ArticleStatus.ACCEPTED);
            if (!waiting || System.nanoTime() - begin > DRAIN_LIMIT.toNanos()) {
                break;
            }
            Thread.sleep(2000);
        }
        Map<String, Integer> byStatus = new LinkedHashMap<>();
        statuses.values().forEach(status -> byStatus.merge(status.name(), 1, Integer::sum));
        int lost = (int) statuses.values().stream().filter(status -> status != ArticleStatus.ANALYZED).count();
        return new DrainResult(ids.size(), byStatus, lost, (System.nanoTime() - begin) / 1e9);
    }

    private int report(double seconds, Map<String, ServiceMemory> atStart, Map<String, ServiceMemory> atEnd,
                       DrainResult drain, double loadAverage) {
        System.out.printf(Locale.ROOT, "%n== load: %.0f s after warm-up, load average (1 min) at the end %.2f ==%n",
                seconds, loadAverage);
        System.out.println(ingestStats.report(seconds));
        queryStats.values().forEach(stats -> System.out.println(stats.report(seconds)));
        int errors = ingestStats.errors() + queryStats.values().stream().mapToInt(OperationStats::errors).sum();
        System.out.printf(Locale.ROOT, "errors: %d%n", errors);
        System.out.printf(Locale.ROOT, "articles accepted: %d; after a %.0f s drain: %s; lost (accepted, not ANALYZED): %d%n",
                drain.accepted(), drain.seconds(), drain.byStatus(), drain.lost());
        System.out.printf("%n%-16s %14s %14s %8s %12s %12s %8s%n", "service", "live heap MiB", "at end", "growth",
                "RSS MiB", "at end", "growth");
        double worstGrowth = 0;
        for (String service : atStart.keySet()) {
            ServiceMemory start = atStart.get(service);
            ServiceMemory end = atEnd.get(service);
            double heapGrowth = end.liveHeapMiB() / start.liveHeapMiB() - 1;
            double rssGrowth = end.rssMiB() / start.rssMiB() - 1;
            worstGrowth = Math.max(worstGrowth, Math.max(heapGrowth, rssGrowth));
            System.out.printf(Locale.ROOT, "%-16s %14.1f %14.1f %+7.1f%% %12.1f %12.1f %+7.1f%%%n", service,
                    start.liveHeapMiB(), end.liveHeapMiB(), 100 * heapGrowth, start.rssMiB(), end.rssMiB(),
                    100 * rssGrowth);
        }
        boolean met = errors == 0 && drain.lost() == 0 && worstGrowth <= 0.10;
        System.out.printf(Locale.ROOT, "%ntargets (zero errors, zero lost, memory growth <= 10%%): %s%n",
                met ? "met" : "NOT met");
        return met ? 0 : 1;
    }

    private static Map<String, ServiceMemory> memory(RunState suite) throws IOException, InterruptedException {
        Map<String, ServiceMemory> memory = new LinkedHashMap<>();
        for (RunState.RunningService service : suite.services()) {
            memory.put(service.name(), ServiceMemory.of(service.pid()));
        }
        return memory;
    }

    private static double loadAverage() throws IOException {
        return Double.parseDouble(Files.readString(Path.of("/proc/loadavg")).split(" ")[0]);
    }

    /** Stops the suite as {@code newsroom down} does: the supervisor stops the services and PostgreSQL. */
    private static void stop(RunState suite) throws InterruptedException {
        Optional<ProcessHandle> supervisor = ProcessHandle.of(suite.supervisorPid());
        if (supervisor.isEmpty()) {
            return;
        }
        supervisor.get().destroy();
        try {
            supervisor.get().onExit().get(2, TimeUnit.MINUTES);
        } catch (Exception e) {
            supervisor.get().destroyForcibly();
        }
    }

    private static void deleteQuietly(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("could not delete " + directory + ": " + e.getMessage());
        }
    }
}
