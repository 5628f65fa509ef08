package newsroom.ingest.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import newsroom.grpcstatus.FailureStatuses;
import newsroom.ingest.backpressure.BacklogFullException;
import newsroom.ingest.intake.ArticleNotFoundException;
import newsroom.ingest.intake.InvalidArticleException;
import newsroom.ingest.reanalysis.ReanalysisNotFoundException;
import newsroom.ingest.retention.CutoffMovedException;
import newsroom.ingest.retention.InvalidRetentionRequestException;
import newsroom.ingest.retention.RetentionBusyException;
import newsroom.ingest.sources.InvalidSourceRequestException;
import newsroom.ingest.sources.SourceAlreadyFollowedException;
import newsroom.ingest.sources.SourceBusyException;
import newsroom.ingest.sources.SourceNotFoundException;
import newsroom.store.DatabaseFailures;

/**
 * Turns the ingest beans' failures into canonical gRPC statuses a client can act on: their
 * own refusals here, the database's failures (and anything unforeseen) as every service
 * answers them ({@link DatabaseFailures}).
 */
final class GrpcErrors {

    private static final FailureStatuses STATUSES = FailureStatuses.builder()
            .refuse(InvalidArticleException.class, Status.Code.INVALID_ARGUMENT)
            .refuse(BacklogFullException.class, Status.Code.RESOURCE_EXHAUSTED)
            .refuse(ArticleNotFoundException.class, Status.Code.NOT_FOUND)
            .refuse(ReanalysisNotFoundException.class, Status.Code.NOT_FOUND)
            .refuse(InvalidSourceRequestException.class, Status.Code.INVALID_ARGUMENT)
            .refuse(SourceNotFoundException.class, Status.Code.NOT_FOUND)
            .refuse(SourceAlreadyFollowedException.class, Status.Code.ALREADY_EXISTS)
            .refuse(SourceBusyException.class, Status.Code.ABORTED)
            .refuse(InvalidRetentionRequestException.class, Status.Code.INVALID_ARGUMENT)
            .refuse(CutoffMovedException.class, Status.Code.FAILED_PRECONDITION)
            .refuse(RetentionBusyException.class, Status.Code.ABORTED)
            .otherwise(DatabaseFailures::toStatus);

    private GrpcErrors() {
    }

    static StatusRuntimeException toStatus(Throwable failure) {
        return STATUSES.toStatus(failure);
    }
}
