package newsroom.query.grpc;

import com.google.protobuf.Timestamp;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;
import newsroom.auth.Caller;
import newsroom.query.CallClass;
import newsroom.query.InvalidArgumentException;
import newsroom.query.StatementTimeouts;
import newsroom.query.TimeRange;
import newsroom.query.articles.ArticleFilter;
import newsroom.query.articles.ArticleQueries;
import newsroom.query.entities.CoMentionQueries;
import newsroom.query.entities.CoMentions;
import newsroom.query.entities.EntityProfile;
import newsroom.query.entities.EntityQueries;
import newsroom.query.entities.Timeline;
import newsroom.query.entities.TimelineQueries;
import newsroom.query.events.EventFilter;
import newsroom.query.events.EventQueries;
import newsroom.query.events.ReportedEvent;
import newsroom.query.export.AnalysisExport;
import newsroom.query.export.ExportedArticle;
import newsroom.query.paging.Page;
import newsroom.query.quotes.AttributedQuote;
import newsroom.query.quotes.QuoteFilter;
import newsroom.query.quotes.QuoteQueries;
import newsroom.query.replica.ReadRouting;
import newsroom.query.stories.StoryCluster;
import newsroom.query.stories.StoryQueries;
import newsroom.query.v1.ExportAnalysesRequest;
import newsroom.query.v1.ExportedAnalysis;
import newsroom.query.v1.GetArticleRequest;
import newsroom.query.v1.GetArticleResponse;
import newsroom.query.v1.GetCoMentionsRequest;
import newsroom.query.v1.GetCoMentionsResponse;
import newsroom.query.v1.GetEntityRequest;
import newsroom.query.v1.GetEntityResponse;
import newsroom.query.v1.GetEntityTimelineRequest;
import newsroom.query.v1.GetEntityTimelineResponse;
import newsroom.query.v1.GetStoryRequest;
import newsroom.query.v1.GetStoryResponse;
import newsroom.query.v1.ListEventsRequest;
import newsroom.query.v1.ListEventsResponse;
import newsroom.query.v1.ListQuotesRequest;
import newsroom.query.v1.ListQuotesResponse;
import newsroom.query.v1.ListStoriesRequest;
import newsroom.query.v1.ListStoriesResponse;
import newsroom.query.v1.QueryService;
import newsroom.query.v1.SearchArticlesRequest;
import newsroom.query.v1.SearchArticlesResponse;
import newsroom.query.v1.SearchEntitiesRequest;
import newsroom.query.v1.SearchEntitiesResponse;
import newsroom.query.v1.TimelineGranularity;

/** The gRPC face of the query beans: requests in, messages out, failures as status codes. */
@GrpcService
@Blocking // Every call reads PostgreSQL through JDBC.
public class QueryGrpcService implements QueryService {

    // The range google.protobuf.Timestamp allows: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.
    private static final long MIN_TIMESTAMP_SECONDS = -62_135_596_800L;
    private static final long MAX_TIMESTAMP_SECONDS = 253_402_300_799L;
    private static final int MAX_NANOS = 999_999_999;
    /** Whose share the calls use when authentication is off: all of them share one. */
    private static final String UNAUTHENTICATED = "(unauthenticated)";

    private final ArticleQueries articles;
    private final EntityQueries entities;
    private final QuoteQueries quotes;
    private final EventQueries events;
    private final CoMentionQueries coMentions;
    private final TimelineQueries timelines;
    private final StoryQueries stories;
    private final AnalysisExport export;
    private final CallGate gate;
    private final StatementTimeouts timeouts;
    private final ReadRouting reads;

    QueryGrpcService(ArticleQueries articles, EntityQueries entities, QuoteQueries quotes, EventQueries events,
                     CoMentionQueries coMentions, TimelineQueries timelines, StoryQueries stories,
                     AnalysisExport export, CallGate gate, StatementTimeouts timeouts, ReadRouting reads) {
        this.articles = articles;
        this.entities = entities;
        this.quotes = quotes;
        this.events = events;
        this.coMentions = coMentions;
        this.timelines = timelines;
        this.stories = stories;
        this.export = export;
        this.gate = gate;
        this.timeouts = timeouts;
        this.reads = reads;
    }

    @Override
    public Uni<GetArticleResponse> getArticle(GetArticleRequest request) {
        return answer(CallClass.LOOKUP, () -> QueryMessages.article(articles.get(request.getArticleId())));
    }

