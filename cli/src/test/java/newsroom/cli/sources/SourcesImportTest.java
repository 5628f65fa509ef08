package newsroom.cli.sources;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import newsroom.cli.LocalGrpcServer;
import newsroom.ingest.v1.AddSourceRequest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code newsroom sources import FILE.opml}, reading real OPML with fetching's OpmlSubscriptions,
 * against a gRPC server on this machine that answers like SourceService ({@link SourceServiceDouble}).
 */
@QuarkusMainTest
class SourcesImportTest {

    /** A feed reader's export: folders within folders, one feed followed already, one on the intranet. */
    private static final String SUBSCRIPTIONS = """
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="2.0">
              <head><title>My feeds</title></head>
              <body>
                <outline text="News">
                  <outline type="rss" text="A News" xmlUrl="https://a.example/feed.xml" htmlUrl="https://a.example/"/>
                  <outline text="Regional">
                    <outline type="rss" title="B Daily" xmlUrl="https://b.example/rss"/>
                    <outline type="rss" text="Intranet" xmlUrl="http://10.0.0.8/rss"/>
                  </outline>
                </outline>
                <outline type="rss" text="Example News" xmlUrl="https://news.example/feed.xml"/>
              </body>
            </opml>
            """;

    private final SourceServiceDouble service = new SourceServiceDouble();

    @RegisterExtension
    final LocalGrpcServer server = new LocalGrpcServer(service);

    @Test
    void everyNestedFeedIsAddedAndRefusalsAreListedWithTheServicesReason(QuarkusMainLauncher launcher,
                                                                          @TempDir Path directory) throws Exception {
        service.follow("https://news.example/feed.xml", "Example News");
        Path opml = Files.writeString(directory.resolve("feeds.opml"), SUBSCRIPTIONS);

        LaunchResult result = launch(launcher, "import", opml.toString(), "--every", "30m");

        assertEquals(1, result.exitCode(), "a refused feed makes the exit status 1");
        assertEquals(List.of("https://a.example/feed.xml", "https://b.example/rss", "http://10.0.0.8/rss",
                "https://news.example/feed.xml"), service.adds.stream().map(AddSourceRequest::getUrl).toList());
        assertEquals(List.of("A News", "B Daily", "Intranet", "Example News"),
                service.adds.stream().map(AddSourceRequest::getName).toList());
        assertTrue(service.adds.stream().allMatch(add -> add.getInterval().getSeconds() == 1_800));
        assertEquals(List.of("added 2, already followed 1, refused 1",
                "  refused http://10.0.0.8/rss: url: http://10.0.0.8/rss resolves to a private address (10.0.0.8);"
                        + " set newsroom.sources.allow-private-addresses to follow it"),
                result.getOutputStream().stream().filter(line -> !line.isBlank()).toList());
        assertEquals(3, service.sources.size());

        LaunchResult again = launch(launcher, "import", opml.toString());
        assertTrue(again.getOutput().contains("added 0, already followed 3, refused 1"), again.getOutput());
    }

    @Test
    void aListWithNothingRefusedExitsWithZero(QuarkusMainLauncher launcher, @TempDir Path directory) throws Exception {
        Path opml = Files.writeString(directory.resolve("one.opml"), """
                <opml version="1.0"><head/><body><outline text="A" xmlUrl="https://a.example/feed.xml"/></body></opml>
                """);

        LaunchResult result = launch(launcher, "import", opml.toString());

        assertEquals(0, result.exitCode(), result.getErrorOutput());
        assertEquals("added 1, already followed 0, refused 0", result.getOutput().strip());
    }

    @Test
    void aFileThatIsNoSubscriptionListIsOneLineAndNoCall(QuarkusMainLauncher launcher, @TempDir Path directory)
            throws Exception {
        Path feed = Files.writeString(directory.resolve("feed.opml"), """
                <?xml version="1.0"?>
                <rss version="2.0"><channel><title>A</title><link>https://a.example/</link>
                <description>A</description></channel></rss>
                """);
        LaunchResult notOpml = launch(launcher, "import", feed.toString());
        assertEquals(1, notOpml.exitCode());
        assertTrue(notOpml.getErrorOutput().strip().startsWith("newsroom: " + feed + ": not an OPML subscription list:"),
                notOpml.getErrorOutput());

        Path empty = Files.writeString(directory.resolve("empty.opml"), """
                <opml version="2.0"><head/><body><outline text="Folder"/></body></opml>
                """);
        LaunchResult nothing = launch(launcher, "import", empty.toString());
        assertEquals("newsroom: " + empty + ": no feeds in it (no outline with an xmlUrl)", nothing.getErrorOutput().strip());

        LaunchResult missing = launch(launcher, "import", directory.resolve("absent.opml").toString());
        assertEquals("newsroom: no such file or directory: " + directory.resolve("absent.opml"),
                missing.getErrorOutput().strip());
        assertTrue(service.adds.isEmpty());
    }

    private LaunchResult launch(QuarkusMainLauncher launcher, String... arguments) {
        return launcher.launch(server.commandLine("sources", "--ingest", arguments));
    }
}
