package newsroom.bench.sources;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import newsroom.bench.CpuMeter;
import newsroom.cli.grpc.ServiceChannel;
import newsroom.cli.run.ServiceProcess;
import newsroom.e2e.StandInNlpRig;
import newsroom.e2e.StoreContents;
import newsroom.fetching.testing.LocalNewsSite;
import newsroom.fetching.testing.LocalNewsSite.Page;
import newsroom.ingest.v1.AddSourceRequest;
import newsroom.ingest.v1.DeleteSourceRequest;
import newsroom.ingest.v1.SourceServiceGrpc;
import newsroom.localpostgres.DatabaseLogin;
import newsroom.localpostgres.DatabaseRole;
import newsroom.localpostgres.LocalPostgres;

/**
 * Following sources at scale (issue 20): {@code -Dfeeds} (1,000) local feeds of {@code -Ditems}
 * (20) items each, spread over {@code -Dhosts} (50) news sites on 127.0.0.1 to 127.0.0.50
 * (Linux answers on all of 127/8, so each is a host of its own for robots and politeness), followed
 * by 1 and then 2 ingest-service replicas (real processes, {@code java -jar}, on a throw-away
 * embedded PostgreSQL), each configuration on a fresh store and fresh sites.
 *
 * <p>The NLP service is the end-to-end tests' stand-in ({@code newsroom.e2e.CountingNlpService},
 * through e2e-tests' test jar), answering each analysis in {@code -Dnlp.millis} (5) ms: CoreNLP on
 * this machine's 2 cores analyses a few articles a second, so 20,000 real analyses would take
 * hours and measure CoreNLP, not the following of sources. "Analysed" below means the article
 * is ANALYZED in the store with the stand-in's analysis, searchable.
 *
 * <p>Per configuration: a warm-up (one feed of {@code -Dwarmup.items} (20) items per host,
 * followed until every page is analysed, then removed; not measured), then the load: every feed
 * added at once through SourceService at a 1-minute interval (min and max interval set to 1 min,
 * so the interval stays there), timed until every item is stored and until every item is
 * analysed; pages fetched per second (page requests the sites logged, over the time until every
 * item was stored); the ingest-service processes' CPU
 * (utime + stime from /proc) per page fetched, with PostgreSQL's beside it. Then freshness:
 * {@code -Dfreshness.items} (120) new items put into feeds one at a time over
 * {@code -Dfreshness.spread} (3 min), each timed from the moment its feed lists it to its
 * article's analyzed_at; p50, p95 and max. The load average is printed beside the figures.
 *
 * <pre>flock /work/bench.lock ./mvnw -B -o -q -pl benchmarks exec:java@sources [-Dreplicas=1,2]
 *     [-Dfeeds=1000] [-Ditems=20] [-Dhosts=50] [-Dhost.delay=20ms] [-Dconcurrency=8]</pre>
 */
public final class SourcesBenchmark {

    private static final com.google.protobuf.Duration ONE_MINUTE =
            com.google.protobuf.Duration.newBuilder().setSeconds(60).build();
    private static final Instant PUBLISHED = Instant.parse("2026-12-01T00:00:00Z");

    private final int hosts = Integer.getInteger("hosts", 50);
    private final int feeds = Integer.getInteger("feeds", 1_000);
    private final int items = Integer.getInteger("items", 20);
    private final int warmupItems = Integer.getInteger("warmup.items", 20);
    private final int freshItems = Integer.getInteger("freshness.items", 120);
    private final Duration freshSpread = Duration.parse(System.getProperty("freshness.spread", "PT3M"));
    private final String hostDelay = System.getProperty("host.delay", "20ms");
    private final int concurrency = Integer.getInteger("concurrency", 8);
    private final int nlpMillis = Integer.getInteger("nlp.millis", 5);
    private final Duration limit = Duration.parse(System.getProperty("limit", "PT40M"));

    /** What one configuration measured. */
    private record Result(int replicas, double storedSeconds, double analysedSeconds, long pageRequests,
                          long feedRequests, double pagesPerSecond, String cpuPerPage, double freshP50,
                          double freshP95, double freshMax, String loadBefore, String loadAfter) {
    }

