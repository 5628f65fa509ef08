package newsroom.cli.sources;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import newsroom.cli.UserError;
import newsroom.cli.grpc.ServiceCallException;
import newsroom.cli.grpc.Pages;
import newsroom.cli.grpc.ServiceChannel;
import newsroom.cli.output.ProtoJson;
import newsroom.cli.output.Table;
import newsroom.ingest.v1.ListSourcesRequest;
import newsroom.ingest.v1.ListSourcesResponse;
import newsroom.ingest.v1.Source;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code newsroom sources list}: every followed source by id, over as many pages as it takes. */
@Command(name = "list", mixinStandardHelpOptions = true,
        description = "Lists the followed sources by id: kind, name, interval, last and next fetch, items seen,"
                + " articles accepted and the last error (cut to the terminal's width; 'newsroom sources show ID'"
                + " has it in full).")
public class ListSourcesCommand implements Callable<Integer> {

    /** ListSourcesRequest.page_size's largest. */
    private static final int MAX_PAGE_SIZE = 1_000;

    @ParentCommand
    SourcesCommand sources;

    @Option(names = "--limit", paramLabel = "N", description = "At most N sources (default: all).")
    Integer limit;

    @Option(names = "--json", description = "Print each source as proto3 JSON (newsroom.ingest.v1.Source), one per"
            + " line (JSON Lines), as the pages arrive.")
    boolean json;

    @Override
    public Integer call() {
        if (limit != null && limit < 1) {
            throw new UserError("--limit: must be at least 1, not " + limit);
        }
        int wanted = limit == null ? Integer.MAX_VALUE : limit;
        List<Source> listed = new ArrayList<>();
        ListSourcesResponse last;
        try (ServiceChannel ingest = sources.channel()) {
            last = Pages.collect(wanted, MAX_PAGE_SIZE, (pageSize, pageToken) -> ServiceCallException.call(
                    ingest.endpoint(), () -> SourcesCommand.stub(ingest).listSources(ListSourcesRequest.newBuilder()
                            .setPageSize(pageSize).setPageToken(pageToken).build())),
                    ListSourcesResponse::getSourcesList, ListSourcesResponse::getNextPageToken, kept -> {
                        if (json) {
                            // Lines as the pages come: 10,000 sources need not wait for the last page.
                            kept.forEach(source -> System.out.println(ProtoJson.printOneLine(source)));
                        } else {
                            listed.addAll(kept);
                        }
                    });
        }
        if (!json) {
            print(listed, last.getTotalCount());
        }
        return 0;
    }

    private static void print(List<Source> listed, long total) {
        if (listed.isEmpty()) {
            System.out.println("No sources followed yet. Follow one with: newsroom sources add URL");
            return;
        }
        Instant now = Instant.now();
        Table table = new Table("ID", "KIND", "NAME", "INTERVAL", "LAST FETCH", "NEXT FETCH", "ITEMS", "ARTICLES",
                "LAST ERROR").lastColumnOnOneLine();
        for (Source source : listed) {
            table.row(source.getId(), SourceDescription.kind(source.getKind()), SourceDescription.label(source),
                    SourceInterval.describe(source.getInterval()),
                    source.hasLastFetchTime() ? FetchTimes.relative(source.getLastFetchTime(), now) : "never",
                    SourceDescription.nextFetch(source, now), source.getItemsSeen(), source.getArticlesAccepted(),
                    source.getLastError());
        }
        table.print(System.out);
        System.out.println(listed.size() == total
                ? total + (total == 1 ? " source" : " sources")
                : listed.size() + " of " + total + " sources");
    }
}
