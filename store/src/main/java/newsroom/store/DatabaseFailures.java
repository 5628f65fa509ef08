package newsroom.store;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import java.util.UUID;
import org.hibernate.exception.JDBCConnectionException;
import org.jboss.logging.Logger;

/**
 * What a failure of the store means to a caller, for every service that uses it: the one
 * mapping from database failures to gRPC status, and the one way to describe them where a
 * client or the stored {@code last_error} can read it.
 *
 * <p>A client sees what it can act on (retry later, narrow the request, the row exists),
 * never SQL text, constraint names or stack traces: those reach only the service's log,
 * under an incident id that the status message names, so an operator can find them.
 *
 * <table>
 *   <caption>Database failure to status</caption>
 *   <tr><th>failure</th><th>status</th></tr>
 *   <tr><td>unreachable: SQLSTATE 08 (connection), 57P01..03 (shut down, starting), pool timeout</td><td>UNAVAILABLE</td></tr>
 *   <tr><td>statement timeout: SQLSTATE 57014 (query_canceled)</td><td>DEADLINE_EXCEEDED</td></tr>
 *   <tr><td>unique violation: 23505</td><td>ALREADY_EXISTS</td></tr>
 *   <tr><td>other integrity violation: class 23 (not null, foreign key, check)</td><td>INVALID_ARGUMENT</td></tr>
 *   <tr><td>lost to a concurrent transaction: class 40 (serialization, deadlock)</td><td>ABORTED</td></tr>
 *   <tr><td>anything else</td><td>INTERNAL</td></tr>
 * </table>
 */
public final class DatabaseFailures {

    private static final Logger LOG = Logger.getLogger(DatabaseFailures.class);

    /** What UNAVAILABLE says: the same words from every service. */
    public static final String STORE_UNAVAILABLE = "the article store is unavailable; retry later";

    /** SQLSTATE class 08: connection exception. */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";
    /** SQLSTATE 57P01..57P03: the server is shutting down, crashed or not yet accepting connections. */
    private static final String OPERATOR_INTERVENTION_PREFIX = "57P";
    /** SQLSTATE 57014: the statement was cancelled, here by {@code statement_timeout}. */
    private static final String QUERY_CANCELED = "57014";
    private static final String UNIQUE_VIOLATION = "23505";
    /** SQLSTATE class 23: integrity constraint violation. */
    private static final String INTEGRITY_VIOLATION_CLASS = "23";
    /** SQLSTATE 40001 serialization failure, 40P01 deadlock detected: the transaction lost to a concurrent one. */
    private static final String TRANSACTION_ROLLBACK_CLASS = "40";

    private DatabaseFailures() {
    }

