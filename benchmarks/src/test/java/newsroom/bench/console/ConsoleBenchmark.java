package newsroom.bench.console;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import newsroom.auth.BearerKey;
import newsroom.bench.ServiceReadiness;
import newsroom.cli.credentials.LocalCredentials;
import newsroom.cli.run.ReadinessProbe;
import newsroom.cli.run.ServiceProcess;
import newsroom.localpostgres.DatabaseLogin;
import newsroom.localpostgres.DatabaseRole;
import newsroom.localpostgres.LocalPostgres;
import newsroom.query.v1.ConsoleServiceGrpc;
import newsroom.query.v1.CreateSignInLinkRequest;
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
 * Issue 21's performance section: the console's pages and the JSON API at {@code articles}
 * (100,000) generated articles ({@link ConsoleStore}), against query-service run as a process
 * from {@code query-service/target/quarkus-app}.
 *
 * <ul>
 *   <li>Each console page's time (search, article, entity, compare, quotes, stories): one
 *       signed-in client on loopback, one request after the other, {@code pages} requests a page
 *       per run with varied parameters; p95 per run, median over {@code runs}.</li>
 *   <li>Each {@code /api/v1} path next to the gRPC call it transcodes (the baseline): the same
 *       request, alternately over HTTP and gRPC (which goes first alternates too), one client,
 *       {@code calls} of each per run; p99 per run, median over runs.</li>
 *   <li>A CSV export of {@code quotes} (100,000) quotes ({@code /api/v1/quotes?format=csv&limit=N}),
 *       read as fast as the client can, while the service's used heap is sampled every 50 ms
 *       from its management port's {@code jvm_memory_used_bytes}; the same for a tenth as many
 *       rows, so a heap that grew with the rows would show. The service runs with
 *       {@code -Xmx<xmx>} (256m).</li>
 * </ul>
 * Timings are client-side, so they include HTTP on loopback and the client's parsing of nothing
 * (bodies are read and dropped).
 *
 * <p>Run (BENCHMARKS.md, "Issue 21"): {@code ./mvnw -q -o -pl benchmarks exec:java@console
 * [-Darticles=100000] [-Druns=3] [-Dpages=200] [-Dcalls=400] [-Dquotes=100000] [-Dxmx=256m]
 * [-Dparts=pages,api,export] [-Dquery.env=NAME=value,...]}.
 */
public final class ConsoleBenchmark {