    @Override
    public Uni<SearchArticlesResponse> searchArticles(SearchArticlesRequest request) {
        return answer(CallClass.SEARCH, () -> {
            ArticleFilter filter = new ArticleFilter(request.getEntityId(), request.getSource(), request.getLanguage(),
                    range(request.hasStartTime(), request.getStartTime(), request.hasEndTime(), request.getEndTime()));
            return QueryMessages.searchResponse(articles.search(request.getQuery(), filter, request.getPageSize(),
                    request.getPageToken(),
                    request.getIncludeFacets() ? OptionalInt.of(ArticleQueries.FACET_SAMPLE) : OptionalInt.empty()));
        });
    }

    @Override
    public Uni<SearchEntitiesResponse> searchEntities(SearchEntitiesRequest request) {
        return answer(CallClass.SEARCH, () -> {
            Page<EntityProfile> page = entities.search(request.getQuery(), request.getType(),
                    request.getPageSize(), request.getPageToken());
            return SearchEntitiesResponse.newBuilder()
                    .addAllEntities(page.items().stream().map(QueryMessages::entity).toList())
                    .setNextPageToken(page.nextPageToken())
                    .build();
        });
    }

    @Override
    public Uni<GetEntityResponse> getEntity(GetEntityRequest request) {
        return answer(CallClass.LOOKUP, () -> QueryMessages.entityDetails(entities.get(request.getEntityId())));
    }

    @Override
    public Uni<ListQuotesResponse> listQuotes(ListQuotesRequest request) {
        return answer(CallClass.SEARCH, () -> {
            QuoteFilter filter = new QuoteFilter(request.getSpeakerEntityId(), request.getSpeakerName(),
                    request.getTextQuery(), request.getNearEntityId(), request.getForm(),
                    range(request.hasStartTime(), request.getStartTime(), request.hasEndTime(), request.getEndTime()));
            Page<AttributedQuote> page = quotes.list(filter, request.getPageSize(), request.getPageToken());
            return ListQuotesResponse.newBuilder()
                    .addAllQuotes(page.items().stream().map(QueryMessages::quote).toList())
                    .setNextPageToken(page.nextPageToken())
                    .build();
        });
    }

    @Override
    public Uni<ListEventsResponse> listEvents(ListEventsRequest request) {
        return answer(CallClass.SEARCH, () -> {
            EventFilter filter = new EventFilter(request.getEntityId(), request.getType(),
                    range(request.hasStartTime(), request.getStartTime(), request.hasEndTime(), request.getEndTime()));
            Page<ReportedEvent> page = events.list(filter, request.getPageSize(), request.getPageToken());
            return ListEventsResponse.newBuilder()
                    .addAllEvents(page.items().stream().map(QueryMessages::event).toList())
                    .setNextPageToken(page.nextPageToken())
                    .build();
        });
    }

    @Override
    public Uni<GetCoMentionsResponse> getCoMentions(GetCoMentionsRequest request) {
        return answer(CallClass.LOOKUP, () -> {
            CoMentions found = coMentions.list(request.getEntityId(), request.getPageSize(), request.getPageToken());
            return GetCoMentionsResponse.newBuilder()
                    .setEntity(QueryMessages.entityRef(found.entity()))
                    .setArticleCount(found.articleCount())
                    .addAllCoMentions(found.page().items().stream().map(QueryMessages::coMention).toList())
                    .setNextPageToken(found.page().nextPageToken())
                    .build();
        });
    }

    @Override
    public Uni<GetEntityTimelineResponse> getEntityTimeline(GetEntityTimelineRequest request) {
        return answer(CallClass.SEARCH, () -> {
            Timeline timeline = timelines.timeline(request.getEntityId(), granularity(request.getGranularity()),
                    range(request.hasStartTime(), request.getStartTime(), request.hasEndTime(), request.getEndTime()),
                    request.getPageSize(), request.getPageToken());
            return GetEntityTimelineResponse.newBuilder()
                    .setEntity(QueryMessages.entityRef(timeline.entity()))
                    .addAllBuckets(timeline.page().items().stream().map(QueryMessages::bucket).toList())
                    .setNextPageToken(timeline.page().nextPageToken())
                    .build();
        });
    }

