package newsroom.cli.query;

import java.util.concurrent.Callable;
import newsroom.cli.NewsroomCommand;
import newsroom.cli.grpc.ServiceCallException;
import newsroom.cli.grpc.ServiceChannel;
import newsroom.cli.output.ProtoJson;
import newsroom.cli.output.Table;
import newsroom.cli.run.Service;
import newsroom.query.v1.ListStoriesRequest;
import newsroom.query.v1.ListStoriesResponse;
import newsroom.query.v1.Story;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code newsroom stories}: same-story clusters. */
@Command(name = "stories", mixinStandardHelpOptions = true,
        description = "Lists same-story clusters, newest first report first.")
public class StoriesCommand implements Callable<Integer> {

    @ParentCommand
    NewsroomCommand newsroom;

    @Option(names = "--min-reports", paramLabel = "N", defaultValue = "1",
            description = "Only stories with at least N reports (default: ${DEFAULT-VALUE}).")
    int minReports;

    @Option(names = "--from", paramLabel = "DATE", description = "Only stories first reported on or after DATE.")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Only stories first reported before DATE.")
    String to;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N stories (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print a ListStoriesResponse with all stories as proto3 JSON.")
    boolean json;

    @Override
    public Integer call() {
        Limit.check(limit);
        ListStoriesResponse.Builder all = ListStoriesResponse.newBuilder();
        try (ServiceChannel query = newsroom.channel(Service.QUERY)) {
            String pageToken = "";
            do {
                ListStoriesRequest.Builder request = ListStoriesRequest.newBuilder().setMinReportCount(minReports)
                        .setPageSize(Limit.pageSize(limit, all.getStoriesCount())).setPageToken(pageToken);
                if (from != null) {
                    request.setStartTime(TimeBound.parse("--from", from));
                }
                if (to != null) {
                    request.setEndTime(TimeBound.parse("--to", to));
                }
                ListStoriesResponse page = ServiceCallException.call(query.endpoint(),
                        () -> QueryChannel.stub(query).listStories(request.build()));
                all.addAllStories(page.getStoriesList()
                        .subList(0, Math.min(page.getStoriesCount(), limit - all.getStoriesCount())));
                pageToken = page.getNextPageToken();
                all.setNextPageToken(pageToken);
            } while (!pageToken.isEmpty() && all.getStoriesCount() < limit);
        }
        if (json) {
            System.out.println(ProtoJson.print(all));
            return 0;
        }
        if (all.getStoriesCount() == 0) {
            System.out.println("No stories found.");
            return 0;
        }
        Table table = new Table("STORY", "FIRST REPORT", "LAST REPORT", "REPORTS", "TITLE");
        for (Story story : all.getStoriesList()) {
            table.row(story.getId(), TimeBound.show(story.getFirstReport().getPublishedTime()),
                    TimeBound.show(story.getLastReportTime()), story.getReportCount(), story.getFirstReport().getTitle());
        }
        table.print(System.out);
        return 0;
    }
}
