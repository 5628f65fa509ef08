package newsroom.store;

import newsroom.localpostgres.DatabaseLogin;
import newsroom.localpostgres.DatabaseRole;
import newsroom.localpostgres.LocalPostgres;
import org.flywaydb.core.Flyway;

/** Migrates a test's throw-away store as the owner, as ingest-service does at start. */
final class StoreMigrations {

    private StoreMigrations() {
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
