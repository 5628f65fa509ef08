package newsroom.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Duration;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.function.Supplier;
import newsroom.fetching.testing.LocalNewsSite;
import newsroom.ingest.v1.AddSourceRequest;
import newsroom.ingest.v1.DeleteSourceRequest;
import newsroom.ingest.v1.DiscoverSourcesRequest;
import newsroom.ingest.v1.DiscoveredSource;
import newsroom.ingest.v1.FetchOutcome;
import newsroom.ingest.v1.FetchSourceRequest;
import newsroom.ingest.v1.FetchSourceResponse;
import newsroom.ingest.v1.ListSourcesRequest;
import newsroom.ingest.v1.ListSourcesResponse;
import newsroom.ingest.v1.PauseSourceRequest;
import newsroom.ingest.v1.ResumeSourceRequest;
import newsroom.ingest.v1.Source;
import newsroom.ingest.v1.SourceKind;
import newsroom.ingest.v1.SourceServiceGrpc;
import newsroom.store.StoredArticle;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * SourceService as a client sees it: following, listing, pausing, resuming, fetching and
 * removing a source on a news site served on 127.0.0.1, and every bad request refused with the
 * field it names while the store stays as it was.
 */
@QuarkusTest
class SourceServiceTest {

    private static final Duration ONE_HOUR = Duration.newBuilder().setSeconds(3600).build();

    static LocalNewsSite site;

    @GrpcClient("ingest")
    SourceServiceGrpc.SourceServiceBlockingStub sources;

    @BeforeAll
    static void startSite() {
        site = LocalNewsSite.start();
    }

    @AfterAll
    static void stopSite() {
        site.close();
    }

    @Test
    void aSourceIsAddedListedShownPausedResumedFetchedAndRemoved() {
        LocalNewsSite.Page page = site.page("/news/quay-lights", "Quay lights switched on at last " + Articles.unique(),
                Instant.parse("2026-02-01T08:00:00Z"));
        site.rssFeed("/service/feed.xml", page);

        // Upper-case scheme and host, a fragment and a tracking parameter: stored in one spelling.
        String spelled = site.base().toString().replace("http://", "HTTP://") + "/service/feed.xml?utm_source=x#top";
        Source added = sources.addSource(AddSourceRequest.newBuilder().setUrl(spelled).setName("Courier")
                .setInterval(ONE_HOUR).build());
        String url = site.url("/service/feed.xml").toString();
        assertTrue(added.getId() > 0);
        assertEquals(url, added.getUrl());
        assertEquals("Courier", added.getName());
        assertEquals(3600, added.getRequestedInterval().getSeconds());
        assertEquals(3600, added.getInterval().getSeconds());
        assertFalse(added.getPaused());
        assertTrue(added.hasCreateTime());
        assertTrue(added.hasNextFetchTime());

        assertEquals(added.getId(), Sources.get(sources, added.getId()).getId());
        assertTrue(listAll().stream().anyMatch(source -> source.getId() == added.getId()));

        Source paused = sources.pauseSource(PauseSourceRequest.newBuilder().setId(added.getId()).build());
        assertTrue(paused.getPaused());
        assertTrue(sources.pauseSource(PauseSourceRequest.newBuilder().setId(added.getId()).build()).getPaused());
        Source resumed = sources.resumeSource(ResumeSourceRequest.newBuilder().setId(added.getId()).build());
        assertFalse(resumed.getPaused());

        // The poller may have fetched it first: then this fetch finds the feed unchanged.
        FetchSourceResponse fetched = Sources.fetchNow(sources, added.getId());
        assertTrue(fetched.getOutcome() == FetchOutcome.FETCHED || fetched.getOutcome() == FetchOutcome.NOT_MODIFIED,
                fetched.toString());
        Source after = fetched.getSource();
        assertEquals(SourceKind.RSS, after.getKind());
        assertEquals("Courier", after.getName(), "a given name is kept, not replaced by the feed's title");
        assertTrue(after.hasLastFetchTime());
        assertEquals(1, after.getItemsSeen());
        assertEquals(1, after.getArticlesAccepted());
        assertEquals("", after.getLastError());
        List<StoredArticle> articles = Sources.articlesOf(added.getId());
        assertEquals(1, articles.size());
        assertEquals(page.url().toString(), articles.get(0).url);

        // Fetched again at once: the server answers 304, nothing new.
        FetchSourceResponse again = Sources.fetchNow(sources, added.getId());
        assertEquals(FetchOutcome.NOT_MODIFIED, again.getOutcome());
        assertEquals(0, again.getNewItems());

        sources.deleteSource(DeleteSourceRequest.newBuilder().setId(added.getId()).build());
        assertFails(Status.Code.NOT_FOUND, "source " + added.getId() + " does not exist",
                () -> Sources.get(sources, added.getId()));
        // The articles it brought stay stored.
        assertEquals(1, Sources.count("SELECT count(*) FROM article WHERE id = ?1", articles.get(0).id));
    }

