package newsroom.cli.query;

import java.util.Locale;
import java.util.concurrent.Callable;
import newsroom.cli.NewsroomCommand;
import newsroom.cli.UserError;
import newsroom.cli.grpc.ServiceCallException;
import newsroom.cli.grpc.ServiceChannel;
import newsroom.cli.output.ProtoJson;
import newsroom.cli.output.Table;
import newsroom.cli.run.Service;
import newsroom.query.v1.GetEntityTimelineRequest;
import newsroom.query.v1.GetEntityTimelineResponse;
import newsroom.query.v1.TimelineBucket;
import newsroom.query.v1.TimelineGranularity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;

/** {@code newsroom timeline ID --by week}: an entity's coverage over time. */
@Command(name = "timeline", mixinStandardHelpOptions = true,
        description = "Shows an entity's mentions, articles and average tone per day, week or month.")
public class TimelineCommand implements Callable<Integer> {

    /** The most periods one page holds. */
    private static final int MAX_PAGE_SIZE = 1000;

    @ParentCommand
    NewsroomCommand newsroom;

    @Parameters(paramLabel = "ID", description = "The entity's id.")
    long entityId;

    @Option(names = "--by", paramLabel = "PERIOD", defaultValue = "month",
            description = "day, week (Monday to Sunday) or month (default: ${DEFAULT-VALUE}); UTC.")
    String by;

    @Option(names = "--from", paramLabel = "DATE", description = "Only articles published on or after DATE.")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Only articles published before DATE.")
    String to;

    @Option(names = "--limit", paramLabel = "N", defaultValue = "1000", description = "At most N periods (default: ${DEFAULT-VALUE}).")
    int limit;

    @Option(names = "--json", description = "Print a GetEntityTimelineResponse with all periods as proto3 JSON.")
    boolean json;

    @Override
    public Integer call() {
        Limit.check(limit);
        TimelineGranularity granularity = switch (by.toLowerCase(Locale.ROOT)) {
            case "day" -> TimelineGranularity.DAY;
            case "week" -> TimelineGranularity.WEEK;
            case "month" -> TimelineGranularity.MONTH;
            default -> throw new UserError("--by: must be day, week or month, not '" + by + "'");
        };
        GetEntityTimelineResponse.Builder all = GetEntityTimelineResponse.newBuilder();
        try (ServiceChannel query = newsroom.channel(Service.QUERY)) {
            String pageToken = "";
            do {
                GetEntityTimelineRequest.Builder request = GetEntityTimelineRequest.newBuilder()
                        .setEntityId(entityId).setGranularity(granularity)
                        .setPageSize(Math.min(MAX_PAGE_SIZE, limit - all.getBucketsCount())).setPageToken(pageToken);
                if (from != null) {
                    request.setStartTime(TimeBound.parse("--from", from));
                }
                if (to != null) {
                    request.setEndTime(TimeBound.parse("--to", to));
                }
                GetEntityTimelineResponse page = ServiceCallException.call(query.endpoint(),
                        () -> QueryChannel.stub(query).getEntityTimeline(request.build()));
                all.setEntity(page.getEntity());
                all.addAllBuckets(page.getBucketsList()
                        .subList(0, Math.min(page.getBucketsCount(), limit - all.getBucketsCount())));
                pageToken = page.getNextPageToken();
                all.setNextPageToken(pageToken);
            } while (!pageToken.isEmpty() && all.getBucketsCount() < limit);
        }
        if (json) {
            System.out.println(ProtoJson.print(all));
            return 0;
        }
        if (all.getBucketsCount() == 0) {
            System.out.println(all.getEntity().getName() + " is not mentioned in that time.");
            return 0;
        }
        Table table = new Table(by.toUpperCase(Locale.ROOT) + " FROM", "ARTICLES", "MENTIONS", "TONE");
        for (TimelineBucket bucket : all.getBucketsList()) {
            table.row(TimeBound.day(bucket.getStartTime()), bucket.getArticleCount(), bucket.getMentionCount(),
                    tone(bucket));
        }
        table.print(System.out);
        return 0;
    }

    static String tone(TimelineBucket bucket) {
        return bucket.getTonedArticleCount() == 0 ? "-"
                : String.format(Locale.ROOT, "%+.2f", bucket.getAverageTone());
    }
}
