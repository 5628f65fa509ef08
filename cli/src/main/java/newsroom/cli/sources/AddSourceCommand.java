package newsroom.cli.sources;

import com.google.protobuf.Duration;
import io.grpc.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import newsroom.cli.UserError;
import newsroom.cli.grpc.ServiceCallException;
import newsroom.cli.grpc.ServiceChannel;
import newsroom.cli.output.ProtoJson;
import newsroom.cli.output.Reply;
import newsroom.cli.output.Table;
import newsroom.ingest.v1.AddSourceRequest;
import newsroom.ingest.v1.DiscoverSourcesRequest;
import newsroom.ingest.v1.DiscoverSourcesResponse;
import newsroom.ingest.v1.DiscoveredSource;
import newsroom.ingest.v1.Source;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/**
 * {@code newsroom sources add URL}: follows a feed or sitemap; with {@code --discover}, lists
 * the feeds and sitemaps a site offers instead, and with {@code --all} follows them.
 */
@Command(name = "add", mixinStandardHelpOptions = true,
        description = {
            "Follows the RSS or Atom feed, sitemap or Google News sitemap at URL: it is fetched within seconds,"
                + " then every --every (15 minutes unless given; faster while it brings new items, slower while"
                + " it does not), and each new item's page is ingested once. Its kind is read from what it serves.",
            "With --discover, URL is a site (its home page): lists the feeds and sitemaps it offers (its"
                + " <link rel=\"alternate\"> feeds, robots.txt's Sitemap: lines, /sitemap.xml) without following"
                + " any; --all then follows every one not followed yet. Exits with 1 when one was refused."
        })
public class AddSourceCommand implements Callable<Integer> {

    @ParentCommand
    SourcesCommand sources;

    @Parameters(paramLabel = "URL", description = "The feed's or sitemap's URL (with --discover: the site's), http or https.")
    String url;

    @Option(names = "--name", paramLabel = "NAME",
            description = "A name for people, at most 200 characters (default: the feed's own title). Articles"
                    + " from the source carry it as their source.")
    String name;

    @Option(names = "--every", paramLabel = "DURATION",
            description = "How often to fetch it to begin with: 5s to 7d, written 90s, 15m, 2h, 1d or PT15M"
                    + " (default: 15m).")
    String every;

    @Option(names = "--discover", description = "Find the feeds and sitemaps of the site at URL instead of following URL.")
    boolean discover;

    @Option(names = "--all", description = "With --discover: follow every feed and sitemap found that is not followed yet.")
    boolean all;

    @Option(names = "--json", description = "Print the source added (newsroom.ingest.v1.Source; with --discover, the"
            + " DiscoverSourcesResponse) as proto3 JSON.")
    boolean json;

    @Override
    public Integer call() {
        Duration interval = every == null ? null : SourceInterval.parse("--every", every);
        if (all && !discover) {
            throw new UserError("--all: follows what --discover finds; add --discover, or leave out --all to follow URL");
        }
        if (discover && name != null) {
            throw new UserError("--name: names one source; with --discover each is named after its feed's title");
        }
        try (ServiceChannel ingest = sources.channel()) {
            return discover ? discover(ingest, interval) : add(ingest, interval);
        }
    }

    private int add(ServiceChannel ingest, Duration interval) {
        AddSourceRequest.Builder request = AddSourceRequest.newBuilder().setUrl(url.strip());
        if (name != null) {
            request.setName(name.strip());
        }
        if (interval != null) {
            request.setInterval(interval);
        }
        Source source = ServiceCallException.call(ingest.endpoint(),
                () -> SourcesCommand.stub(ingest).addSource(request.build()));
        Reply.print(json, source, added -> System.out.println(following(added)));
        return 0;
    }

    private int discover(ServiceChannel ingest, Duration interval) {
        DiscoverSourcesResponse found = ServiceCallException.call(ingest.endpoint(), () ->
                SourcesCommand.stub(ingest).discoverSources(DiscoverSourcesRequest.newBuilder().setUrl(url.strip()).build()));
        if (json && !all) {
            System.out.println(ProtoJson.print(found));
            return 0;
        }
        if (found.getSourcesCount() == 0) {
            System.out.println("No feeds or sitemaps found at " + url.strip() + ".");
            return 0;
        }
        if (!all) {
            printOffers(found);
            return 0;
        }
        return followAll(ingest, found, interval);
    }

    private void printOffers(DiscoverSourcesResponse found) {
        Table table = new Table("#", "KIND", "TITLE", "FOUND BY", "FOLLOWED", "TO FOLLOW");
        int number = 0;
        boolean anyNew = false;
        for (DiscoveredSource offer : found.getSourcesList()) {
            anyNew |= !offer.getAlreadyFollowed();
            table.row(++number, SourceDescription.kind(offer.getKind()), offer.getTitle(),
                    SourceDescription.foundBy(offer.getFoundBy()), offer.getAlreadyFollowed() ? "yes" : "no",
                    offer.getAlreadyFollowed() ? "-" : "newsroom sources add " + offer.getUrl());
        }
        System.out.println(found.getSourcesCount() + (found.getSourcesCount() == 1 ? " feed or sitemap" : " feeds and sitemaps")
                + " found at " + url.strip() + ":");
        table.print(System.out);
        if (anyNew) {
            System.out.println("Follow every one not followed yet with: newsroom sources add --discover --all " + url.strip());
        }
    }

    /** Adds each offer not followed yet; a refusal of one does not stop the others. */
    private int followAll(ServiceChannel ingest, DiscoverSourcesResponse found, Duration interval) {
        List<String> refused = new ArrayList<>();
        int followed = 0;
        for (DiscoveredSource offer : found.getSourcesList()) {
            if (offer.getAlreadyFollowed()) {
                continue;
            }
            AddSourceRequest.Builder request = AddSourceRequest.newBuilder().setUrl(offer.getUrl());
            if (interval != null) {
                request.setInterval(interval);
            }
            try {
                Source source = ServiceCallException.call(ingest.endpoint(),
                        () -> SourcesCommand.stub(ingest).addSource(request.build()));
                System.out.println(json ? ProtoJson.printOneLine(source) : following(source));
                followed++;
            } catch (ServiceCallException e) {
                if (!isRefusalOfOne(e)) {
                    throw e;
                }
                if (e.status().getCode() != Status.Code.ALREADY_EXISTS) {
                    refused.add(offer.getUrl() + ": " + e.status().getDescription());
                }
            }
        }
        if (!json) {
            System.out.println("followed " + followed + ", refused " + refused.size());
        }
        refused.forEach(line -> System.err.println("refused " + line));
        return refused.isEmpty() ? 0 : 1;
    }

    /** A reply about the one URL, as opposed to the service being unreachable or the key not allowed. */
    static boolean isRefusalOfOne(ServiceCallException e) {
        Status.Code code = e.status().getCode();
        return code == Status.Code.INVALID_ARGUMENT || code == Status.Code.ALREADY_EXISTS;
    }

    static String following(Source source) {
        return "Following source " + source.getId() + ": " + source.getUrl() + ", every "
                + SourceInterval.describe(source.getInterval()) + ". Its first fetch is within seconds;"
                + " 'newsroom sources show " + source.getId() + "' tells how it went.";
    }
}