    @Test
    void badRequestsAreRefusedNamingTheFieldAndChangeNothing() {
        site.rssFeed("/service/kept.xml");
        Source kept = sources.addSource(AddSourceRequest.newBuilder().setUrl(site.url("/service/kept.xml").toString())
                .setName("Kept").build());
        try {
            long before = sourceCount();
            assertRefused(Status.Code.INVALID_ARGUMENT, "url:", add("", ""));
            assertRefused(Status.Code.INVALID_ARGUMENT, "url:", add("ftp://example.org/feed.xml", ""));
            assertRefused(Status.Code.INVALID_ARGUMENT, "url:", add("/etc/passwd", ""));
            assertRefused(Status.Code.INVALID_ARGUMENT, "url:", add("file:///etc/passwd", ""));
            assertRefused(Status.Code.INVALID_ARGUMENT, "url:", add("http://nosuchhost.invalid/feed.xml", ""));
            assertRefused(Status.Code.INVALID_ARGUMENT, "url:", add("http://example.org/" + "a".repeat(2050), ""));
            assertRefused(Status.Code.INVALID_ARGUMENT, "name:",
                    add(site.url("/service/other.xml").toString(), "n".repeat(201)));
            assertRefused(Status.Code.INVALID_ARGUMENT, "interval:", () -> sources.addSource(AddSourceRequest
                    .newBuilder().setUrl(site.url("/service/other.xml").toString())
                    .setInterval(Duration.newBuilder().setSeconds(1)).build()));
            assertRefused(Status.Code.INVALID_ARGUMENT, "interval:", () -> sources.addSource(AddSourceRequest
                    .newBuilder().setUrl(site.url("/service/other.xml").toString())
                    .setInterval(Duration.newBuilder().setSeconds(8 * 86_400)).build()));
            // The same feed spelled otherwise is the same source.
            assertFails(Status.Code.ALREADY_EXISTS, "is followed already as source " + kept.getId(),
                    add(site.url("/service/kept.xml?utm_campaign=spring#x").toString(), "Again"));
            assertRefused(Status.Code.INVALID_ARGUMENT, "url:", () -> sources.discoverSources(
                    DiscoverSourcesRequest.newBuilder().setUrl("file:///etc/passwd").build()));
            assertRefused(Status.Code.INVALID_ARGUMENT, "page_token:", () -> sources.listSources(
                    ListSourcesRequest.newBuilder().setPageToken("djE6LTE").build()));
            assertRefused(Status.Code.INVALID_ARGUMENT, "page_token:", () -> sources.listSources(
                    ListSourcesRequest.newBuilder().setPageToken("not a token").build()));
            assertRefused(Status.Code.INVALID_ARGUMENT, "page_size:", () -> sources.listSources(
                    ListSourcesRequest.newBuilder().setPageSize(-1).build()));
            assertRefused(Status.Code.INVALID_ARGUMENT, "id:", () -> Sources.get(sources, 0));
            long unknown = 987_654_321L;
            String notFound = "source " + unknown + " does not exist";
            assertFails(Status.Code.NOT_FOUND, notFound, () -> Sources.get(sources, unknown));
            assertFails(Status.Code.NOT_FOUND, notFound,
                    () -> sources.pauseSource(PauseSourceRequest.newBuilder().setId(unknown).build()));
            assertFails(Status.Code.NOT_FOUND, notFound,
                    () -> sources.resumeSource(ResumeSourceRequest.newBuilder().setId(unknown).build()));
            assertFails(Status.Code.NOT_FOUND, notFound,
                    () -> sources.deleteSource(DeleteSourceRequest.newBuilder().setId(unknown).build()));
            assertFails(Status.Code.NOT_FOUND, notFound,
                    () -> sources.fetchSource(FetchSourceRequest.newBuilder().setId(unknown).build()));

            assertEquals(before, sourceCount());
            Source unchanged = Sources.get(sources, kept.getId());
            assertEquals("Kept", unchanged.getName());
            assertEquals(kept.getUrl(), unchanged.getUrl());
            assertEquals(900, unchanged.getRequestedInterval().getSeconds(), "15 minutes when none is asked for");
        } finally {
            Sources.awaitFirstFetch(sources, kept.getId());
            Sources.delete(sources, kept.getId());
        }
    }

