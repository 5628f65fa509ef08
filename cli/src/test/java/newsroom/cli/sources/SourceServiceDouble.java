package newsroom.cli.sources;

import com.google.protobuf.Duration;
import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;
import newsroom.ingest.v1.AddSourceRequest;
import newsroom.ingest.v1.DeleteSourceRequest;
import newsroom.ingest.v1.DeleteSourceResponse;
import newsroom.ingest.v1.DiscoverSourcesRequest;
import newsroom.ingest.v1.DiscoverSourcesResponse;
import newsroom.ingest.v1.FetchSourceRequest;
import newsroom.ingest.v1.FetchSourceResponse;
import newsroom.ingest.v1.GetSourceRequest;
import newsroom.ingest.v1.ListSourcesRequest;
import newsroom.ingest.v1.ListSourcesResponse;
import newsroom.ingest.v1.PauseSourceRequest;
import newsroom.ingest.v1.ResumeSourceRequest;
import newsroom.ingest.v1.Source;
import newsroom.ingest.v1.SourceServiceGrpc;

/**
 * Answers like ingest-service's SourceService, keeping its sources in memory and the requests
 * it got: URLs on 10.x are refused as private, a URL followed twice is ALREADY_EXISTS, an
 * unknown id NOT_FOUND, and lists come in pages of at most {@value #LARGEST_PAGE} whatever is
 * asked, so paging is exercised with a handful of sources.
 */
class SourceServiceDouble extends SourceServiceGrpc.SourceServiceImplBase {

    static final int LARGEST_PAGE = 2;
    static final Duration FIFTEEN_MINUTES = Duration.newBuilder().setSeconds(900).build();

    final Map<Long, Source> sources = new ConcurrentSkipListMap<>();
    final List<AddSourceRequest> adds = new CopyOnWriteArrayList<>();
    final List<ListSourcesRequest> lists = new CopyOnWriteArrayList<>();
    final List<Long> fetched = new CopyOnWriteArrayList<>();
    volatile DiscoverSourcesResponse discovered = DiscoverSourcesResponse.getDefaultInstance();
    volatile FetchSourceResponse fetchResponse = FetchSourceResponse.getDefaultInstance();
    private final AtomicLong ids = new AtomicLong();

    Source follow(String url, String name) {
        long id = ids.incrementAndGet();
        Source source = Source.newBuilder().setId(id).setUrl(url).setName(name)
                .setRequestedInterval(FIFTEEN_MINUTES).setInterval(FIFTEEN_MINUTES)
                .setCreateTime(timestamp(Instant.now()))
                .setNextFetchTime(timestamp(Instant.now().plusSeconds(900)))
                .build();
        sources.put(id, source);
        return source;
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).build();
    }

    @Override
    public void addSource(AddSourceRequest request, StreamObserver<Source> response) {
        adds.add(request);
        if (request.getUrl().contains("//10.")) {
            response.onError(Status.INVALID_ARGUMENT.withDescription("url: " + request.getUrl()
                    + " resolves to a private address (10.0.0.8); set newsroom.sources.allow-private-addresses to"
                    + " follow it").asRuntimeException());
            return;
        }
        for (Source source : sources.values()) {
            if (source.getUrl().equals(request.getUrl())) {
                response.onError(Status.ALREADY_EXISTS.withDescription("url: followed already as source "
                        + source.getId()).asRuntimeException());
                return;
            }
        }
        Source source = follow(request.getUrl(), request.getName());
        if (request.hasInterval()) {
            source = source.toBuilder().setRequestedInterval(request.getInterval()).setInterval(request.getInterval()).build();
            sources.put(source.getId(), source);
        }
        response.onNext(source);
        response.onCompleted();
    }

    @Override
    public void discoverSources(DiscoverSourcesRequest request, StreamObserver<DiscoverSourcesResponse> response) {
        response.onNext(discovered);
        response.onCompleted();
    }

    @Override
    public void listSources(ListSourcesRequest request, StreamObserver<ListSourcesResponse> response) {
        lists.add(request);
        long after = request.getPageToken().isEmpty() ? 0 : Long.parseLong(request.getPageToken());
        int size = Math.min(LARGEST_PAGE, request.getPageSize() == 0 ? 100 : request.getPageSize());
        List<Source> page = sources.values().stream().filter(source -> source.getId() > after).limit(size).toList();
        boolean more = !page.isEmpty() && sources.values().stream()
                .anyMatch(source -> source.getId() > page.get(page.size() - 1).getId());
        response.onNext(ListSourcesResponse.newBuilder().addAllSources(page).setTotalCount(sources.size())
                .setNextPageToken(more ? Long.toString(page.get(page.size() - 1).getId()) : "").build());
        response.onCompleted();
    }

    @Override
    public void getSource(GetSourceRequest request, StreamObserver<Source> response) {
        Source source = sources.get(request.getId());
        if (source == null) {
            notFound(request.getId(), response);
            return;
        }
        response.onNext(source);
        response.onCompleted();
    }

    @Override
    public void pauseSource(PauseSourceRequest request, StreamObserver<Source> response) {
        update(request.getId(), true, response);
    }

    @Override
    public void resumeSource(ResumeSourceRequest request, StreamObserver<Source> response) {
        update(request.getId(), false, response);
    }

    private void update(long id, boolean paused, StreamObserver<Source> response) {
        Source source = sources.computeIfPresent(id, (key, old) -> old.toBuilder().setPaused(paused).build());
        if (source == null) {
            notFound(id, response);
            return;
        }
        response.onNext(source);
        response.onCompleted();
    }

    @Override
    public void deleteSource(DeleteSourceRequest request, StreamObserver<DeleteSourceResponse> response) {
        if (sources.remove(request.getId()) == null) {
            notFound(request.getId(), response);
            return;
        }
        response.onNext(DeleteSourceResponse.getDefaultInstance());
        response.onCompleted();
    }

    @Override
    public void fetchSource(FetchSourceRequest request, StreamObserver<FetchSourceResponse> response) {
        fetched.add(request.getId());
        Source source = sources.get(request.getId());
        if (source == null) {
            notFound(request.getId(), response);
            return;
        }
        response.onNext(fetchResponse.toBuilder().setSource(fetchResponse.hasSource() ? fetchResponse.getSource() : source)
                .build());
        response.onCompleted();
    }

    private static void notFound(long id, StreamObserver<?> response) {
        response.onError(Status.NOT_FOUND.withDescription("source " + id + ": no such source").asRuntimeException());
    }
}
