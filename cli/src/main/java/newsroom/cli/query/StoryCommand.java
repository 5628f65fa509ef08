package newsroom.cli.query;

import java.util.concurrent.Callable;
import newsroom.cli.NewsroomCommand;
import newsroom.cli.output.Reply;
import newsroom.cli.output.Table;
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
        GetStoryResponse response = QueryChannel.callOnce(newsroom,
                stub -> stub.getStory(GetStoryRequest.newBuilder().setStoryId(storyId).build()));
        Reply.print(json, response, StoryCommand::show);
        return 0;
    }

    private static void show(GetStoryResponse response) {
        System.out.printf("story %d: %d reports%n", response.getStory().getId(), response.getStory().getReportCount());
        Table table = new Table("ARTICLE", "PUBLISHED", "SOURCE", "COPY OF", "TITLE");
        for (ArticleSummary report : response.getReportsList()) {
            table.row(report.getId(), TimeBound.show(report.getPublishedTime()), report.getSource(),
                    report.getDuplicateOf() == 0 ? "-" : report.getDuplicateOf(), report.getTitle());
        }
        table.print(System.out);
    }
}
