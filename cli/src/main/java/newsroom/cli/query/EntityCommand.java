package newsroom.cli.query;

import java.util.Locale;
import java.util.concurrent.Callable;
import newsroom.cli.NewsroomCommand;
import newsroom.cli.output.Reply;
import newsroom.cli.output.Table;
import newsroom.query.v1.CoMention;
import newsroom.query.v1.GetEntityRequest;
import newsroom.query.v1.GetEntityResponse;
import newsroom.query.v1.GlobalEntity;
import newsroom.query.v1.TimelineBucket;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code newsroom entity ID}: one entity's profile. */
@Command(name = "entity", mixinStandardHelpOptions = true,
        description = "Shows an entity's profile: counts, first and last seen, tone trend, who it is mentioned with.")
public class EntityCommand implements Callable<Integer> {

    @ParentCommand
    NewsroomCommand newsroom;

    @Parameters(paramLabel = "ID", description = "The entity's id (see `newsroom entities NAME`).")
    long entityId;

    @Option(names = "--json", description = "Print the GetEntityResponse as proto3 JSON.")
    boolean json;

    @Override
    public Integer call() {
        GetEntityResponse response = QueryChannel.callOnce(newsroom,
                stub -> stub.getEntity(GetEntityRequest.newBuilder().setEntityId(entityId).build()));
        Reply.print(json, response, EntityCommand::show);
        return 0;
    }

    private static void show(GetEntityResponse response) {
        GlobalEntity entity = response.getEntity();
        System.out.printf("%s (%s, id %d)%n", entity.getName(), entity.getType().name(), entity.getId());
        if (entity.getAliasesCount() > 0) {
            System.out.println("also: " + String.join(", ", entity.getAliasesList()));
        }
        System.out.printf("%d mentions in %d articles, %d quotes; first seen %s, last seen %s%n",
                entity.getMentionCount(), entity.getArticleCount(), entity.getQuoteCount(),
                entity.hasFirstSeenTime() ? TimeBound.day(entity.getFirstSeenTime()) : "-",
                entity.hasLastSeenTime() ? TimeBound.day(entity.getLastSeenTime()) : "-");
        if (response.getToneTrendCount() > 0) {
            System.out.println();
            Table trend = new Table("MONTH", "ARTICLES", "MENTIONS", "TONE");
            for (TimelineBucket bucket : response.getToneTrendList()) {
                trend.row(TimeBound.day(bucket.getStartTime()).substring(0, 7), bucket.getArticleCount(),
                        bucket.getMentionCount(), TimelineCommand.tone(bucket));
            }
            trend.print(System.out);
        }
        if (response.getTopCoMentionsCount() > 0) {
            System.out.println();
            Table with = new Table("MENTIONED WITH", "ID", "TYPE", "SHARED ARTICLES", "WEIGHT");
            for (CoMention coMention : response.getTopCoMentionsList()) {
                with.row(coMention.getEntity().getName(), coMention.getEntity().getId(),
                        coMention.getEntity().getType().name(), coMention.getSharedArticleCount(),
                        String.format(Locale.ROOT, "%.2f", coMention.getWeight()));
            }
            with.print(System.out);
        }
    }
}
