package newsroom.cli.query;

import java.util.concurrent.Callable;
import newsroom.cli.NewsroomCommand;
import newsroom.cli.grpc.ServiceCallException;
import newsroom.cli.grpc.ServiceChannel;
import newsroom.cli.output.ProtoJson;
import newsroom.cli.output.Table;
import newsroom.cli.run.Service;
import newsroom.query.v1.ArticleSummary;
import newsroom.query.v1.GetStoryRequest;
import newsroom.query.v1.GetStoryResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code newsroom story ID}: one story's reports. */
@Command(name = "story", mixinStandardHelpOptions = true,
        description = "Shows a same-story cluster with its reports in order of publication.")
public class StoryCommand implements Callable<Integer> {

    @ParentCommand
    NewsroomCommand newsroom;

    @Parameters(paramLabel = "ID", description = "The story's id: the article id of its first report.")
    long storyId;

    @Option(names = "--json", description = "Print the GetStoryResponse as proto3 JSON.")
    boolean json;

    @Override
    public Integer call() {
        GetStoryResponse response;
        try (ServiceChannel query = newsroom.channel(Service.QUERY)) {
            response = ServiceCallException.call(query.endpoint(), () -> QueryChannel.stub(query)
                    .getStory(GetStoryRequest.newBuilder().setStoryId(storyId).build()));
        }
        if (json) {
            System.out.println(ProtoJson.print(response));
            return 0;
        }
        System.out.printf("story %d: %d reports%n", response.getStory().getId(), response.getStory().getReportCount());
        Table table = new Table("ARTICLE", "PUBLISHED", "SOURCE", "COPY OF", "TITLE");
        for (ArticleSummary report : response.getReportsList()) {
            table.row(report.getId(), TimeBound.show(report.getPublishedTime()), report.getSource(),
                    report.getDuplicateOf() == 0 ? "-" : report.getDuplicateOf(), report.getTitle());
        }
        table.print(System.out);
        return 0;
    }
}
