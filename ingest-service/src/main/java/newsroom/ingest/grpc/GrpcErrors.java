package newsroom.ingest.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
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

/** Turns the ingest beans' failures into canonical gRPC statuses a client can act on. */
final class GrpcErrors {

    private GrpcErrors() {
    }

    static StatusRuntimeException toStatus(Throwable failure) {
        if (failure instanceof StatusRuntimeException status) {
            return status;
        }
        if (failure instanceof InvalidArticleException invalid) {
            return Status.INVALID_ARGUMENT.withDescription(invalid.getMessage()).asRuntimeException();
        }
        if (failure instanceof BacklogFullException full) {
            return Status.RESOURCE_EXHAUSTED.withDescription(full.getMessage()).asRuntimeException();
        }
        if (failure instanceof ArticleNotFoundException notFound) {
            return Status.NOT_FOUND.withDescription(notFound.getMessage()).asRuntimeException();
        }
        if (failure instanceof ReanalysisNotFoundException notFound) {
            return Status.NOT_FOUND.withDescription(notFound.getMessage()).asRuntimeException();
        }
        if (failure instanceof InvalidSourceRequestException invalid) {
            return Status.INVALID_ARGUMENT.withDescription(invalid.getMessage()).asRuntimeException();
        }
        if (failure instanceof SourceNotFoundException notFound) {
            return Status.NOT_FOUND.withDescription(notFound.getMessage()).asRuntimeException();
        }
        if (failure instanceof SourceAlreadyFollowedException followed) {
            return Status.ALREADY_EXISTS.withDescription(followed.getMessage()).asRuntimeException();
        }
        if (failure instanceof SourceBusyException busy) {
            return Status.ABORTED.withDescription(busy.getMessage()).asRuntimeException();
        }
        if (failure instanceof InvalidRetentionRequestException invalid) {
            return Status.INVALID_ARGUMENT.withDescription(invalid.getMessage()).asRuntimeException();
        }
        if (failure instanceof CutoffMovedException moved) {
            return Status.FAILED_PRECONDITION.withDescription(moved.getMessage()).asRuntimeException();
        }
        if (failure instanceof RetentionBusyException busy) {
            return Status.ABORTED.withDescription(busy.getMessage()).asRuntimeException();
        }
        // The database's failures, and anything unforeseen, as every service answers them.
        return DatabaseFailures.toStatus(failure);
    }
}
