package newsroom.ingest.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.smallrye.mutiny.Uni;
import java.util.concurrent.Callable;
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

    /**
     * A call's answer: what the work returns, or its failure as a status. The work runs on the
     * worker thread its method's {@code @Blocking} gives it; an interrupt there means the server is
     * shutting down.
     */
    static <T> Uni<T> answer(Callable<T> work) {
        return Uni.createFrom().item(() -> {
            try {
                return work.call();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw Status.CANCELLED.withDescription("the server is shutting down").asRuntimeException();
            } catch (RuntimeException e) {
                throw e;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }).onFailure().transform(GrpcErrors::toStatus);
    }

    /** Refuses a request whose {@code field} names no {@code what} (a positive id) with INVALID_ARGUMENT. */
    static void requireId(long id, String field, String what) {
        if (id <= 0) {
            throw Status.INVALID_ARGUMENT.withDescription(field + ": is required (a positive " + what + ")")
                    .asRuntimeException();
        }
    }
}
