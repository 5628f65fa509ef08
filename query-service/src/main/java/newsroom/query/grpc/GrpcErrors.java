package newsroom.query.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import newsroom.grpcstatus.FailureStatuses;
import newsroom.query.InvalidArgumentException;
import newsroom.query.NotFoundException;
import newsroom.store.DatabaseFailures;

/**
 * Maps what the query beans throw to canonical gRPC status codes: their own refusals here,
 * the database's failures (and anything unforeseen) as every service answers them
 * ({@link DatabaseFailures}).
 */
final class GrpcErrors {

    private static final FailureStatuses STATUSES = FailureStatuses.builder()
            .refuse(InvalidArgumentException.class, Status.Code.INVALID_ARGUMENT)
            .refuse(NotFoundException.class, Status.Code.NOT_FOUND)
            .otherwise(DatabaseFailures::toStatus);

    private GrpcErrors() {
    }

    /**
     * @param timedOut what DEADLINE_EXCEEDED tells the client when the call's statement ran
     *                 past its statement_timeout: the limit and what to narrow
     */
    static StatusRuntimeException toStatus(Throwable failure, String timedOut) {
        return STATUSES.toStatus(failure, otherwise -> DatabaseFailures.toStatus(otherwise, timedOut));
    }
}
