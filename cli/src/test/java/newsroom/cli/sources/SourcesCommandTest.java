package newsroom.cli.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.util.List;
import newsroom.cli.LocalGrpcServer;
import newsroom.ingest.v1.DiscoverSourcesResponse;
import newsroom.ingest.v1.DiscoveredSource;
import newsroom.ingest.v1.FetchOutcome;
import newsroom.ingest.v1.FetchSourceResponse;
import newsroom.ingest.v1.ListSourcesRequest;
import newsroom.ingest.v1.Source;
import newsroom.ingest.v1.SourceKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code newsroom sources ...} as a user runs them, against a gRPC server on this machine that
 * answers like ingest-service's SourceService ({@link SourceServiceDouble}).
 */
@QuarkusMainTest
class SourcesCommandTest {

    private final SourceServiceDouble service = new SourceServiceDouble();

    @RegisterExtension
    final LocalGrpcServer server = new LocalGrpcServer(service);

    @Test
    void addSendsTheUrlNameAndIntervalAndSaysHowToFollowIt(QuarkusMainLauncher launcher) {
        LaunchResult result = launch(launcher, "add", "https://news.example/feed.xml", "--name", "Example News",
                "--every", "90s");

        assertEquals(0, result.exitCode(), result.getErrorOutput());
        assertEquals("https://news.example/feed.xml", service.adds.get(0).getUrl());
        assertEquals("Example News", service.adds.get(0).getName());
        assertEquals(90, service.adds.get(0).getInterval().getSeconds());
        assertEquals("Following source 1: https://news.example/feed.xml, every 1 min 30 s. Its first fetch is"
                + " within seconds; 'newsroom sources show 1' tells how it went.", result.getOutput().strip());
    }

    @Test
    void withoutEveryNoIntervalIsSentAndJsonIsTheStoredSource(QuarkusMainLauncher launcher) {
        LaunchResult result = launch(launcher, "add", "https://news.example/feed.xml", "--json");

        assertEquals(0, result.exitCode(), result.getErrorOutput());
        assertFalse(service.adds.get(0).hasInterval());
        JsonObject source = JsonParser.parseString(result.getOutput()).getAsJsonObject();
        assertEquals("1", source.get("id").getAsString());
        assertEquals("https://news.example/feed.xml", source.get("url").getAsString());
        assertEquals("900s", source.get("interval").getAsString());
        assertEquals("SOURCE_KIND_UNSPECIFIED", source.get("kind").getAsString());
    }

    @Test
    void everyTakesUnitsAndIsoAndRefusesTheRestBeforeAnyCall(QuarkusMainLauncher launcher) {
        assertEquals(0, launch(launcher, "add", "https://a.example/feed", "--every", "PT15M").exitCode());
        assertEquals(0, launch(launcher, "add", "https://b.example/feed", "--every", "1d").exitCode());
        assertEquals(0, launch(launcher, "add", "https://c.example/feed", "--every", "5s").exitCode());
        assertEquals(List.of(900L, 86_400L, 5L),
                service.adds.stream().map(add -> add.getInterval().getSeconds()).toList());

        LaunchResult bare = launch(launcher, "add", "https://d.example/feed", "--every", "15");
        assertEquals(1, bare.exitCode());
        assertEquals("newsroom: --every: '15' is not a duration: write 5s, 90s, 15m, 2h, 1d or ISO-8601 such as"
                + " PT15M", bare.getErrorOutput().strip());
        LaunchResult tooOften = launch(launcher, "add", "https://d.example/feed", "--every", "2s");
        assertEquals(1, tooOften.exitCode());
        assertEquals("newsroom: --every: must be from 5s to 7d, not 2s", tooOften.getErrorOutput().strip());
        LaunchResult tooRarely = launch(launcher, "add", "https://d.example/feed", "--every", "P8D");
        assertEquals("newsroom: --every: must be from 5s to 7d, not P8D", tooRarely.getErrorOutput().strip());
        assertEquals(3, service.adds.size(), "no call for a bad duration");
    }

