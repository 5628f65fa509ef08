package newsroom.cli.query;

import java.util.Locale;
import java.util.concurrent.Callable;
import newsroom.cli.NewsroomCommand;
import newsroom.cli.UserError;
import newsroom.cli.grpc.Pages;
import newsroom.cli.output.Listing;
import newsroom.cli.output.Table;
import newsroom.query.v1.GetEntityTimelineRequest;
import newsroom.query.v1.GetEntityTimelineResponse;
import newsroom.query.v1.TimelineBucket;
import newsroom.query.v1.TimelineGranularity;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
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

    @Mixin
    PublishedRange published;

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
        try (QueryChannel query = QueryChannel.open(newsroom)) {
            GetEntityTimelineResponse last = Pages.collect(limit, MAX_PAGE_SIZE, (pageSize, pageToken) -> {
                GetEntityTimelineRequest.Builder request = GetEntityTimelineRequest.newBuilder()
                        .setEntityId(entityId).setGranularity(granularity)
                        .setPageSize(pageSize).setPageToken(pageToken);
                published.applyTo(request::setStartTime, request::setEndTime);
                return query.call(stub -> stub.getEntityTimeline(request.build()));
            }, GetEntityTimelineResponse::getBucketsList, GetEntityTimelineResponse::getNextPageToken,
                    all::addAllBuckets);
            all.setEntity(last.getEntity()).setNextPageToken(last.getNextPageToken());
        }
        Listing.print(json, all, all.getBucketsList(), all.getEntity().getName() + " is not mentioned in that time.",
                new Table(by.toUpperCase(Locale.ROOT) + " FROM", "ARTICLES", "MENTIONS", "TONE"),
                (TimelineBucket bucket) -> new Object[] {TimeBound.day(bucket.getStartTime()), bucket.getArticleCount(),
                    bucket.getMentionCount(), tone(bucket)});
        return 0;
    }

    static String tone(TimelineBucket bucket) {
        return bucket.getTonedArticleCount() == 0 ? "-"
                : String.format(Locale.ROOT, "%+.2f", bucket.getAverageTone());
    }
}