    @Test
    void tenThousandSourcesAreListedInPagesOfAThousand() {
        // Paused, so the poller leaves them alone; straight into the store, as 2,500 AddSource calls would put them.
        Sources.execute("""
                INSERT INTO source (url, name, requested_interval, fetch_interval, paused)
                SELECT 'https://paging.example.org/feed/' || n, 'Paging ' || n, interval '15 minutes',
                       interval '15 minutes', true
                FROM generate_series(1, 10000) n""");
        try {
            long total = sourceCount();
            List<Source> all = new ArrayList<>();
            String token = "";
            int pages = 0;
            do {
                ListSourcesResponse page = sources.listSources(ListSourcesRequest.newBuilder().setPageSize(1000)
                        .setPageToken(token).build());
                assertTrue(page.getSourcesCount() <= 1000);
                assertEquals(total, page.getTotalCount());
                all.addAll(page.getSourcesList());
                token = page.getNextPageToken();
                pages++;
            } while (!token.isEmpty());

            assertEquals(total, all.size());
            assertEquals(total, new HashSet<>(all.stream().map(Source::getId).toList()).size(), "each source once");
            for (int i = 1; i < all.size(); i++) {
                assertTrue(all.get(i - 1).getId() < all.get(i).getId(), "by id");
            }
            assertEquals((total + 999) / 1000, pages);
            assertEquals(10000, all.stream().filter(source -> source.getUrl().startsWith("https://paging.example.org/"))
                    .count());
            // A larger page is cut to 1,000 (AIP-158); 0 means 100.
            assertEquals(1000, sources.listSources(ListSourcesRequest.newBuilder().setPageSize(5000).build())
                    .getSourcesCount());
            assertEquals(100, sources.listSources(ListSourcesRequest.getDefaultInstance()).getSourcesCount());
        } finally {
            Sources.execute("DELETE FROM source WHERE url LIKE 'https://paging.example.org/%'");
        }
    }

    @Test
    void discoveryFindsTheSitesFeedsAndSitemapsAndWhatIsFollowed() {
        try (LocalNewsSite other = LocalNewsSite.start("127.0.0.9")) {
            LocalNewsSite.Page page = other.page("/news/ferry", "Ferry service resumes " + Articles.unique(),
                    Instant.parse("2026-02-02T08:00:00Z"));
            other.rssFeed("/rss.xml", page);
            other.atomFeed("/atom.xml", page);
            other.sitemap("/sitemap.xml", page);
            other.sitemap("/news-sitemap.xml", page);
            other.homePage("/rss.xml", "/atom.xml");
            other.robots("User-agent: *\nAllow: /\nSitemap: " + other.url("/news-sitemap.xml") + "\n");
            Source followed = sources.addSource(AddSourceRequest.newBuilder()
                    .setUrl(other.url("/atom.xml").toString()).setInterval(ONE_HOUR).build());
            try {
                List<DiscoveredSource> found = sources.discoverSources(DiscoverSourcesRequest.newBuilder()
                        .setUrl(other.url("/").toString()).build()).getSourcesList();

                assertEquals(List.of(other.url("/rss.xml").toString(), other.url("/atom.xml").toString(),
                                other.url("/news-sitemap.xml").toString(), other.url("/sitemap.xml").toString()),
                        found.stream().map(DiscoveredSource::getUrl).toList());
                assertEquals(List.of(DiscoveredSource.FoundBy.LINK_ALTERNATE, DiscoveredSource.FoundBy.LINK_ALTERNATE,
                                DiscoveredSource.FoundBy.ROBOTS_SITEMAP, DiscoveredSource.FoundBy.WELL_KNOWN_SITEMAP),
                        found.stream().map(DiscoveredSource::getFoundBy).toList());
                assertEquals(SourceKind.RSS, found.get(0).getKind());
                assertEquals(SourceKind.ATOM, found.get(1).getKind());
                assertEquals(List.of(false, true, false, false),
                        found.stream().map(DiscoveredSource::getAlreadyFollowed).toList());
            } finally {
                // Not while the poller fetches it: nothing may be stored after the test.
                Sources.awaitFirstFetch(sources, followed.getId());
                Sources.delete(sources, followed.getId());
            }
        }
    }

    private List<Source> listAll() {
        List<Source> all = new ArrayList<>();
        String token = "";
        do {
            ListSourcesResponse page = sources.listSources(ListSourcesRequest.newBuilder().setPageSize(1000)
                    .setPageToken(token).build());
            all.addAll(page.getSourcesList());
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        return all;
    }

    private Supplier<Source> add(String url, String name) {
        return () -> sources.addSource(AddSourceRequest.newBuilder().setUrl(url).setName(name).build());
    }

    private static long sourceCount() {
        return Sources.count("SELECT count(*) FROM source");
    }

    private static void assertRefused(Status.Code code, String fieldPrefix, Supplier<?> call) {
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, call::get);
        assertEquals(code, refused.getStatus().getCode(), refused.getStatus().toString());
        assertTrue(refused.getStatus().getDescription().startsWith(fieldPrefix), refused.getStatus().toString());
    }

    private static void assertFails(Status.Code code, String message, Supplier<?> call) {
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, call::get);
        assertEquals(code, refused.getStatus().getCode(), refused.getStatus().toString());
        assertTrue(refused.getStatus().getDescription().contains(message), refused.getStatus().toString());
    }
}
