package newsroom.localpostgres;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * The {@value LocalPostgres#DATABASE} database on a local server, the primary or a replica:
 * where it is and how each role logs in to it.
 */
public interface LocalDatabase {

    /** JDBC URL of the database, without credentials. */
    String jdbcUrl();

    /** How {@code role} logs in. */
    DatabaseLogin login(DatabaseRole role);

    /** A connection to the database as {@code role}. */
    default Connection connect(DatabaseRole role) throws SQLException {
        DatabaseLogin login = login(role);
        return DriverManager.getConnection(jdbcUrl(), login.user(), login.password());
    }
}
