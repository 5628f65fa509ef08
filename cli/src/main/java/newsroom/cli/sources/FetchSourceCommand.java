package newsroom.cli.sources;

import java.time.Instant;
import java.util.concurrent.TimeUnit;
import newsroom.cli.output.Reply;
import newsroom.ingest.v1.FetchOutcome;
import newsroom.ingest.v1.FetchSourceRequest;
import newsroom.ingest.v1.FetchSourceResponse;
import newsroom.ingest.v1.Source;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsroom sources fetch ID}: fetches a source now and says what it found. */
@Command(name = "fetch", mixinStandardHelpOptions = true,
        description = "Fetches a source now, paused or not, waits until its new items' pages are ingested and says"
                + " what it found: the outcome, new items, articles accepted and items skipped. Exits with 1 when"
                + " the fetch failed.")
public class FetchSourceCommand extends OneSourceCommand {

    /**
     * A fetch waits for robots.txt, the host delay between requests and every new item's page:
     * a sitemap with a hundred new pages takes minutes at one request a second.
     */
    private static final long DEADLINE_MINUTES = 5;

    @Option(names = "--json", description = "Print the FetchSourceResponse as proto3 JSON.")
    boolean json;

    @Override
    public Integer call() {
        FetchSourceRequest request = FetchSourceRequest.newBuilder().setId(sourceId()).build();
        FetchSourceResponse response = sources.call(
                stub -> stub.withDeadlineAfter(DEADLINE_MINUTES, TimeUnit.MINUTES).fetchSource(request));
        Reply.print(json, response, FetchSourceCommand::report);
        return response.getOutcome() == FetchOutcome.FETCH_FAILED ? 1 : 0;
    }

    private static void report(FetchSourceResponse response) {
        Source source = response.getSource();
        String named = "Source " + source.getId() + " (" + SourceDescription.label(source) + ")";
        switch (response.getOutcome()) {
            case FETCHED -> System.out.println(named + ": fetched; " + response.getNewItems() + " new "
                    + (response.getNewItems() == 1 ? "item" : "items") + ", " + response.getArticlesAccepted()
                    + " articles accepted, " + response.getItemsSkipped() + " skipped.");
            case NOT_MODIFIED -> System.out.println(named + ": not modified since the last fetch; nothing new.");
            case DISALLOWED_BY_ROBOTS -> System.out.println(named + ": disallowed by the site's robots.txt;"
                    + " nothing was fetched.");
            case FETCH_FAILED -> System.out.println(named + ": failed: " + source.getLastError());
            default -> System.out.println(named + ": " + SourceDescription.outcome(response.getOutcome()) + ".");
        }
        if (response.getOutcome() == FetchOutcome.FETCHED && response.getItemsSkipped() > 0) {
            System.out.println("Skipped items were stored already, disallowed by robots.txt, or failed to fetch or"
                    + " to clean.");
        }
        if (source.getPaused()) {
            System.out.println("The source stays paused.");
        } else if (source.hasNextFetchTime()) {
            System.out.println("Next fetch " + FetchTimes.relative(source.getNextFetchTime(), Instant.now())
                    + " (every " + SourceInterval.describe(source.getInterval()) + ").");
        }
    }
}
