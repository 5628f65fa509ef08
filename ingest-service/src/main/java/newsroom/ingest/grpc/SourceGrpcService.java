package newsroom.ingest.grpc;

import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import newsroom.ingest.sources.SourcePage;
import newsroom.ingest.sources.SourceRegistry;
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
import newsroom.ingest.v1.SourceService;

/** The gRPC face of {@link SourceRegistry}. */
@GrpcService
public class SourceGrpcService implements SourceService {

    private final SourceRegistry sources;

    public SourceGrpcService(SourceRegistry sources) {
        this.sources = sources;
    }

    @Override
    @Blocking
    public Uni<Source> addSource(AddSourceRequest request) {
        return GrpcErrors.answer(() -> SourceMessages.source(sources.add(request.getUrl(), request.getName(),
                SourceMessages.interval(request.hasInterval(), request.getInterval()))));
    }

    @Override
    @Blocking
    public Uni<DiscoverSourcesResponse> discoverSources(DiscoverSourcesRequest request) {
        return GrpcErrors.answer(() -> DiscoverSourcesResponse.newBuilder()
                .addAllSources(sources.discover(request.getUrl()).stream().map(SourceMessages::discovered).toList())
                .build());
    }

    @Override
    @Blocking
    public Uni<ListSourcesResponse> listSources(ListSourcesRequest request) {
        return GrpcErrors.answer(() -> {
            SourcePage page = sources.list(request.getPageSize(), request.getPageToken());
            return ListSourcesResponse.newBuilder()
                    .addAllSources(page.sources().stream().map(SourceMessages::source).toList())
                    .setNextPageToken(page.nextPageToken())
                    .setTotalCount(page.totalCount())
                    .build();
        });
    }

    @Override
    @Blocking
    public Uni<Source> getSource(GetSourceRequest request) {
        return GrpcErrors.answer(() -> SourceMessages.source(sources.get(request.getId())));
    }

    @Override
    @Blocking
    public Uni<Source> pauseSource(PauseSourceRequest request) {
        return GrpcErrors.answer(() -> SourceMessages.source(sources.pause(request.getId())));
    }

    @Override
    @Blocking
    public Uni<Source> resumeSource(ResumeSourceRequest request) {
        return GrpcErrors.answer(() -> SourceMessages.source(sources.resume(request.getId())));
    }

    @Override
    @Blocking
    public Uni<DeleteSourceResponse> deleteSource(DeleteSourceRequest request) {
        return GrpcErrors.answer(() -> {
            sources.delete(request.getId());
            return DeleteSourceResponse.getDefaultInstance();
        });
    }

    @Override
    @Blocking
    public Uni<FetchSourceResponse> fetchSource(FetchSourceRequest request) {
        return GrpcErrors.answer(() -> SourceMessages.fetched(sources.fetchNow(request.getId())));
    }
}