    public static void main(String[] args) throws Exception {
        SourcesBenchmark bench = new SourcesBenchmark();
        List<Integer> replicaCounts = Arrays.stream(System.getProperty("replicas", "1,2").split(","))
                .map(String::strip).map(Integer::parseInt).toList();
        System.out.printf(Locale.ROOT, "machine: %d cores, %s memory, Java %s; load average %s%n",
                Runtime.getRuntime().availableProcessors(), memory(), System.getProperty("java.vm.version"), load());
        System.out.printf(Locale.ROOT, "data: %d feeds (RSS and Atom, alternately) x %d items on %d hosts (127.0.0.1-%d);"
                        + " host delay %s; concurrency %d per replica; stand-in NLP %d ms per analysis%n",
                bench.feeds, bench.items, bench.hosts, bench.hosts, bench.hostDelay, bench.concurrency, bench.nlpMillis);
        List<Result> results = new ArrayList<>();
        for (int replicas : replicaCounts) {
            results.add(bench.run(replicas));
        }
        System.out.println();
        System.out.printf(Locale.ROOT, "%-9s %10s %11s %9s %9s %10s  %-58s %8s %8s %8s  %s%n", "replicas", "stored, s",
                "analysed, s", "pages", "feeds", "pages/s", "CPU per page fetched", "fresh50", "fresh95", "freshMax",
                "load average before / after");
        for (Result r : results) {
            System.out.printf(Locale.ROOT, "%-9d %10.1f %11.1f %9d %9d %10.1f  %-58s %7.1fs %7.1fs %7.1fs  %s / %s%n",
                    r.replicas(), r.storedSeconds(), r.analysedSeconds(), r.pageRequests(), r.feedRequests(),
                    r.pagesPerSecond(), r.cpuPerPage(), r.freshP50(), r.freshP95(), r.freshMax(), r.loadBefore(),
                    r.loadAfter());
        }
    }

    private Result run(int replicas) throws Exception {
        System.out.printf(Locale.ROOT, "%n== %d replica(s) ==%n", replicas);
        List<LocalNewsSite> sites = new ArrayList<>();
        LocalPostgres postgres = LocalPostgres.startThrowAway();
        try (StandInNlpRig rig = StandInNlpRig.start(postgres, nlpMillis)) {
            for (int host = 1; host <= hosts; host++) {
                sites.add(LocalNewsSite.start("127.0.0." + host));
            }
            Map<String, Map<String, String>> settings = new LinkedHashMap<>();
            for (int replica = 0; replica < replicas; replica++) {
                settings.put("sources-bench-" + replicas + "-replica-" + replica, Map.of(
                        "NEWSROOM_SOURCES_ALLOW_PRIVATE_ADDRESSES", "true",
                        "NEWSROOM_SOURCES_HOST_DELAY", hostDelay,
                        "NEWSROOM_SOURCES_CONCURRENCY", Integer.toString(concurrency),
                        "NEWSROOM_SOURCES_MIN_INTERVAL", "1m",
                        "NEWSROOM_SOURCES_MAX_INTERVAL", "1m"));
            }
            List<ServiceProcess> processes = rig.startIngestReplicas(settings);
            List<ServiceChannel> channels = new ArrayList<>();
            try (Connection sql = reader(postgres)) {
                for (ServiceProcess process : processes) {
                    channels.add(rig.channelTo(process));
                }
                StoreContents store = rig.store();

                // Warm-up: one feed per host, followed to the end, then removed.
                long warmStart = System.nanoTime();
                List<Long> warmupSources = new ArrayList<>();
                for (int host = 0; host < hosts; host++) {
                    LocalNewsSite site = sites.get(host);
                    Page[] pages = new Page[warmupItems];
                    for (int item = 0; item < warmupItems; item++) {
                        pages[item] = site.page("/warm/" + item, "Warm-up report " + host + " number " + item,
                                PUBLISHED.plusSeconds(item));
                    }
                    site.rssFeed("/warmup.xml", pages);
                    warmupSources.add(add(channels.get(host % channels.size()), site.url("/warmup.xml").toString()));
                }
                long warmArticles = (long) hosts * warmupItems;
                store.awaitCount("the warm-up", "source_id IS NOT NULL AND status = 'ANALYZED'", warmArticles, limit);
                for (long id : warmupSources) {
                    sources(channels.get(0)).deleteSource(DeleteSourceRequest.newBuilder().setId(id).build());
                }
                System.out.printf(Locale.ROOT, "warm-up: %d pages from %d feeds analysed in %.1f s%n", warmArticles,
                        hosts, (System.nanoTime() - warmStart) / 1e9);

                // The load.
                List<String> feedUrls = new ArrayList<>();
                for (int feed = 0; feed < feeds; feed++) {
                    LocalNewsSite site = sites.get(feed % hosts);
                    Page[] pages = new Page[items];
                    for (int item = 0; item < items; item++) {
                        pages[item] = site.page("/news/" + feed + "-" + item, "Report " + feed + " of the day, part "
                                + item, PUBLISHED.plusSeconds(60L * item));
                    }
                    String path = "/feeds/" + feed + ".xml";
                    if (feed % 2 == 0) {
                        site.rssFeed(path, pages);
                    } else {
                        site.atomFeed(path, pages);
                    }
                    feedUrls.add(site.url(path).toString());
                }
                long target = warmArticles + (long) feeds * items;
                CpuMeter cpu = new CpuMeter(processes.stream().map(ServiceProcess::pid).toList(),
                        List.of(CpuMeter.postmasterPid(sql)));
                String loadBefore = load();
                CpuMeter.Sample before = cpu.sample();
                Instant start = Instant.now();
                long startNanos = System.nanoTime();
                for (int feed = 0; feed < feedUrls.size(); feed++) {
                    add(channels.get(feed % channels.size()), feedUrls.get(feed));
                }
                double storedSeconds = -1;
                long lastReport = System.nanoTime();
                while (true) {
                    long stored = store.count("TRUE");
                    long analysed = store.count("status = 'ANALYZED'");
                    double elapsed = (System.nanoTime() - startNanos) / 1e9;
                    if (storedSeconds < 0 && stored >= target) {
                        storedSeconds = elapsed;
                    }
                    if (analysed >= target) {
                        break;
                    }
                    if (System.nanoTime() - lastReport > 15e9) {
                        lastReport = System.nanoTime();
                        System.out.printf(Locale.ROOT, "  %.0f s: %d of %d stored, %d analysed; %d sources failing;"
                                        + " load %s%n", elapsed, stored - warmArticles, target - warmArticles,
                                analysed - warmArticles, failingSources(sql), load());
                    }
                    if (elapsed > limit.toSeconds()) {
                        throw new IllegalStateException("not done after " + limit + ": " + stored + " stored, "
                                + analysed + " analysed of " + target);
                    }
                    Thread.sleep(200);
                }
                double analysedSeconds = (System.nanoTime() - startNanos) / 1e9;
                CpuMeter.Sample after = cpu.sample();
                Instant end = Instant.now();
                String loadAfter = load();
                long pageRequests = 0;
                long feedRequests = 0;
                for (LocalNewsSite site : sites) {
                    for (LocalNewsSite.Request request : site.requests()) {
                        if (request.at().isBefore(start) || request.at().isAfter(end)) {
                            continue;
                        }
                        if (request.path().startsWith("/news/")) {
                            pageRequests++;
                        } else if (request.path().startsWith("/feeds/")) {
                            feedRequests++;
                        }
                    }
                }
                System.out.printf(Locale.ROOT, "load: %d pages stored in %.1f s, analysed in %.1f s; %d page and %d feed"
                                + " requests; %.1f pages fetched and stored per second; %s (per page fetched); %d sources failing%n",
                        target - warmArticles, storedSeconds, analysedSeconds, pageRequests, feedRequests,
                        pageRequests / storedSeconds, after.perCall(before, pageRequests), failingSources(sql));

                double[] freshness = freshness(sites, sql);
                return new Result(replicas, storedSeconds, analysedSeconds, pageRequests, feedRequests,
                        pageRequests / storedSeconds, after.perCall(before, pageRequests), freshness[0], freshness[1],
                        freshness[2], loadBefore, loadAfter);
            } finally {
                channels.forEach(ServiceChannel::close);
            }
        } finally {
            sites.forEach(LocalNewsSite::close);
        }
    }

