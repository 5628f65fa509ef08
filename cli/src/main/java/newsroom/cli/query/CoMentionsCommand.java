package newsroom.cli.query;

import java.util.Locale;
import java.util.concurrent.Callable;
import newsroom.cli.NewsroomCommand;
import newsroom.cli.grpc.Pages;
import newsroom.cli.output.Listing;
import newsroom.cli.output.Table;
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
        try (QueryChannel query = QueryChannel.open(newsroom)) {
            GetCoMentionsResponse last = Pages.collect(limit, Limit.MAX_PAGE_SIZE, (pageSize, pageToken) ->
                    query.call(stub -> stub.getCoMentions(GetCoMentionsRequest.newBuilder().setEntityId(entityId)
                            .setPageSize(pageSize).setPageToken(pageToken).build())),
                    GetCoMentionsResponse::getCoMentionsList, GetCoMentionsResponse::getNextPageToken,
                    all::addAllCoMentions);
            all.setEntity(last.getEntity()).setArticleCount(last.getArticleCount())
                    .setNextPageToken(last.getNextPageToken());
        }
        if (!json) {
            System.out.printf("%s is mentioned in %d articles.%n", all.getEntity().getName(), all.getArticleCount());
        }
        Listing.print(json, all, all.getCoMentionsList(), "No other entity is mentioned with it.",
                new Table("ID", "NAME", "TYPE", "SHARED ARTICLES", "WEIGHT"),
                (CoMention coMention) -> new Object[] {coMention.getEntity().getId(), coMention.getEntity().getName(),
                    coMention.getEntity().getType().name(), coMention.getSharedArticleCount(),
                    String.format(Locale.ROOT, "%.2f", coMention.getWeight())});
        return 0;
    }
}
