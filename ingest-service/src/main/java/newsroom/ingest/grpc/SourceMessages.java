package newsroom.ingest.grpc;

import com.google.protobuf.Duration;
import newsroom.fetching.FeedOffer;
import newsroom.ingest.sources.FinishedFetch;
import newsroom.ingest.sources.FollowedSource;
import newsroom.ingest.sources.FoundSource;
import newsroom.ingest.sources.SourceOutcome;
import newsroom.ingest.v1.DiscoveredSource;
import newsroom.ingest.v1.FetchOutcome;
import newsroom.ingest.v1.FetchSourceResponse;
import newsroom.ingest.v1.Source;
import newsroom.ingest.v1.SourceKind;

/** Sources in their protobuf forms, and back. */
final class SourceMessages {

    private SourceMessages() {
    }

    static Source source(FollowedSource source) {
        Source.Builder message = Source.newBuilder()
                .setId(source.id())
                .setUrl(source.url())
                .setName(source.name())
                .setKind(kind(source.kind()))
                .setRequestedInterval(duration(source.requestedInterval()))
                .setInterval(duration(source.interval()))
                .setPaused(source.paused())
                .setCreateTime(ProtoValues.timestamp(source.createdAt()))
                .setNextFetchTime(ProtoValues.timestamp(source.nextFetchAt()))
                .setLastOutcome(outcome(source.lastOutcome()))
                .setLastError(source.lastError())
                .setConsecutiveFailures(source.consecutiveFailures())
                .setItemsSeen(source.itemsSeen())
                .setArticlesAccepted(source.articlesAccepted());
        if (source.lastFetchAt() != null) {
            message.setLastFetchTime(ProtoValues.timestamp(source.lastFetchAt()));
        }
        if (source.lastNewItemAt() != null) {
            message.setLastNewItemTime(ProtoValues.timestamp(source.lastNewItemAt()));
        }
        return message.build();
    }

    static FetchSourceResponse fetched(FinishedFetch fetch) {
        return FetchSourceResponse.newBuilder()
                .setSource(source(fetch.source()))
                .setOutcome(outcome(fetch.report().outcome()))
                .setNewItems(fetch.report().newItems())
                .setArticlesAccepted(fetch.report().articlesAccepted())
                .setItemsSkipped(fetch.report().itemsSkipped())
                .build();
    }

    static DiscoveredSource discovered(FoundSource found) {
        FeedOffer offer = found.offer();
        return DiscoveredSource.newBuilder()
                .setUrl(offer.url().toString())
                .setTitle(offer.title() == null ? "" : offer.title())
                .setKind(kind(offer.kind()))
                .setFoundBy(DiscoveredSource.FoundBy.valueOf(offer.foundBy().name()))
                .setAlreadyFollowed(found.alreadyFollowed())
                .build();
    }

    /** The requested interval; null when the request has none (the default applies). */
    static java.time.Duration interval(boolean given, Duration interval) {
        return given ? java.time.Duration.ofSeconds(interval.getSeconds(), interval.getNanos()) : null;
    }

    private static SourceKind kind(newsroom.fetching.SourceKind kind) {
        // The fetching module's kinds share their names with the API's.
        return kind == null ? SourceKind.SOURCE_KIND_UNSPECIFIED : SourceKind.valueOf(kind.name());
    }

    private static FetchOutcome outcome(SourceOutcome outcome) {
        if (outcome == null) {
            return FetchOutcome.FETCH_OUTCOME_UNSPECIFIED;
        }
        return switch (outcome) {
            case FETCHED -> FetchOutcome.FETCHED;
            case NOT_MODIFIED -> FetchOutcome.NOT_MODIFIED;
            case DISALLOWED_BY_ROBOTS -> FetchOutcome.DISALLOWED_BY_ROBOTS;
            case FAILED -> FetchOutcome.FETCH_FAILED;
        };
    }

    private static Duration duration(java.time.Duration duration) {
        return Duration.newBuilder().setSeconds(duration.getSeconds()).setNanos(duration.getNano()).build();
    }
}
