package newsroom.ingest.database;

import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLTransientConnectionException;
import org.hibernate.exception.JDBCConnectionException;

/**
 * Tells database failures apart by what a caller should do about them: a lost
 * or refused connection is worth retrying later; a unique-key violation means
 * someone else stored the same row first.
 */
public final class DatabaseFailures {

    /** SQLSTATE class 08: connection exception. */
    private static final String CONNECTION_EXCEPTION_CLASS = "08";
    /** SQLSTATE 57P01..57P03: the server is shutting down, crashed or not yet accepting connections. */
    private static final String OPERATOR_INTERVENTION_PREFIX = "57P";
    private static final String UNIQUE_VIOLATION = "23505";
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
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null
                    && sql.getSQLState().startsWith(TRANSACTION_ROLLBACK_CLASS)) {
                return true;
            }
        }
        return false;
    }

    /** True when {@code failure} comes from a unique index refusing a duplicate row. */
    public static boolean isUniqueViolation(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = next(cause)) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())) {
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
