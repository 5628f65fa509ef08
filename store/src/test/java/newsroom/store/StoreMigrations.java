package newsroom.store;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import newsroom.localpostgres.DatabaseLogin;
import newsroom.localpostgres.DatabaseRole;
import newsroom.localpostgres.LocalPostgres;
import org.flywaydb.core.Flyway;

/** Migrates a test's throw-away store as the owner, as ingest-service does at start. */
final class StoreMigrations {

    private StoreMigrations() {
    }

    /**
     * A throw-away store migrated to {@code version} (the latest when null), then given the
     * statements, run as the owner in auto-commit mode: the rows a test starts from.
     */
    static LocalPostgres startMigrated(String version, String... ownerStatements)
            throws IOException, SQLException {
        LocalPostgres postgres = LocalPostgres.startThrowAway();
        try {
            migrate(postgres, version);
            try (Connection owner = postgres.connect(DatabaseRole.OWNER); Statement sql = owner.createStatement()) {
                for (String statement : ownerStatements) {
                    sql.execute(statement);
                }
            }
            return postgres;
        } catch (RuntimeException | SQLException e) {
            try {
                postgres.close();
            } catch (IOException closing) {
                e.addSuppressed(closing);
            }
            throw e;
        }
    }

    /** Migrates to {@code version}, or to the latest migration when it is null. */
    static void migrate(LocalPostgres postgres, String version) {
        DatabaseLogin owner = postgres.login(DatabaseRole.OWNER);
        var configuration = Flyway.configure()
                .dataSource(postgres.jdbcUrl(), owner.user(), owner.password())
                .locations("classpath:db/migration");
        if (version != null) {
            configuration.target(version);
        }
        configuration.load().migrate();
    }
}