    /** True when {@code failure} comes from the database being unreachable. */
    public static boolean isConnectionFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof SQLTransientConnectionException
                    || cause instanceof SQLNonTransientConnectionException
                    || cause instanceof JDBCConnectionException) {
                return true;
            }
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith(CONNECTION_EXCEPTION_CLASS)
                        || state.startsWith(OPERATOR_INTERVENTION_PREFIX))) {
                    return true;
                }
                // Agroal reports an exhausted wait for a connection without a SQLSTATE.
                String message = sql.getMessage();
                if (state == null && message != null && message.contains("Acquisition timeout")) {
                    return true;
                }
            }
        }
        return false;
    }

    /** True when {@code failure} is the database rolling back a transaction that conflicted with another. */
    public static boolean isTransactionConflict(Throwable failure) {
        return hasState(failure, TRANSACTION_ROLLBACK_CLASS, true);
    }

    /** True when {@code failure} comes from a unique index refusing a duplicate row. */
    public static boolean isUniqueViolation(Throwable failure) {
        return hasState(failure, UNIQUE_VIOLATION, false);
    }

    /** True when {@code failure} is a statement cancelled by {@code statement_timeout}. */
    public static boolean isStatementTimeout(Throwable failure) {
        return hasState(failure, QUERY_CANCELED, false);
    }

    /** True when {@code failure} is a row refused by a constraint (unique, not null, foreign key, check). */
    public static boolean isIntegrityViolation(Throwable failure) {
        return hasState(failure, INTEGRITY_VIOLATION_CLASS, true);
    }

    /**
     * The status for a failure no service-specific rule claimed: a database failure by its
     * class (see the table above), anything else INTERNAL. Every status but UNAVAILABLE and
     * DEADLINE_EXCEEDED is logged with its cause under the incident id its message names.
     */
    public static StatusRuntimeException toStatus(Throwable failure) {
        if (failure instanceof StatusRuntimeException status) {
            return status;
        }
        if (isConnectionFailure(failure)) {
            LOG.warnf("article store unreachable: %s", failure.getMessage());
            return Status.UNAVAILABLE.withDescription(STORE_UNAVAILABLE).asRuntimeException();
        }
        if (isStatementTimeout(failure)) {
            LOG.warnf("statement timed out: %s", failure.getMessage());
            return Status.DEADLINE_EXCEEDED.withDescription(
                    "the request ran past the store's time limit for it; narrow it and try again").asRuntimeException();
        }
        if (isUniqueViolation(failure)) {
            return Status.ALREADY_EXISTS.withDescription("the store already holds a record with the same key"
                    + incident(failure)).asRuntimeException();
        }
        if (isIntegrityViolation(failure)) {
            return Status.INVALID_ARGUMENT.withDescription("the request holds a value the store does not accept"
                    + " (a required value missing or a reference to nothing)" + incident(failure)).asRuntimeException();
        }
        if (isTransactionConflict(failure)) {
            return Status.ABORTED.withDescription("the request conflicted with a concurrent change; retry it"
                    + incident(failure)).asRuntimeException();
        }
        return Status.INTERNAL.withDescription("the request failed unexpectedly" + incident(failure))
                .asRuntimeException();
    }

    /**
     * As {@link #toStatus(Throwable)}, but a statement cancelled by {@code statement_timeout}
     * is answered with {@code timedOut}: the call's own limit and what to narrow.
     */
    public static StatusRuntimeException toStatus(Throwable failure, String timedOut) {
        StatusRuntimeException status = toStatus(failure);
        if (status.getStatus().getCode() == Status.Code.DEADLINE_EXCEEDED && isStatementTimeout(failure)) {
            return Status.DEADLINE_EXCEEDED.withDescription(timedOut).asRuntimeException();
        }
        return status;
    }

    /**
     * A failure as a client or {@code last_error} may read it: a database failure by its
     * class and incident id (the SQL and its cause go to the log only), a gRPC status by its
     * code and description, anything else by its message.
     */
    public static String describe(Throwable failure) {
        if (failure instanceof StatusRuntimeException status) {
            String description = status.getStatus().getDescription();
            return status.getStatus().getCode() + (description == null ? "" : ": " + description);
        }
        if (isDatabaseFailure(failure)) {
            return describe(toStatus(failure));
        }
        return failure.getMessage() == null ? failure.getClass().getName() : failure.getMessage();
    }

    /** True when the database, its driver or the pool raised {@code failure} or one of its causes. */
    public static boolean isDatabaseFailure(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof SQLException || cause instanceof org.hibernate.JDBCException) {
                return true;
            }
        }
        return false;
    }

    // Logs the failure with its SQL and stack under a fresh id, and returns the words naming it.
    private static String incident(Throwable failure) {
        String id = UUID.randomUUID().toString().substring(0, 8);
        LOG.errorf(failure, "incident %s: store failure", id);
        return "; the server log has the details under incident " + id;
    }

    private static boolean hasState(Throwable failure, String state, boolean prefix) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && (prefix ? sql.getSQLState().startsWith(state) : sql.getSQLState().equals(state))) {
                return true;
            }
        }
        return false;
    }

    private static Throwable next(Throwable cause) {
        Throwable next = cause.getCause();
        return next == cause ? null : next;
    }
}