    @Test
    void refusalsAreTheServicesMessageOnOneLine(QuarkusMainLauncher launcher) {
        launch(launcher, "add", "https://news.example/feed.xml");

        LaunchResult twice = launch(launcher, "add", "https://news.example/feed.xml");
        assertEquals(1, twice.exitCode());
        assertEquals("newsroom: ALREADY_EXISTS: url: followed already as source 1", twice.getErrorOutput().strip());

        LaunchResult intranet = launch(launcher, "add", "http://10.0.0.8/rss");
        assertEquals(1, intranet.exitCode());
        assertEquals("newsroom: INVALID_ARGUMENT: url: http://10.0.0.8/rss resolves to a private address (10.0.0.8);"
                + " set newsroom.sources.allow-private-addresses to follow it", intranet.getErrorOutput().strip());
    }

    @Test
    void anIdThatIsNoneIsRefusedBeforeAnyCallAndAnUnknownOneIsNotFound(QuarkusMainLauncher launcher) {
        for (String command : List.of("show", "pause", "resume", "remove", "fetch")) {
            LaunchResult word = launch(launcher, command, "abc");
            assertEquals(1, word.exitCode(), command);
            assertEquals("newsroom: ID: 'abc' is not a source id (a whole number from 1 up, as 'newsroom sources"
                    + " list' shows)", word.getErrorOutput().strip(), command);
            assertEquals(1, launch(launcher, command, "0").exitCode(), command);

            LaunchResult unknown = launch(launcher, command, "99");
            assertEquals(1, unknown.exitCode(), command);
            assertEquals("newsroom: NOT_FOUND: source 99: no such source", unknown.getErrorOutput().strip(), command);
        }
        assertEquals(List.of(99L), service.fetched, "only the well-formed id reached the service");
    }

    @Test
    void listPagesThroughEverySourceWithTheirFetches(QuarkusMainLauncher launcher) {
        for (int i = 1; i <= 5; i++) {
            service.follow("https://site" + i + ".example/feed.xml", "Site " + i);
        }
        String longError = "HTTP 503 Service Unavailable from https://site2.example/feed.xml " + "x".repeat(300)
                + " END-OF-ERROR";
        service.sources.put(2L, service.sources.get(2L).toBuilder().setKind(SourceKind.ATOM)
                .setLastFetchTime(SourceServiceDouble.timestamp(java.time.Instant.now().minusSeconds(180)))
                .setLastOutcome(FetchOutcome.FETCH_FAILED).setLastError(longError).setConsecutiveFailures(3)
                .setItemsSeen(42).setArticlesAccepted(40).build());
        service.sources.put(3L, service.sources.get(3L).toBuilder().setPaused(true).build());

        LaunchResult result = launch(launcher, "list");

        assertEquals(0, result.exitCode(), result.getErrorOutput());
        assertEquals(List.of("", "2", "4"), service.lists.stream().map(ListSourcesRequest::getPageToken).toList());
        List<String> lines = result.getOutputStream().stream().map(String::strip).filter(line -> !line.isEmpty()).toList();
        assertTrue(lines.get(0).matches("ID +KIND +NAME +INTERVAL +LAST FETCH +NEXT FETCH +ITEMS +ARTICLES +LAST ERROR"),
                lines.get(0));
        assertEquals(7, lines.size(), String.join("\n", lines));
        assertTrue(lines.get(1).matches("1 +- +Site 1 +15 min +never +in 1[45] min +0 +0"), lines.get(1));
        assertTrue(lines.get(2).matches("2 +atom +Site 2 +15 min +3 min ago +in 1[45] min +42 +40 +HTTP 503 Service"
                + " Unavailable from .*…"), lines.get(2));
        assertFalse(result.getOutput().contains("END-OF-ERROR"), "the list cuts the error to the width");
        assertTrue(lines.get(3).matches("3 +- +Site 3 +15 min +never +paused +0 +0"), lines.get(3));
        assertEquals("5 sources", lines.get(6));

        LaunchResult show = launch(launcher, "show", "2");
        assertEquals(0, show.exitCode(), show.getErrorOutput());
        assertTrue(show.getOutput().contains("Last error:         " + longError), "show has the error in full");
        assertTrue(show.getOutput().contains("Failures in a row:  3"), show.getOutput());
        assertTrue(show.getOutputStream().stream().anyMatch(line -> line.matches(
                "Last fetch: +\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\dZ \\(3 min ago\\), failed")), show.getOutput());
    }

