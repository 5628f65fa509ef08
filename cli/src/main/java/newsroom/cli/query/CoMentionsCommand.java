package newsroom.cli.query;

import java.util.Locale;
import java.util.concurrent.Callable;
import newsroom.cli.NewsroomCommand;
import newsroom.cli.grpc.ServiceCallException;
import newsroom.cli.grpc.ServiceChannel;
import newsroom.cli.output.ProtoJson;
import newsroom.cli.output.Table;
import newsroom.cli.run.Service;
import newsroom.query.v1.CoMention;
import newsroom.query.v1.GetCoMentionsRequest;
import newsroom.query.v1.GetCoMentionsResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code newsroom comentions ID}: who is mentioned with an entity. */
@Command(name = "comentions", mixinStandardHelpOptions = true,
        description = "Lists the entities most often mentioned in the same articles as an entity.")
public class CoMentionsCommand implements Callable<Integer> {

    @ParentCommand
    NewsroomCommand newsroom;

    @Parameters(paramLabel = "ID", description = "The entity's id.")
    long entityId;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "20", description = "At most N entities (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print a GetCoMentionsResponse with all co-mentions as proto3 JSON.")
    boolean json;

    @Override
    public Integer call() {
        Limit.check(limit);
        GetCoMentionsResponse.Builder all = GetCoMentionsResponse.newBuilder();
        try (ServiceChannel query = newsroom.channel(Service.QUERY)) {
            String pageToken = "";
            do {
                GetCoMentionsRequest request = GetCoMentionsRequest.newBuilder().setEntityId(entityId)
                        .setPageSize(Limit.pageSize(limit, all.getCoMentionsCount())).setPageToken(pageToken).build();
                GetCoMentionsResponse page = ServiceCallException.call(query.endpoint(),
                        () -> QueryChannel.stub(query).getCoMentions(request));
                all.setEntity(page.getEntity()).setArticleCount(page.getArticleCount());
                all.addAllCoMentions(page.getCoMentionsList()
                        .subList(0, Math.min(page.getCoMentionsCount(), limit - all.getCoMentionsCount())));
                pageToken = page.getNextPageToken();
                all.setNextPageToken(pageToken);
            } while (!pageToken.isEmpty() && all.getCoMentionsCount() < limit);
        }
        if (json) {
            System.out.println(ProtoJson.print(all));
            return 0;
        }
        System.out.printf("%s is mentioned in %d articles.%n", all.getEntity().getName(), all.getArticleCount());
        if (all.getCoMentionsCount() == 0) {
            System.out.println("No other entity is mentioned with it.");
            return 0;
        }
        Table table = new Table("ID", "NAME", "TYPE", "SHARED ARTICLES", "WEIGHT");
        for (CoMention coMention : all.getCoMentionsList()) {
            table.row(coMention.getEntity().getId(), coMention.getEntity().getName(),
                    coMention.getEntity().getType().name(), coMention.getSharedArticleCount(),
                    String.format(Locale.ROOT, "%.2f", coMention.getWeight()));
        }
        table.print(System.out);
        return 0;
    }
}
