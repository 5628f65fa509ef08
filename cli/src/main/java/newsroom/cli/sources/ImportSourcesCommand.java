package newsroom.cli.sources;

import com.google.protobuf.Duration;
import io.grpc.Status;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import newsroom.cli.UserError;
import newsroom.cli.grpc.ServiceCallException;
import newsroom.cli.grpc.ServiceChannel;
import newsroom.cli.output.ProgressLine;
import newsroom.fetching.NotASourceException;
import newsroom.fetching.OpmlSubscriptions;
import newsroom.fetching.OpmlSubscriptions.Subscription;
import newsroom.ingest.v1.AddSourceRequest;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code newsroom sources import FILE.opml}: follows every feed of a feed reader's subscription list. */
@Command(name = "import", mixinStandardHelpOptions = true,
        description = {
            "Follows every feed of an OPML subscription list (what feed readers export), nested folders too,"
                + " each named after its outline's title. A feed followed already counts as such; one the service"
                + " refuses is listed with the reason and the others go on.",
            "Ends with 'added N, already followed M, refused K'; exits with 1 when one was refused."
        })
public class ImportSourcesCommand implements Callable<Integer> {

    @ParentCommand
    SourcesCommand sources;

    @Parameters(paramLabel = "FILE.opml", description = "The OPML file (1.0 or 2.0).")
    Path file;

    @Option(names = "--every", paramLabel = "DURATION",
            description = "How often to fetch each to begin with: 5s to 7d, written 90s, 15m, 2h, 1d or PT15M"
                    + " (default: 15m).")
    String every;

    @Override
    public Integer call() {
        Duration interval = every == null ? null : SourceInterval.parse("--every", every);
        List<Subscription> subscriptions = read(file);
        if (subscriptions.isEmpty()) {
            throw new UserError(file + ": no feeds in it (no outline with an xmlUrl)");
        }
        ProgressLine progress = ProgressLine.onStandardError();
        int added = 0;
        int alreadyFollowed = 0;
        List<String> refused = new ArrayList<>();
        try (ServiceChannel ingest = sources.channel()) {
            for (int i = 0; i < subscriptions.size(); i++) {
                Subscription subscription = subscriptions.get(i);
                progress.update("importing " + (i + 1) + " of " + subscriptions.size() + ": " + subscription.url());
                AddSourceRequest.Builder request = AddSourceRequest.newBuilder().setUrl(subscription.url().strip());
                if (subscription.title() != null) {
                    request.setName(subscription.title().strip());
                }
                if (interval != null) {
                    request.setInterval(interval);
                }
                try {
                    ServiceCallException.call(ingest.endpoint(), () -> SourcesCommand.stub(ingest).addSource(request.build()));
                    added++;
                } catch (ServiceCallException e) {
                    if (!AddSourceCommand.isRefusalOfOne(e)) {
                        // Unreachable, or a key without the writer role: every other one would fail alike.
                        progress.clear();
                        System.out.println(summary(added, alreadyFollowed, refused.size()) + ", stopped at "
                                + (i + 1) + " of " + subscriptions.size());
                        throw e;
                    }
                    if (e.status().getCode() == Status.Code.ALREADY_EXISTS) {
                        alreadyFollowed++;
                    } else {
                        refused.add(subscription.url() + ": " + e.status().getDescription());
                    }
                }
            }
        }
        progress.clear();
        System.out.println(summary(added, alreadyFollowed, refused.size()));
        refused.forEach(line -> System.out.println("  refused " + line));
        return refused.isEmpty() ? 0 : 1;
    }

    private static String summary(int added, int alreadyFollowed, int refused) {
        return "added " + added + ", already followed " + alreadyFollowed + ", refused " + refused;
    }

    private static List<Subscription> read(Path file) {
        try (InputStream opml = Files.newInputStream(file)) {
            return OpmlSubscriptions.read(opml);
        } catch (NotASourceException e) {
            throw new UserError(file + ": not an OPML subscription list: " + e.getMessage(), e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
