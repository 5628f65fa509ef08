package newsroom.cli.query;

import java.util.concurrent.Callable;
import newsroom.cli.NewsroomCommand;
import newsroom.cli.grpc.Pages;
import newsroom.cli.output.Listing;
import newsroom.cli.output.Table;
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
        try (QueryChannel query = QueryChannel.open(newsroom)) {
            ListStoriesResponse last = Pages.collect(limit, Limit.MAX_PAGE_SIZE, (pageSize, pageToken) -> {
                ListStoriesRequest.Builder request = ListStoriesRequest.newBuilder().setMinReportCount(minReports)
                        .setPageSize(pageSize).setPageToken(pageToken);
                TimeBound.setRange(from, to, request::setStartTime, request::setEndTime);
                return query.call(stub -> stub.listStories(request.build()));
            }, ListStoriesResponse::getStoriesList, ListStoriesResponse::getNextPageToken, all::addAllStories);
            all.setNextPageToken(last.getNextPageToken());
        }
        Listing.print(json, all, all.getStoriesList(), "No stories found.",
                new Table("STORY", "FIRST REPORT", "LAST REPORT", "REPORTS", "TITLE"),
                (Story story) -> new Object[] {story.getId(), TimeBound.show(story.getFirstReport().getPublishedTime()),
                    TimeBound.show(story.getLastReportTime()), story.getReportCount(), story.getFirstReport().getTitle()});
        return 0;
    }
}
