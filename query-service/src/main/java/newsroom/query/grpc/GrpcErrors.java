package newsroom.query.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import newsroom.query.InvalidArgumentException;
import newsroom.query.NotFoundException;
import newsroom.store.DatabaseFailures;

/**
 * Maps what the query beans throw to canonical gRPC status codes: their own refusals here,
 * the database's failures (and anything unforeseen) as every service answers them
 * ({@link DatabaseFailures}).
 */
final class GrpcErrors {

    private GrpcErrors() {
    }

    /**
     * @param timedOut what DEADLINE_EXCEEDED tells the client when the call's statement ran
     *                 past its statement_timeout: the limit and what to narrow
     */
    static StatusRuntimeException toStatus(Throwable failure, String timedOut) {
        if (failure instanceof InvalidArgumentException) {
            return Status.INVALID_ARGUMENT.withDescription(failure.getMessage()).asRuntimeException();
        }
        if (failure instanceof NotFoundException) {
            return Status.NOT_FOUND.withDescription(failure.getMessage()).asRuntimeException();
        }
        StatusRuntimeException status = DatabaseFailures.toStatus(failure);
        if (status.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED && DatabaseFailures.isStatementTimeout(failure)) {
            return Status.DEADLINE_EXCEEDED.withDescription(timedOut).asRuntimeException();
        }
        return status;
    }
}