    @Override
    public Uni<ListStoriesResponse> listStories(ListStoriesRequest request) {
        return answer(CallClass.SEARCH, () -> {
            Page<StoryCluster> page = stories.list(
                    range(request.hasStartTime(), request.getStartTime(), request.hasEndTime(), request.getEndTime()),
                    request.getMinReportCount(), request.getPageSize(), request.getPageToken());
            return ListStoriesResponse.newBuilder()
                    .addAllStories(page.items().stream().map(QueryMessages::story).toList())
                    .setNextPageToken(page.nextPageToken())
                    .build();
        });
    }

    @Override
    public Uni<GetStoryResponse> getStory(GetStoryRequest request) {
        return answer(CallClass.LOOKUP, () -> QueryMessages.storyDetails(stories.get(request.getStoryId())));
    }

    @Override
    public Multi<ExportedAnalysis> exportAnalyses(ExportAnalysesRequest request) {
        String client = client();
        String timedOut = timedOut(CallClass.EXPORT);
        ArticleFilter filter;
        try {
            filter = new ArticleFilter(request.getEntityId(), request.getSource(), "",
                    range(request.hasStartTime(), request.getStartTime(), request.hasEndTime(), request.getEndTime()));
            export.check(filter);
        } catch (RuntimeException e) {
            return Multi.createFrom().failure(GrpcErrors.toStatus(e, timedOut));
        }
        // Batches are read on demand, one after the other, each after the last id sent; each
        // batch waits its turn at the gate like a unary call of the same client.
        long[] lastId = {0};
        return Multi.createBy().repeating()
                .supplier(() -> {
                    List<ExportedArticle> batch = gate.admit(client,
                            () -> reads.read(() -> export.batch(filter, lastId[0])));
                    if (!batch.isEmpty()) {
                        lastId[0] = batch.get(batch.size() - 1).summary().id();
                    }
                    return batch;
                })
                .until(List::isEmpty)
                .onItem().<ExportedArticle>disjoint()
                .map(QueryMessages::exported)
                .onFailure().transform(failure -> GrpcErrors.toStatus(failure, timedOut));
    }

    private static TimelineQueries.Granularity granularity(TimelineGranularity granularity) {
        return switch (granularity) {
            case DAY -> TimelineQueries.Granularity.DAY;
            case WEEK -> TimelineQueries.Granularity.WEEK;
            case MONTH -> TimelineQueries.Granularity.MONTH;
            case TIMELINE_GRANULARITY_UNSPECIFIED, UNRECOGNIZED -> null;
        };
    }

    private static TimeRange range(boolean hasStart, Timestamp start, boolean hasEnd, Timestamp end) {
        return TimeRange.of(hasStart ? Optional.of(instant("start_time", start)) : Optional.empty(),
                hasEnd ? Optional.of(instant("end_time", end)) : Optional.empty());
    }

    /**
     * The instant of a request's time, if google.protobuf.Timestamp can hold it: a time outside
     * years 1 to 9999 or with nanos outside [0, 999999999] is refused here rather than failing
     * in Instant's arithmetic or in PostgreSQL.
     */
    private static Instant instant(String field, Timestamp timestamp) {
        if (timestamp.getSeconds() < MIN_TIMESTAMP_SECONDS || timestamp.getSeconds() > MAX_TIMESTAMP_SECONDS
                || timestamp.getNanos() < 0 || timestamp.getNanos() > MAX_NANOS) {
            throw new InvalidArgumentException(field, "is not a valid time (seconds " + timestamp.getSeconds()
                    + ", nanos " + timestamp.getNanos() + "): it must lie between 0001-01-01 and 9999-12-31 UTC"
                    + " with nanos in [0, " + MAX_NANOS + "]");
        }
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }

    // The caller is read here, on the call's thread, where the gRPC context holds it.
    private <T> Uni<T> answer(CallClass callClass, Supplier<T> work) {
        String client = client();
        String timedOut = timedOut(callClass);
        return Uni.createFrom().item(() -> gate.admit(client, () -> reads.read(work)))
                .onFailure().transform(failure -> GrpcErrors.toStatus(failure, timedOut));
    }

    /** Whose fair share of the gate a call uses: its API key's name. */
    private static String client() {
        Caller caller = Caller.CURRENT.get();
        return caller == null ? UNAUTHENTICATED : caller.name();
    }

    private String timedOut(CallClass callClass) {
        return callClass.timedOut(timeouts.limit(callClass));
    }
}