    private static final int PORT = 19395;
    private static final int ADMIN_PORT = 19495;
    private static final Pattern HEAP_USED =
            Pattern.compile("^jvm_memory_used_bytes\\{[^}]*area=\"heap\"[^}]*} ([0-9.Ee+-]+)", Pattern.MULTILINE);

    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(10)).build();
    private final String base = "http://localhost:" + PORT;
    private final ConsoleStore store;
    private final String key;
    private String session;

    private ConsoleBenchmark(ConsoleStore store, String key) {
        this.store = store;
        this.key = key;
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("newsroom.home", ".")).toAbsolutePath().normalize();
        int articles = Integer.getInteger("articles", 100_000);
        int runs = Integer.getInteger("runs", 3);
        int pages = Integer.getInteger("pages", 200);
        int calls = Integer.getInteger("calls", 400);
        int quotes = Integer.getInteger("quotes", 100_000);
        String xmx = System.getProperty("xmx", "256m");
        Path work = Files.createTempDirectory("newsroom-console-bench-");
        System.out.printf("machine: %d cores, %s; load average %s%n", Runtime.getRuntime().availableProcessors(),
                System.getProperty("java.version"), loadAverage());
        try (LocalPostgres postgres = LocalPostgres.startThrowAway()) {
            LocalCredentials credentials = LocalCredentials.ensure(work.resolve("credentials"));
            ServiceProcess query = start(home, work, postgres, credentials, xmx);
            ManagedChannel channel = ManagedChannelBuilder.forAddress("localhost", PORT).usePlaintext()
                    .intercept(new BearerKey(credentials.clientKey())).maxInboundMessageSize(64 << 20).build();
            try (Connection connection = postgres.connect(DatabaseRole.OWNER)) {
                ConsoleStore store = new ConsoleStore();
                long begin = System.nanoTime();
                store.writeEntities(connection);
                store.growTo(connection, articles);
                System.out.printf(Locale.ROOT, "store: %d articles, %d quotes, %d entities in %.0f s (%s)%n",
                        store.articleCount(), count(connection, "quote"), ConsoleStore.ENTITIES,
                        (System.nanoTime() - begin) / 1e9, databaseSize(connection));
                ConsoleBenchmark bench = new ConsoleBenchmark(store, credentials.clientKey());
                bench.signIn(ConsoleServiceGrpc.newBlockingStub(channel));
                List<String> parts = List.of(System.getProperty("parts", "pages,api,export").split(","));
                if (parts.contains("pages")) {
                    bench.pages(runs, pages);
                }
                if (parts.contains("api")) {
                    bench.apiAgainstGrpc(QueryServiceGrpc.newBlockingStub(channel), runs, calls);
                }
                if (parts.contains("export")) {
                    bench.export(quotes / 10, xmx);
                    bench.export(quotes, xmx);
                }
                System.out.println("load average after: " + loadAverage());
            } finally {
                channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
                query.stop(Duration.ofSeconds(20));
            }
        }
        System.exit(0);
    }

    // --- console pages ---

    private void signIn(ConsoleServiceGrpc.ConsoleServiceBlockingStub console) throws Exception {
        String path = console.createSignInLink(CreateSignInLinkRequest.getDefaultInstance()).getPath();
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.discarding());
        session = response.headers().allValues("set-cookie").stream()
                .filter(cookie -> cookie.startsWith("newsroom_session="))
                .map(cookie -> cookie.substring(0, cookie.indexOf(';') < 0 ? cookie.length() : cookie.indexOf(';')))
                .findFirst().orElseThrow(() -> new IllegalStateException("no session cookie: " + response));
    }

    private void pages(int runs, int count) throws Exception {
        Map<String, Function<Random, String>> pages = new LinkedHashMap<>();
        pages.put("search", random -> "/search?q=" + encode(searchWords(random)));
        pages.put("article", random -> "/articles/" + article(random));
        pages.put("entity", random -> "/entities/" + entity(random) + "?by=" + by(random));
        pages.put("compare", random -> {
            StringBuilder url = new StringBuilder("/compare?by=").append(by(random))
                    .append("&scale=").append(random.nextBoolean() ? "share" : "count");
            int entities = 2 + random.nextInt(4);
            for (int i = 0; i < entities; i++) {
                url.append("&entity=").append(entity(random));
            }
            return url.toString();
        });
        pages.put("quotes", random -> random.nextBoolean()
                ? "/quotes?speaker=" + encode(store.name(ConsoleStore.person(random.nextInt(100))))
                : "/quotes?q=" + encode(ConsoleStore.WORDS.get(random.nextInt(ConsoleStore.WORDS.size()))));
        pages.put("stories", random -> random.nextBoolean() ? "/stories" : "/stories/" + storyRoot(random));
        Map<String, List<double[]>> results = new LinkedHashMap<>();
        // Warm-up: the JIT, the connection pool, PostgreSQL's caches.
        for (Map.Entry<String, Function<Random, String>> page : pages.entrySet()) {
            time(page.getValue(), new Random(-1), 50, this::page);
        }
        for (int run = 0; run < runs; run++) {
            for (Map.Entry<String, Function<Random, String>> page : pages.entrySet()) {
                double[] figures = time(page.getValue(), new Random(run * 100L + page.getKey().hashCode()), count,
                        this::page);
                results.computeIfAbsent(page.getKey(), k -> new ArrayList<>()).add(figures);
                System.out.printf(Locale.ROOT, "  run %d page %-8s p50 %7.2f  p95 %7.2f  p99 %7.2f  max %7.2f ms%n",
                        run + 1, page.getKey(), figures[0], figures[1], figures[2], figures[3]);
            }
        }
        System.out.printf("%nconsole pages: median of %d runs of %d requests each, one client (ms)%n", runs, count);
        System.out.printf("%-10s %8s %8s %8s%n", "page", "p50", "p95", "p99");
        results.forEach((page, list) -> System.out.printf(Locale.ROOT, "%-10s %8.2f %8.2f %8.2f%n", page,
                median(list, 0), median(list, 1), median(list, 2)));
    }

    private void page(String path) throws Exception {
        HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                .header("Cookie", session).GET().build(), HttpResponse.BodyHandlers.discarding());
        if (response.statusCode() != 200) {
            throw new IllegalStateException(path + ": HTTP " + response.statusCode());
        }
    }

    // --- JSON API against gRPC ---

    private void apiAgainstGrpc(QueryServiceGrpc.QueryServiceBlockingStub grpc, int runs, int count) throws Exception {
        Map<String, Pair> pairs = new LinkedHashMap<>();
        pairs.put("GET /api/v1/articles?q= | SearchArticles", new Pair(
                random -> "/api/v1/articles?q=" + encode(word(random)),
                (random, ignored) -> grpc.searchArticles(SearchArticlesRequest.newBuilder().setQuery(word(random)).build())));
        pairs.put("GET /api/v1/articles/{id} | GetArticle", new Pair(
                random -> "/api/v1/articles/" + article(random),
                (random, ignored) -> grpc.getArticle(GetArticleRequest.newBuilder().setArticleId(article(random)).build())));
        pairs.put("GET /api/v1/entities?q= | SearchEntities", new Pair(
                random -> "/api/v1/entities?q=" + encode(entityWord(random)),
                (random, ignored) -> grpc.searchEntities(SearchEntitiesRequest.newBuilder().setQuery(entityWord(random)).build())));
        pairs.put("GET /api/v1/entities/{id} | GetEntity", new Pair(
                random -> "/api/v1/entities/" + entity(random),
                (random, ignored) -> grpc.getEntity(GetEntityRequest.newBuilder().setEntityId(entity(random)).build())));
        pairs.put("GET .../{id}/timeline?by= | GetEntityTimeline", new Pair(
                random -> "/api/v1/entities/" + entity(random) + "/timeline?by=" + by(random),
                (random, ignored) -> grpc.getEntityTimeline(GetEntityTimelineRequest.newBuilder()
                        .setEntityId(entity(random)).setGranularity(TimelineGranularity.valueOf(by(random).toUpperCase(Locale.ROOT)))
                        .build())));
        pairs.put("GET .../{id}/comentions | GetCoMentions", new Pair(
                random -> "/api/v1/entities/" + entity(random) + "/comentions",
                (random, ignored) -> grpc.getCoMentions(GetCoMentionsRequest.newBuilder().setEntityId(entity(random)).build())));
        pairs.put("GET /api/v1/quotes?speaker= | ListQuotes", new Pair(
                random -> "/api/v1/quotes?speaker=" + encode(store.name(ConsoleStore.person(random.nextInt(100)))),
                (random, ignored) -> grpc.listQuotes(ListQuotesRequest.newBuilder()
                        .setSpeakerName(store.name(ConsoleStore.person(random.nextInt(100)))).build())));
        pairs.put("GET /api/v1/stories | ListStories", new Pair(
                random -> "/api/v1/stories?min_report_count=" + (1 + random.nextInt(4)),
                (random, ignored) -> grpc.listStories(ListStoriesRequest.newBuilder()
                        .setMinReportCount(1 + random.nextInt(4)).build())));
        pairs.put("GET /api/v1/stories/{id} | GetStory", new Pair(
                random -> "/api/v1/stories/" + storyRoot(random),
                (random, ignored) -> grpc.getStory(GetStoryRequest.newBuilder().setStoryId(storyRoot(random)).build())));

        Map<String, List<double[]>> overHttp = new LinkedHashMap<>();
        Map<String, List<double[]>> overGrpc = new LinkedHashMap<>();
        for (Map.Entry<String, Pair> pair : pairs.entrySet()) {
            interleave(pair.getValue(), -1, 50);
        }
        for (int run = 0; run < runs; run++) {
            for (Map.Entry<String, Pair> pair : pairs.entrySet()) {
                double[][] figures = interleave(pair.getValue(), run * 100L + pair.getKey().hashCode(), count);
                overHttp.computeIfAbsent(pair.getKey(), k -> new ArrayList<>()).add(figures[0]);
                overGrpc.computeIfAbsent(pair.getKey(), k -> new ArrayList<>()).add(figures[1]);
                System.out.printf(Locale.ROOT, "  run %d %-48s HTTP p50 %6.2f p99 %7.2f | gRPC p50 %6.2f p99 %7.2f ms%n",
                        run + 1, pair.getKey(), figures[0][0], figures[0][2], figures[1][0], figures[1][2]);
            }
        }
        System.out.printf("%nJSON API against gRPC (the baseline): median of %d runs of %d calls of each, one client (ms)%n",
                runs, count);
        System.out.printf("%-48s %9s %9s %9s %9s %9s%n", "path | rpc", "HTTP p50", "gRPC p50", "HTTP p99", "gRPC p99",
                "p99 diff");
        for (String name : pairs.keySet()) {
            double httpP99 = median(overHttp.get(name), 2);
            double grpcP99 = median(overGrpc.get(name), 2);
            System.out.printf(Locale.ROOT, "%-48s %9.2f %9.2f %9.2f %9.2f %+9.2f%n", name,
                    median(overHttp.get(name), 0), median(overGrpc.get(name), 0), httpP99, grpcP99, httpP99 - grpcP99);
        }
    }

    /** A JSON API path and the gRPC call it transcodes, each made from the same random draws. */
    private record Pair(Function<Random, String> path, GrpcCall grpc) {
    }

    private interface GrpcCall {
        Object call(Random random, Void unused) throws Exception;
    }

    // The i-th HTTP and gRPC calls draw the same parameters (a Random of the same seed each); which goes first alternates.
    private double[][] interleave(Pair pair, long seed, int count) throws Exception {
        long[] overHttp = new long[count];
        long[] overGrpc = new long[count];
        for (int i = 0; i < count; i++) {
            long drawn = seed * 1_000_003L + i;
            for (int turn = 0; turn < 2; turn++) {
                boolean httpTurn = (i + turn) % 2 == 0;
                long start = System.nanoTime();
                if (httpTurn) {
                    String path = pair.path().apply(new Random(drawn));
                    HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create(base + path))
                            .header("Authorization", "Bearer " + key).GET().build(),
                            HttpResponse.BodyHandlers.discarding());
                    if (response.statusCode() != 200) {
                        throw new IllegalStateException(path + ": HTTP " + response.statusCode());
                    }
                    overHttp[i] = System.nanoTime() - start;
                } else {
                    pair.grpc().call(new Random(drawn), null);
                    overGrpc[i] = System.nanoTime() - start;
                }
            }
        }
        return new double[][] {percentiles(overHttp), percentiles(overGrpc)};
    }

    // --- CSV export ---

    private void export(int rows, String xmx) throws Exception {
        AtomicBoolean streaming = new AtomicBoolean(true);
        AtomicLong peak = new AtomicLong();
        List<Long> samples = new ArrayList<>();
        long before = usedHeap();
        Thread sampler = new Thread(() -> {
            while (streaming.get()) {
                try {
                    long used = usedHeap();
                    synchronized (samples) {
                        samples.add(used);
                    }
                    peak.accumulateAndGet(used, Math::max);
                    Thread.sleep(50);
                } catch (Exception e) {
                    return;
                }
            }
        });
        sampler.start();
        long start = System.nanoTime();
        long bytes = 0;
        long lines = 0;
        HttpResponse<InputStream> response = http.send(HttpRequest.newBuilder(
                        URI.create(base + "/api/v1/quotes?format=csv&limit=" + rows))
                .header("Authorization", "Bearer " + key).GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        if (response.statusCode() != 200) {
            throw new IllegalStateException("export: HTTP " + response.statusCode());
        }
        long firstByte = 0;
        try (InputStream body = response.body()) {
            byte[] buffer = new byte[64 << 10];
            int read;
            while ((read = body.read(buffer)) >= 0) {
                if (bytes == 0 && read > 0) {
                    firstByte = System.nanoTime() - start;
                }
                bytes += read;
                for (int i = 0; i < read; i++) {
                    if (buffer[i] == '\n') {
                        lines++;
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        streaming.set(false);
        sampler.join();
        long[] sorted;
        synchronized (samples) {
            sorted = samples.stream().mapToLong(Long::longValue).sorted().toArray();
        }
        System.out.printf(Locale.ROOT, "%nCSV export of %d quotes: %d lines (header included), %.1f MiB in %.1f s"
                        + " (first byte after %.0f ms); used heap (-Xmx%s) before %.0f MiB, while streaming"
                        + " median %.0f / max %.0f MiB over %d samples%n",
                rows, lines, bytes / 1048576.0, seconds, firstByte / 1e6, xmx, before / 1048576.0,
                sorted.length == 0 ? 0 : sorted[sorted.length / 2] / 1048576.0, peak.get() / 1048576.0,
                sorted.length);
    }

    private long usedHeap() throws IOException, InterruptedException {
        HttpResponse<String> metrics = http.send(HttpRequest.newBuilder(
                URI.create("http://localhost:" + ADMIN_PORT + "/q/metrics")).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        Matcher heap = HEAP_USED.matcher(metrics.body());
        double used = 0;
        while (heap.find()) {
            used += Double.parseDouble(heap.group(1));
        }
        return (long) used;
    }

    // --- what the requests ask for ---

    // Every word of the text, from the commonest to the rarest, and two-word searches.
    private static String word(Random random) {
        return ConsoleStore.WORDS.get(random.nextInt(ConsoleStore.WORDS.size()));
    }

    private static String searchWords(Random random) {
        return random.nextInt(4) == 0 ? word(random) + " " + word(random) : word(random);
    }

    private String entityWord(Random random) {
        String name = store.name(entity(random));
        return name.substring(0, name.indexOf(' ') < 0 ? name.length() : name.indexOf(' '));
    }

    // One of the 300 most drawn entities (low ids), the ones analysts look at.
    private static long entity(Random random) {
        return ConsoleStore.popular(random.nextInt(300));
    }

    private long article(Random random) {
        return 1 + random.nextInt(store.articleCount());
    }

    private long storyRoot(Random random) {
        return 1 + 4L * random.nextInt(store.articleCount() / 4);
    }

    private static String by(Random random) {
        return List.of("day", "week", "month").get(random.nextInt(3));
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }

    // --- figures ---

    private interface Request {
        void send(String path) throws Exception;
    }

    private static double[] time(Function<Random, String> path, Random random, int count, Request request)
            throws Exception {
        long[] nanos = new long[count];
        for (int i = 0; i < count; i++) {
            String url = path.apply(random);
            long start = System.nanoTime();
            request.send(url);
            nanos[i] = System.nanoTime() - start;
        }
        return percentiles(nanos);
    }

    /** p50, p95, p99 and max in milliseconds, percentiles by nearest rank. */
    private static double[] percentiles(long[] nanos) {
        long[] sorted = nanos.clone();
        Arrays.sort(sorted);
        return new double[] {rank(sorted, 50), rank(sorted, 95), rank(sorted, 99), sorted[sorted.length - 1] / 1e6};
    }

    private static double rank(long[] sorted, int percent) {
        int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }

    private static double median(List<double[]> runs, int figure) {
        double[] values = runs.stream().mapToDouble(run -> run[figure]).sorted().toArray();
        int middle = values.length / 2;
        return values.length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }

    // --- the service and the store ---

    private static ServiceProcess start(Path home, Path work, LocalPostgres postgres, LocalCredentials credentials,
                                        String xmx) throws Exception {
        Map<String, String> environment = new HashMap<>(credentials.serviceEnvironment());
        DatabaseLogin reader = postgres.login(DatabaseRole.READER);
        DatabaseLogin owner = postgres.login(DatabaseRole.OWNER);
        environment.putAll(Map.of("NEWSROOM_DB_URL", postgres.jdbcUrl(), "NEWSROOM_DB_USER", reader.user(),
                "NEWSROOM_DB_PASSWORD", reader.password(), "NEWSROOM_QUERY_PORT", String.valueOf(PORT),
                "NEWSROOM_QUERY_ADMIN_PORT", String.valueOf(ADMIN_PORT)));
        // No ingest-service here to migrate the store: query-service does it this once, as the owner.
        environment.putAll(Map.of("QUARKUS_FLYWAY_MIGRATE_AT_START", "true",
                "QUARKUS_FLYWAY_USERNAME", owner.user(), "QUARKUS_FLYWAY_PASSWORD", owner.password()));
        // -Dquery.env=NAME=value,... sets more of the service's settings (NEWSROOM_QUERY_MAX_PAGE_OFFSET, say).
        for (String setting : System.getProperty("query.env", "").split(",")) {
            if (setting.contains("=")) {
                environment.put(setting.substring(0, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
            }
        }
        Path jar = Path.of(System.getProperty("query.jar",
                home.resolve("query-service/target/quarkus-app/quarkus-run.jar").toString()));
        ServiceProcess query = ServiceProcess.start(new ServiceProcess.Spec("query-service", jar, PORT, ADMIN_PORT,
                List.of("-Xmx" + xmx), environment, work.resolve("query-service.log")));
        ServiceReadiness.await(query, "query-service", new ReadinessProbe(), Duration.ofMinutes(3), Duration.ofMillis(100));
        System.out.println("query-service: " + jar + " -Xmx" + xmx + ", log " + work.resolve("query-service.log"));
        return query;
    }

    private static long count(Connection connection, String table) throws Exception {
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM " + table)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static String databaseSize(Connection connection) throws Exception {
        try (Statement statement = connection.createStatement();
             ResultSet size = statement.executeQuery("SELECT pg_size_pretty(pg_database_size(current_database()))")) {
            size.next();
            return size.getString(1);
        }
    }

    private static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).strip();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
