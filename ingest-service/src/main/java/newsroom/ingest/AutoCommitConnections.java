package newsroom.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;

/** Connections on which each statement commits by itself, for work that runs outside a transaction. */
public final class AutoCommitConnections {

    private AutoCommitConnections() {
    }

    /** A connection from the pool in auto-commit mode: a pooled one may come back from a transaction. */
    public static Connection open(DataSource dataSource) throws SQLException {
        Connection connection = dataSource.getConnection();
        if (!connection.getAutoCommit()) {
            connection.setAutoCommit(true);
        }
        return connection;
    }
}
