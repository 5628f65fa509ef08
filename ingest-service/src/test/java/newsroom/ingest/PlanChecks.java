package newsroom.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import javax.sql.DataSource;

/**
 * Checks of the plans PostgreSQL picks for intake's statements, run so that nothing of a
 * check stays behind: its rows and statistics are rolled back, and the statement it
 * {@code PREPARE}s (which would outlive the transaction on the pooled connection) is
 * deallocated.
 */
public final class PlanChecks {

    /** A check: rows written, tables analysed, a statement prepared and explained. */
    public interface Check {
        void run(Statement sql) throws Exception;
    }

    private PlanChecks() {
    }

    /** Runs {@code check} in a transaction that is then rolled back; deallocates {@code prepared} if it was prepared. */
    public static void check(DataSource dataSource, String prepared, Check check) throws Exception {
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            try (Statement sql = connection.createStatement()) {
                check.run(sql);
            } finally {
                connection.rollback();
                deallocate(connection, prepared);
            }
        }
    }

    /** The plan {@code explain} (an EXPLAIN statement) prints, a line per row. */
    public static String of(Statement sql, String explain) throws Exception {
        StringBuilder plan = new StringBuilder();
        try (ResultSet rows = sql.executeQuery(explain)) {
            while (rows.next()) {
                plan.append(rows.getString(1)).append('\n');
            }
        }
        return plan.toString();
    }

    /** {@code statement} with its JDBC {@code ?} placeholders numbered {@code $1, $2, ...}, for PREPARE. */
    public static String numbered(String statement) {
        StringBuilder numbered = new StringBuilder();
        int parameter = 0;
        for (char c : statement.toCharArray()) {
            if (c == '?') {
                numbered.append('$').append(++parameter);
            } else {
                numbered.append(c);
            }
        }
        return numbered.toString();
    }

    private static void deallocate(Connection connection, String prepared) throws Exception {
        // Not DEALLOCATE ALL: the JDBC driver's own prepared statements on this connection must stay.
        try (PreparedStatement exists = connection.prepareStatement(
                "SELECT 1 FROM pg_prepared_statements WHERE name = ?")) {
            exists.setString(1, prepared);
            try (ResultSet row = exists.executeQuery()) {
                if (!row.next()) {
                    return;
                }
            }
        }
        try (Statement sql = connection.createStatement()) {
            sql.execute("DEALLOCATE " + prepared);
        }
        connection.commit();
    }
}
