package newsroom.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import java.util.stream.Collectors;
import newsroom.cli.grpc.ServiceChannel;
import newsroom.cli.run.ServiceProcess;
import newsroom.fetching.testing.LocalNewsSite;
import newsroom.fetching.testing.LocalNewsSite.Page;
import newsroom.ingest.v1.AddSourceRequest;
import newsroom.ingest.v1.ListSourcesRequest;
import newsroom.ingest.v1.ListSourcesResponse;
import newsroom.ingest.v1.Source;
import newsroom.ingest.v1.SourceServiceGrpc;
import newsroom.localpostgres.LocalPostgres;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Followed sources shared by two ingest-service replicas (real processes on one real
 * PostgreSQL) fetching news sites on 127.0.0.x: each due source is fetched by one replica at a
 * time, each item's page is fetched and stored once, requests to one host stay at least the
 * host delay apart across both replicas, and a replica killed mid-fetch leaves its source to the
 * other once its lease ends, with nothing lost or stored twice.
 *
 * <p>Each replica has a contact URL of its own, so the User-Agent in a site's request log says
 * which replica sent each request.
 */
class SourceReplicasIT {

    private static final Duration HOST_DELAY = Duration.ofMillis(200);
    private static final com.google.protobuf.Duration FIVE_SECONDS =
            com.google.protobuf.Duration.newBuilder().setSeconds(5).build();
    /** A bound, not an expectation: a slow CI machine may need all of it. */
    private static final Duration LIMIT = Duration.ofMinutes(2);

    @RegisterExtension
    final RigUnderTest rigUnderTest = new RigUnderTest();
    private StandInNlpRig rig;
    private final List<LocalNewsSite> sites = new ArrayList<>();

    @AfterEach
    void stopTheSites() {
        sites.forEach(LocalNewsSite::close);
    }

    @Test
    void twoReplicasShareTheSourcesFetchEachPageOnceAndKeepTheHostDelay() throws Exception {
        rig = rigUnderTest.start(LocalPostgres.startThrowAway(), 20);
        for (int host = 1; host <= 3; host++) {
            sites.add(LocalNewsSite.start("127.0.0." + host));
        }
        List<ServiceProcess> replicas = rig.startIngestReplicas(replicaSettings(Map.of()));

        // 30 feeds (RSS and Atom) of 4 items each, 10 feeds on each of the 3 hosts.
        Map<String, Page> pages = new LinkedHashMap<>();
        Map<String, LocalNewsSite> feeds = new LinkedHashMap<>();
        for (int feed = 0; feed < 30; feed++) {
            LocalNewsSite site = sites.get(feed % sites.size());
            Page[] items = new Page[4];
            for (int item = 0; item < items.length; item++) {
                items[item] = publish(site, "feed-" + feed + "-item-" + item, pages);
            }
            String path = "/feeds/" + feed + ".xml";
            if (feed % 2 == 0) {
                site.rssFeed(path, items);
            } else {
                site.atomFeed(path, items);
            }
            feeds.put(path, site);
        }

        List<ServiceChannel> channels = new ArrayList<>();
        try {
            for (ServiceProcess replica : replicas) {
                channels.add(rig.channelTo(replica));
            }
            // Added through either replica: a source is the store's, not the replica's that took it.
            int n = 0;
            for (Map.Entry<String, LocalNewsSite> feed : feeds.entrySet()) {
                sources(channels.get(n++ % channels.size())).addSource(AddSourceRequest.newBuilder()
                        .setUrl(feed.getValue().url(feed.getKey()).toString()).setInterval(FIVE_SECONDS).build());
            }
            awaitSourceArticlesAnalyzed(pages.size());

            // A second round: a new item in every other feed, picked up at a later poll.
            int feedNumber = 0;
            for (Map.Entry<String, LocalNewsSite> feed : feeds.entrySet()) {
                if (feedNumber++ % 2 == 0) {
                    feed.getValue().addToFeed(feed.getKey(), publish(feed.getValue(), "late-item-of-" + feedNumber, pages));
                }
            }
            awaitSourceArticlesAnalyzed(pages.size());

            // Every feed is read once more after its last page was stored: a replica that took an
            // item for new again would request its page a second time now.
            Map<String, Integer> feedReads = new HashMap<>();
            feeds.forEach((path, site) -> feedReads.put(path, site.requests(path).size()));
            awaitTrue("every feed to be read again", () -> feeds.entrySet().stream().allMatch(
                    feed -> feed.getValue().requests(feed.getKey()).size() > feedReads.get(feed.getKey())));

            for (Page page : pages.values()) {
                LocalNewsSite site = siteOf(page);
                assertEquals(1, site.requests(page.path()).size(), () -> page.url() + " requested: "
                        + site.requests(page.path()));
            }
            StoreContents store = rig.store();
            assertEquals(pages.size(), store.count("TRUE"), "one article per item");
            assertEquals(pages.size(), store.count("url IN (" + pages.keySet().stream().map(url -> "'" + url + "'")
                    .collect(Collectors.joining(", ")) + ")"), "an article for every item, by its URL");
            assertEquals(pages.size(), store.count("source_id IS NOT NULL"), "each article knows its source");
            store.assertEveryArticleAnalyzedOnce();

            ListSourcesResponse listed = sources(channels.get(0)).listSources(ListSourcesRequest.newBuilder().build());
            assertEquals(feeds.size(), listed.getTotalCount());
            assertEquals(pages.size(), listed.getSourcesList().stream().mapToLong(Source::getArticlesAccepted).sum(),
                    "articles accepted, summed over the sources");
            for (Source source : listed.getSourcesList()) {
                assertEquals("", source.getLastError(), source::toString);
                assertEquals(0, source.getConsecutiveFailures(), source::toString);
            }
        } finally {
            channels.forEach(ServiceChannel::close);
        }

        // Both replicas did part of the work.
        for (ServiceProcess replica : replicas) {
            double fetches = AdminMetrics.total(replica, "newsroom_source_fetches_total");
            System.out.printf("%s (pid %d): %.0f source fetches%n", replica.spec().logFile().getFileName(),
                    replica.pid(), fetches);
            assertTrue(fetches > 0, replica.spec().logFile().getFileName() + " fetched no source");
        }
        for (LocalNewsSite site : sites) {
            assertRequestsAtLeastApart(site, HOST_DELAY);
        }
    }

