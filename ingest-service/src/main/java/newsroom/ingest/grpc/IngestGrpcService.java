package newsroom.ingest.grpc;

import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import newsroom.ingest.IngestConfig;
import newsroom.ingest.backpressure.BacklogLimit;
import newsroom.ingest.intake.ArticleIntake;
import newsroom.ingest.intake.ArticleProgress;
import newsroom.ingest.intake.ArticleProgressLookup;
import newsroom.ingest.intake.IntakeOutcome;
import newsroom.ingest.reanalysis.ReanalysisJobs;
import newsroom.ingest.reanalysis.StartedReanalysis;
import newsroom.ingest.v1.GetIngestStatusRequest;
import newsroom.ingest.v1.GetIngestStatusResponse;
import newsroom.ingest.v1.GetReanalysisRequest;
import newsroom.ingest.v1.GetReanalysisResponse;
import newsroom.ingest.v1.IngestArticleRequest;
import newsroom.ingest.v1.IngestArticleResponse;
import newsroom.ingest.v1.IngestArticlesRequest;
import newsroom.ingest.v1.IngestArticlesResponse;
import newsroom.ingest.v1.IngestService;
import newsroom.ingest.v1.StartReanalysisRequest;
import newsroom.ingest.v1.StartReanalysisResponse;

/** The gRPC face of {@link ArticleIntake}, {@link ArticleProgressLookup} and {@link ReanalysisJobs}. */
@GrpcService
public class IngestGrpcService implements IngestService {

    private final ArticleIntake intake;
    private final ArticleProgressLookup progress;
    private final BacklogLimit backlogLimit;
    private final ReanalysisJobs reanalyses;
    private final int bulkBatchArticles;

    public IngestGrpcService(ArticleIntake intake, ArticleProgressLookup progress, BacklogLimit backlogLimit,
                             ReanalysisJobs reanalyses, IngestConfig config) {
        this.bulkBatchArticles = config.intake().bulkBatchArticles();
        this.intake = intake;
        this.progress = progress;
        this.backlogLimit = backlogLimit;
        this.reanalyses = reanalyses;
    }

    @Override
    @Blocking
    public Uni<IngestArticleResponse> ingestArticle(IngestArticleRequest request) {
        return GrpcErrors.answer(() -> {
            backlogLimit.checkRoom();
            IntakeOutcome outcome = intake.ingest(request.hasArticle() ? request.getArticle() : null);
            return IngestArticleResponse.newBuilder()
                    .setArticleId(outcome.articleId())
                    .setStatus(ProtoValues.status(outcome.status()))
                    .setAlreadyStored(outcome.alreadyStored())
                    .setDuplicateOf(outcome.duplicateOf())
                    .build();
        });
    }

    // Blocking: each message is prepared on a worker thread as it arrives and the
    // next is only read after that; memory holds results and one batch of articles.
    @Override
    @Blocking
    public Uni<IngestArticlesResponse> ingestArticles(Multi<IngestArticlesRequest> requests) {
        return requests.collect().in(() -> new BulkIngestTally(intake, bulkBatchArticles), (tally, request) -> {
                    backlogLimit.checkRoom();
                    tally.ingest(request);
                })
                .map(BulkIngestTally::response)
                .onFailure().transform(GrpcErrors::toStatus);
    }

    @Override
    @Blocking
    public Uni<GetIngestStatusResponse> getIngestStatus(GetIngestStatusRequest request) {
        return GrpcErrors.answer(() -> {
            GrpcErrors.requireId(request.getArticleId(), "article_id", "article id");
            ArticleProgress found = progress.find(request.getArticleId());
            GetIngestStatusResponse.Builder response = GetIngestStatusResponse.newBuilder()
                    .setArticleId(found.articleId())
                    .setStatus(ProtoValues.status(found.status()))
                    .setAttempts(found.attempts())
                    .setError(found.lastError() == null ? "" : found.lastError())
                    .setAcceptedTime(ProtoValues.timestamp(found.acceptedAt()))
                    .setDuplicateOf(found.duplicateOf() == null ? 0 : found.duplicateOf())
                    .setFailedAttempts(found.failedAttempts())
                    .setFailureReason(found.failureReason() == null ? "" : found.failureReason());
            if (found.analyzedAt() != null) {
                response.setAnalyzedTime(ProtoValues.timestamp(found.analyzedAt()));
            }
            return response.build();
        });
    }

    @Override
    @Blocking
    public Uni<StartReanalysisResponse> startReanalysis(StartReanalysisRequest request) {
        return GrpcErrors.answer(() -> {
            StartedReanalysis started = reanalyses.start(ReanalysisMessages.range(request));
            return StartReanalysisResponse.newBuilder()
                    .setReanalysis(ReanalysisMessages.reanalysis(started.job()))
                    .setResumed(started.resumed())
                    .build();
        });
    }

    @Override
    @Blocking
    public Uni<GetReanalysisResponse> getReanalysis(GetReanalysisRequest request) {
        return GrpcErrors.answer(() -> {
            GrpcErrors.requireId(request.getReanalysisId(), "reanalysis_id", "re-analysis id");
            return GetReanalysisResponse.newBuilder()
                    .setReanalysis(ReanalysisMessages.reanalysis(reanalyses.find(request.getReanalysisId())))
                    .build();
        });
    }
}
