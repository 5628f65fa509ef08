package newsroom.query.grpc;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import newsroom.query.InvalidArgumentException;
import newsroom.query.NotFoundException;
import org.jboss.logging.Logger;

/** Maps what the query beans throw to canonical gRPC status codes. */
final class GrpcErrors {

    private static final Logger LOG = Logger.getLogger(GrpcErrors.class);

    private GrpcErrors() {
    }

    static StatusRuntimeException toStatus(Throwable failure) {
        if (failure instanceof StatusRuntimeException status) {
            return status;
        }
        if (failure instanceof InvalidArgumentException) {
            return Status.INVALID_ARGUMENT.withDescription(failure.getMessage()).asRuntimeException();
        }
        if (failure instanceof NotFoundException) {
            return Status.NOT_FOUND.withDescription(failure.getMessage()).asRuntimeException();
        }
        if (isDatabaseUnreachable(failure)) {
            LOG.warnf("database unreachable: %s", failure.getMessage());
            return Status.UNAVAILABLE.withDescription("the database is unreachable; retry later")
                    .withCause(failure).asRuntimeException();
        }
        LOG.error("query failed", failure);
        return Status.INTERNAL.withDescription("the query failed; see the query-service log")
                .withCause(failure).asRuntimeException();
    }

    // SQLState class 08 is "connection exception"; the pool reports a timeout
    // to acquire a connection as a transient connection exception.
    private static boolean isDatabaseUnreachable(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLTransientConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith("08")) {
                return true;
            }
        }
        return false;
    }
}