    @Test
    void listStopsAtTheLimitAndJsonIsOneSourcePerLine(QuarkusMainLauncher launcher) {
        for (int i = 1; i <= 5; i++) {
            service.follow("https://site" + i + ".example/feed.xml", "Site " + i);
        }
        LaunchResult limited = launch(launcher, "list", "--limit", "3");
        assertEquals(0, limited.exitCode(), limited.getErrorOutput());
        assertEquals(List.of(3, 1), service.lists.stream().map(ListSourcesRequest::getPageSize).toList(),
                "asks for no more than the rest of the limit");
        assertTrue(limited.getOutput().strip().endsWith("3 of 5 sources"), limited.getOutput());

        service.lists.clear();
        LaunchResult json = launch(launcher, "list", "--json");
        assertEquals(0, json.exitCode(), json.getErrorOutput());
        assertEquals(1_000, service.lists.get(0).getPageSize());
        List<JsonObject> sources = json.getOutputStream().stream().filter(line -> !line.isBlank())
                .map(line -> JsonParser.parseString(line).getAsJsonObject()).toList();
        assertEquals(List.of("1", "2", "3", "4", "5"), sources.stream().map(source -> source.get("id").getAsString()).toList());
        assertEquals("Site 5", sources.get(4).get("name").getAsString());

        LaunchResult zero = launch(launcher, "list", "--limit", "0");
        assertEquals("newsroom: --limit: must be at least 1, not 0", zero.getErrorOutput().strip());
    }

    @Test
    void anEmptyListSaysHowToStart(QuarkusMainLauncher launcher) {
        LaunchResult result = launch(launcher, "list");
        assertEquals("No sources followed yet. Follow one with: newsroom sources add URL", result.getOutput().strip());
    }

    @Test
    void pauseResumeAndRemoveChangeTheSourceAndSaySo(QuarkusMainLauncher launcher) {
        service.follow("https://news.example/feed.xml", "Example News");

        LaunchResult paused = launch(launcher, "pause", "1");
        assertEquals(0, paused.exitCode(), paused.getErrorOutput());
        assertTrue(service.sources.get(1L).getPaused());
        assertEquals("Paused source 1 (Example News); 'newsroom sources resume 1' fetches it again.",
                paused.getOutput().strip());

        LaunchResult resumed = launch(launcher, "resume", "1");
        assertFalse(service.sources.get(1L).getPaused());
        assertEquals("Resumed source 1 (Example News), fetched every 15 min.", resumed.getOutput().strip());

        LaunchResult removed = launch(launcher, "remove", "1");
        assertEquals(0, removed.exitCode(), removed.getErrorOutput());
        assertTrue(service.sources.isEmpty());
        assertEquals("Removed source 1; the articles it brought stay stored.", removed.getOutput().strip());
    }

    @Test
    void fetchSaysWhatItFoundAndAFailedFetchExitsWithOne(QuarkusMainLauncher launcher) {
        Source source = service.follow("https://news.example/feed.xml", "Example News");
        service.fetchResponse = FetchSourceResponse.newBuilder().setOutcome(FetchOutcome.FETCHED).setNewItems(3)
                .setArticlesAccepted(2).setItemsSkipped(1).build();

        LaunchResult fetched = launch(launcher, "fetch", "1");
        assertEquals(0, fetched.exitCode(), fetched.getErrorOutput());
        assertEquals(List.of(1L), service.fetched);
        assertEquals("Source 1 (Example News): fetched; 3 new items, 2 articles accepted, 1 skipped.",
                fetched.getOutputStream().get(0));
        assertTrue(fetched.getOutputStream().stream().anyMatch(line -> line.matches("Next fetch in 1[45] min \\(every 15 min\\)\\.")),
                fetched.getOutput());

        service.fetchResponse = FetchSourceResponse.newBuilder().setOutcome(FetchOutcome.FETCH_FAILED)
                .setSource(source.toBuilder().setLastOutcome(FetchOutcome.FETCH_FAILED)
                        .setLastError("not a feed or a sitemap: the body is an HTML page (text/html)"))
                .build();
        LaunchResult failed = launch(launcher, "fetch", "1");
        assertEquals(1, failed.exitCode());
        assertEquals("Source 1 (Example News): failed: not a feed or a sitemap: the body is an HTML page (text/html)",
                failed.getOutputStream().get(0));

        LaunchResult json = launch(launcher, "fetch", "1", "--json");
        assertEquals("FETCH_FAILED", JsonParser.parseString(json.getOutput()).getAsJsonObject().get("outcome").getAsString());
    }

