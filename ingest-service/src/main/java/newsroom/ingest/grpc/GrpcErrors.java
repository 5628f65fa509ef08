package newsroom.ingest.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import newsroom.ingest.backpressure.BacklogFullException;
import newsroom.ingest.database.DatabaseFailures;
import newsroom.ingest.intake.ArticleNotFoundException;
import newsroom.ingest.intake.InvalidArticleException;
import newsroom.ingest.reanalysis.ReanalysisNotFoundException;
import org.jboss.logging.Logger;

/** Turns the ingest beans' failures into canonical gRPC statuses a client can act on. */
final class GrpcErrors {

    private static final Logger LOG = Logger.getLogger(GrpcErrors.class);

    static final String STORE_UNAVAILABLE = "the article store is unavailable; retry later";

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
        if (DatabaseFailures.isConnectionFailure(failure)) {
            LOG.warnf("article store unreachable: %s", failure.getMessage());
            return Status.UNAVAILABLE.withDescription(STORE_UNAVAILABLE).withCause(failure).asRuntimeException();
        }
        LOG.error("ingest request failed", failure);
        return Status.INTERNAL.withDescription("ingest failed unexpectedly; the server log has the details")
                .withCause(failure).asRuntimeException();
    }
}
