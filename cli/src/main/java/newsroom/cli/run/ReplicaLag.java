package newsroom.cli.run;

import java.io.IOException;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Locale;
import newsroom.localpostgres.DatabaseLogin;
import newsroom.localpostgres.DatabasePasswords;
import newsroom.localpostgres.DatabaseRole;

/** How the embedded server's streaming replica is doing, for {@code newsroom status}. */
final class ReplicaLag {

    /**
     * The replica's replay lag in seconds, measured as query-service's ReadReplica measures it:
     * 0 when it has replayed all it received, else the age of the last commit it replayed.
     */
    private static final String LAG = """
            SELECT pg_is_in_recovery(), CASE
                     WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
                     ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp())
                   END""";

    /**
     * @param health     STREAMING (in recovery, lag known), CATCHING UP (lag not known yet),
     *                   NOT A REPLICA (promoted), or DOWN (cannot be reached)
     * @param lagSeconds the lag, null unless STREAMING
     */
    record Reading(String health, Double lagSeconds) {
    }

    private ReplicaLag() {
    }

    static Reading read(RunState.Replica replica, SuiteSettings settings) {
        if (!DatabasePasswords.existIn(settings.credentialsDirectory())) {
            return new Reading("DOWN", null);
        }
        try {
            DatabaseLogin reader = DatabasePasswords.ensure(settings.credentialsDirectory()).login(DatabaseRole.READER);
            try (Connection connection = DriverManager.getConnection(replica.jdbcUrl(), reader.user(), reader.password());
                 Statement sql = connection.createStatement();
                 ResultSet rows = sql.executeQuery(LAG)) {
                rows.next();
                if (!rows.getBoolean(1)) {
                    return new Reading("NOT A REPLICA", null);
                }
                double lag = rows.getDouble(2);
                return rows.wasNull() ? new Reading("CATCHING UP", null) : new Reading("STREAMING", lag);
            }
        } catch (IOException | SQLException e) {
            return new Reading("DOWN", null);
        }
    }

    /** "STREAMING, lag 0.0 s" */
    static String describe(RunState.Replica replica, SuiteSettings settings) {
        Reading reading = read(replica, settings);
        return reading.lagSeconds() == null ? reading.health()
                : reading.health() + ", lag " + String.format(Locale.ROOT, "%.1f s", reading.lagSeconds());
    }
}