    @Test
    void discoverListsTheOffersAndAllFollowsThoseNotFollowedYet(QuarkusMainLauncher launcher) {
        service.follow("https://news.example/atom.xml", "Example (Atom)");
        service.discovered = DiscoverSourcesResponse.newBuilder()
                .addSources(DiscoveredSource.newBuilder().setUrl("https://news.example/feed.xml").setTitle("Example News")
                        .setKind(SourceKind.RSS).setFoundBy(DiscoveredSource.FoundBy.LINK_ALTERNATE))
                .addSources(DiscoveredSource.newBuilder().setUrl("https://news.example/atom.xml").setTitle("Example (Atom)")
                        .setKind(SourceKind.ATOM).setFoundBy(DiscoveredSource.FoundBy.LINK_ALTERNATE)
                        .setAlreadyFollowed(true))
                .addSources(DiscoveredSource.newBuilder().setUrl("https://news.example/news-sitemap.xml")
                        .setKind(SourceKind.SITEMAP).setFoundBy(DiscoveredSource.FoundBy.ROBOTS_SITEMAP))
                .build();

        LaunchResult offers = launch(launcher, "add", "--discover", "https://news.example/");
        assertEquals(0, offers.exitCode(), offers.getErrorOutput());
        assertTrue(service.adds.isEmpty(), "discovering follows nothing");
        List<String> lines = offers.getOutputStream().stream().map(String::strip).toList();
        assertEquals("3 feeds and sitemaps found at https://news.example/:", lines.get(0));
        assertTrue(lines.get(1).matches("# +KIND +TITLE +FOUND BY +FOLLOWED +TO FOLLOW"), lines.get(1));
        assertTrue(lines.get(2).matches("1 +rss +Example News +link on the page +no +newsroom sources add"
                + " https://news.example/feed.xml"), lines.get(2));
        assertTrue(lines.get(3).matches("2 +atom +Example \\(Atom\\) +link on the page +yes +-"), lines.get(3));
        assertTrue(lines.get(4).matches("3 +sitemap +robots.txt +no +newsroom sources add"
                + " https://news.example/news-sitemap.xml"), lines.get(4));

        LaunchResult all = launch(launcher, "add", "--discover", "--all", "--every", "1h", "https://news.example/");
        assertEquals(0, all.exitCode(), all.getErrorOutput());
        assertEquals(List.of("https://news.example/feed.xml", "https://news.example/news-sitemap.xml"),
                service.adds.stream().map(add -> add.getUrl()).toList());
        assertTrue(service.adds.stream().allMatch(add -> add.getInterval().getSeconds() == 3_600));
        assertTrue(all.getOutput().contains("followed 2, refused 0"), all.getOutput());

        LaunchResult allWithoutDiscover = launch(launcher, "add", "--all", "https://news.example/");
        assertEquals(1, allWithoutDiscover.exitCode());
        assertTrue(allWithoutDiscover.getErrorOutput().startsWith("newsroom: --all: follows what --discover finds"),
                allWithoutDiscover.getErrorOutput());
    }

    @Test
    void helpListsEverySourcesCommand(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("sources", "--help");
        for (String command : List.of("add", "list", "show", "pause", "resume", "remove", "fetch", "import")) {
            assertTrue(result.getOutput().contains("\n  " + command + " "), command + " in " + result.getOutput());
        }
    }

    private LaunchResult launch(QuarkusMainLauncher launcher, String... arguments) {
        return launcher.launch(server.commandLine("sources", "--ingest", arguments));
    }
}