    @Test
    void aReplicaKilledMidFetchLeavesItsSourceToTheOtherOnceItsLeaseEnds() throws Exception {
        rig = rigUnderTest.start(LocalPostgres.startThrowAway(), 20);
        LocalNewsSite site = LocalNewsSite.start("127.0.0.4");
        sites.add(site);
        // Each page takes a second to answer: a fetch of the feed's 6 items takes about 6 s, well
        // inside the 15 s lease, so only a dead replica's lease ever runs out.
        Map<String, Page> pages = new LinkedHashMap<>();
        Page[] items = new Page[6];
        for (int item = 0; item < items.length; item++) {
            items[item] = publish(site, "slow-item-" + item, pages);
            site.slow(items[item].path(), Duration.ofSeconds(1));
        }
        site.rssFeed("/slow.xml", items);
        List<ServiceProcess> replicas = rig.startIngestReplicas(replicaSettings(Map.of("NEWSROOM_SOURCES_LEASE", "15s",
                // The dead replica also held the host's turn; it frees the host after the request timeout.
                "NEWSROOM_SOURCES_REQUEST_TIMEOUT", "10s")));
        StoreContents store = rig.store();

        long sourceId;
        try (ServiceChannel channel = rig.channelTo(replicas.get(0))) {
            sourceId = sources(channel).addSource(AddSourceRequest.newBuilder()
                    .setUrl(site.url("/slow.xml").toString()).setInterval(FIVE_SECONDS).build()).getId();
        }

        // Mid-fetch: some of the items stored, the replica waiting for the next page.
        awaitTrue("a page stored and the next one being fetched", () -> {
            try {
                return store.count("source_id IS NOT NULL") >= 1 && inProgressPageRequest(site, pages).isPresent();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        String fetcherAgent = inProgressPageRequest(site, pages).orElseThrow().userAgent();
        ServiceProcess fetcher = replicas.stream().filter(replica -> fetcherAgent.contains(replicaTag(replica)))
                .findFirst().orElseThrow(() -> new AssertionError("no replica sends " + fetcherAgent));
        ServiceProcess survivor = replicas.stream().filter(replica -> replica != fetcher).findFirst().orElseThrow();
        ProcessHandle.of(fetcher.pid()).orElseThrow().destroyForcibly(); // SIGKILL
        ProcessHandle.of(fetcher.pid()).ifPresent(process -> process.onExit().join());
        assertFalse(fetcher.isAlive(), "the fetching replica was killed");
        Set<String> storedAtKill = store.texts("SELECT url FROM article WHERE source_id IS NOT NULL");
        Instant leaseEnd = store.instant("SELECT lease_until FROM source WHERE id = " + sourceId)
                .orElseThrow(() -> new AssertionError("source " + sourceId + " has no lease mid-fetch"));
        assertTrue(storedAtKill.size() < pages.size(), "the kill came mid-fetch: " + storedAtKill);

        awaitSourceArticlesAnalyzed(pages.size());

        assertEquals(pages.size(), store.count("source_id = " + sourceId), "each item stored once");
        assertEquals(pages.size(), store.count("url IN (" + pages.keySet().stream().map(url -> "'" + url + "'")
                .collect(Collectors.joining(", ")) + ")"), "an article for every item, by its URL");
        store.assertEveryArticleAnalyzedOnce();
        List<LocalNewsSite.Request> survivorRequests = site.requests().stream()
                .filter(request -> request.userAgent() != null && request.userAgent().contains(replicaTag(survivor)))
                .toList();
        assertFalse(survivorRequests.isEmpty(), "the surviving replica fetched the source");
        assertFalse(survivorRequests.get(0).at().isBefore(leaseEnd), "the survivor's first request ("
                + survivorRequests.get(0).at() + ") came before the dead replica's lease ended (" + leaseEnd + ")");
        for (LocalNewsSite.Request request : survivorRequests) {
            assertFalse(storedAtKill.contains(site.url(request.path()).toString()),
                    "the survivor fetched again a page stored before the kill: " + request);
        }
        assertRequestsAtLeastApart(site, HOST_DELAY);
    }

    /** The settings of two replicas, "a" and "b", each with its own contact URL, plus {@code extra}. */
    private static Map<String, Map<String, String>> replicaSettings(Map<String, String> extra) {
        Map<String, Map<String, String>> replicas = new LinkedHashMap<>();
        for (String name : List.of("a", "b")) {
            Map<String, String> settings = new LinkedHashMap<>();
            settings.put("NEWSROOM_SOURCES_ALLOW_PRIVATE_ADDRESSES", "true");
            settings.put("NEWSROOM_SOURCES_HOST_DELAY", HOST_DELAY.toMillis() + "ms");
            settings.put("NEWSROOM_SOURCES_POLL_INTERVAL", "200ms");
            settings.put("NEWSROOM_SOURCES_CONCURRENCY", "4");
            // The interval stays at the requested 5 s (its floor and ceiling), so feeds are read
            // again within seconds whether or not they had new items.
            settings.put("NEWSROOM_SOURCES_MIN_INTERVAL", "5s");
            settings.put("NEWSROOM_SOURCES_MAX_INTERVAL", "5s");
            settings.put("NEWSROOM_SOURCES_CONTACT_URL", "http://replica-" + name + ".invalid/bot");
            settings.putAll(extra);
            replicas.put("ingest-replica-" + name, settings);
        }
        return replicas;
    }

    /** What a replica's User-Agent holds and the other's does not: its contact URL's host. */
    private static String replicaTag(ServiceProcess replica) {
        String log = replica.spec().logFile().getFileName().toString(); // ingest-replica-a.log
        return "replica-" + log.charAt(log.length() - ".log".length() - 1) + ".invalid";
    }

    private static Page publish(LocalNewsSite site, String slug, Map<String, Page> pages) {
        Page page = site.page("/news/" + slug, "Harbour report " + slug.replace('-', ' '),
                Instant.parse("2026-12-01T08:00:00Z").plusSeconds(60L * pages.size()));
        pages.put(page.url().toString(), page);
        return page;
    }

    private LocalNewsSite siteOf(Page page) {
        return sites.stream().filter(site -> site.base().getAuthority().equals(page.url().getAuthority()))
                .findFirst().orElseThrow();
    }

    /** A request for one of {@code pages} that the site has not answered yet. */
    private static Optional<LocalNewsSite.Request> inProgressPageRequest(LocalNewsSite site, Map<String, Page> pages) {
        return site.requests().stream()
                .filter(request -> request.status() == 0 && pages.containsKey(site.url(request.path()).toString()))
                .findFirst();
    }

    /**
     * Requests to one host, from whichever replica, arrived at least {@code delay} apart as the
     * site logged them: the replicas take the host's turn in the store's fetch_host table and hold
     * it until the response has ended, and the next turn starts the delay after that.
     */
    private static void assertRequestsAtLeastApart(LocalNewsSite site, Duration delay) {
        List<LocalNewsSite.Request> requests = site.requests();
        List<String> tooClose = new ArrayList<>();
        for (int i = 1; i < requests.size(); i++) {
            Duration apart = Duration.between(requests.get(i - 1).at(), requests.get(i).at());
            if (apart.compareTo(delay) < 0) {
                tooClose.add(apart.toMillis() + " ms: " + describe(requests.get(i - 1)) + " then "
                        + describe(requests.get(i)));
            }
        }
        if (!tooClose.isEmpty()) {
            fail(tooClose.size() + " of " + requests.size() + " requests to " + site.host() + " came less than "
                    + delay.toMillis() + " ms after the one before:\n  "
                    + String.join("\n  ", tooClose.subList(0, Math.min(10, tooClose.size()))));
        }
    }

    private static String describe(LocalNewsSite.Request request) {
        return request.at() + " " + request.target() + " from "
                + (request.userAgent() == null ? "?" : request.userAgent().replaceAll(".*\\(\\+http://([^./]*).*", "$1"));
    }

    private void awaitSourceArticlesAnalyzed(int expected) throws Exception {
        rig.store().awaitCount("articles from the sources to be analysed",
                "source_id IS NOT NULL AND status = 'ANALYZED'", expected, LIMIT);
    }

    private static void awaitTrue(String what, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + LIMIT.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                fail("gave up waiting for " + what);
            }
            Thread.sleep(100);
        }
    }

    private static SourceServiceGrpc.SourceServiceBlockingStub sources(ServiceChannel channel) {
        return SourceServiceGrpc.newBlockingStub(channel.channel()).withDeadlineAfter(30, TimeUnit.SECONDS);
    }
}