    /**
     * New items put into feeds one at a time, evenly over the spread, each timed from the moment
     * its feed lists it to its article's analyzed_at (the same machine's clock): p50, p95, max in s.
     * Also printed: where the time went (listed to its page requested, requested to stored,
     * stored to analysed), and how often each feed was read meanwhile.
     */
    private double[] freshness(List<LocalNewsSite> sites, Connection sql) throws Exception {
        Map<String, Instant> appeared = new LinkedHashMap<>();
        Map<String, Page> pages = new LinkedHashMap<>();
        long pause = freshSpread.toMillis() / freshItems;
        Instant from = Instant.now();
        for (int n = 0; n < freshItems; n++) {
            int feed = (int) ((n * 7919L) % feeds);
            LocalNewsSite site = sites.get(feed % hosts);
            Page page = site.page("/news/fresh-" + n, "Breaking report " + n + " from feed " + feed, Instant.now());
            site.addToFeed("/feeds/" + feed + ".xml", page);
            appeared.put(page.url().toString(), Instant.now());
            pages.put(page.url().toString(), page);
            Thread.sleep(pause);
        }
        long deadline = System.nanoTime() + Duration.ofMinutes(5).toNanos();
        List<Double> lags = new ArrayList<>();
        List<Double> toRequest = new ArrayList<>();
        List<Double> toStored = new ArrayList<>();
        List<Double> toAnalysed = new ArrayList<>();
        while (lags.size() < appeared.size()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("only " + lags.size() + " of " + appeared.size()
                        + " fresh items analysed 5 minutes after the last appeared");
            }
            Thread.sleep(500);
            lags.clear();
            toRequest.clear();
            toStored.clear();
            toAnalysed.clear();
            try (PreparedStatement statement = sql.prepareStatement("SELECT url, accepted_at, analyzed_at FROM article"
                    + " WHERE status = 'ANALYZED' AND url = ANY (?)")) {
                statement.setArray(1, sql.createArrayOf("text", appeared.keySet().toArray()));
                try (ResultSet rows = statement.executeQuery()) {
                    while (rows.next()) {
                        String url = rows.getString(1);
                        Instant listed = appeared.get(url);
                        Instant stored = rows.getTimestamp(2).toInstant();
                        Instant analysed = rows.getTimestamp(3).toInstant();
                        Page page = pages.get(url);
                        Instant requested = sites.get(hostOf(page)).requests(page.path()).get(0).at();
                        lags.add(seconds(listed, analysed));
                        toRequest.add(seconds(listed, requested));
                        toStored.add(seconds(requested, stored));
                        toAnalysed.add(seconds(stored, analysed));
                    }
                }
            }
        }
        // How often each feed was read while the new items appeared: 1 a minute when the
        // schedulers keep up with the 1-minute interval.
        Instant to = from.plus(freshSpread);
        long feedReads = sites.stream().flatMap(site -> site.requests().stream())
                .filter(request -> request.path().startsWith("/feeds/") && !request.at().isBefore(from)
                        && request.at().isBefore(to)).count();
        double[] sorted = lags.stream().mapToDouble(Double::doubleValue).sorted().toArray();
        System.out.printf(Locale.ROOT, "freshness at a 1-minute interval: %d new items over %d s; from listed to"
                        + " analysed p50 %.1f s, p95 %.1f s, max %.1f s; load %s%n", sorted.length,
                freshSpread.toSeconds(), percentile(sorted, 50), percentile(sorted, 95), sorted[sorted.length - 1],
                load());
        System.out.printf(Locale.ROOT, "  listed to page requested p50 %.1f p95 %.1f s; requested to stored p50 %.1f"
                        + " p95 %.1f s; stored to analysed p50 %.1f p95 %.1f s; %.2f reads per feed per minute%n",
                percentile(toRequest, 50), percentile(toRequest, 95), percentile(toStored, 50),
                percentile(toStored, 95), percentile(toAnalysed, 50), percentile(toAnalysed, 95),
                feedReads / (double) feeds / (freshSpread.toMillis() / 60_000.0));
        return new double[] {percentile(sorted, 50), percentile(sorted, 95), sorted[sorted.length - 1]};
    }

    /** Which of the sites (0-based, 127.0.0.1 is 0) serves {@code page}. */
    private static int hostOf(Page page) {
        String address = page.url().getHost();
        return Integer.parseInt(address.substring(address.lastIndexOf('.') + 1)) - 1;
    }

    private static double seconds(Instant from, Instant to) {
        return Duration.between(from, to).toMillis() / 1000.0;
    }

    private static double percentile(List<Double> values, int percent) {
        return percentile(values.stream().mapToDouble(Double::doubleValue).sorted().toArray(), percent);
    }

    /** Nearest rank. */
    private static double percentile(double[] sorted, int percent) {
        return sorted[(int) Math.ceil(percent / 100.0 * sorted.length) - 1];
    }

    private static long add(ServiceChannel channel, String url) {
        return sources(channel).addSource(AddSourceRequest.newBuilder().setUrl(url).setInterval(ONE_MINUTE).build())
                .getId();
    }

    private static SourceServiceGrpc.SourceServiceBlockingStub sources(ServiceChannel channel) {
        return SourceServiceGrpc.newBlockingStub(channel.channel()).withDeadlineAfter(60, TimeUnit.SECONDS);
    }

    private static long failingSources(Connection sql) throws Exception {
        try (var statement = sql.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM source WHERE consecutive_failures > 0")) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static Connection reader(LocalPostgres postgres) throws Exception {
        DatabaseLogin login = postgres.login(DatabaseRole.READER);
        return DriverManager.getConnection(postgres.jdbcUrl(), login.user(), login.password());
    }

    /** The 1, 5 and 15 minute load averages. */
    private static String load() {
        try {
            String[] fields = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return fields[0] + " " + fields[1] + " " + fields[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    private static String memory() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    long kib = Long.parseLong(line.replaceAll("\\D", ""));
                    return String.format(Locale.ROOT, "%.1f GiB", kib / 1024.0 / 1024.0);
                }
            }
        } catch (Exception e) {
            // fall through
        }
        return "unknown";
    }
}
