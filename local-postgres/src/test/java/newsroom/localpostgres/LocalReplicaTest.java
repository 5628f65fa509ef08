package newsroom.localpostgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalReplicaTest {

    /** How long a row may take to reach the replica before a test gives up: a bound, not a measurement. */
    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TempDir
    static Path directory;
    private static LocalPostgres primary;
    private static LocalReplica replica;

    @BeforeAll
    static void start() throws Exception {
        primary = LocalPostgres.startThrowAway();
        try (Connection owner = primary.connect(DatabaseRole.OWNER); Statement sql = owner.createStatement()) {
            sql.execute("CREATE TABLE notes (id bigserial PRIMARY KEY, note text)");
            sql.execute("GRANT SELECT ON notes TO " + DatabaseRole.READER.roleName());
            sql.execute("INSERT INTO notes (note) VALUES ('before the backup')");
        }
        replica = LocalReplica.startThrowAway(primary);
    }

    @AfterAll
    static void stop() throws Exception {
        if (replica != null) {
            replica.close();
        }
        primary.close();
    }

    @Test
    void rowsWrittenOnThePrimaryAppearOnTheReplica() throws Exception {
        assertEquals(1, count("before the backup"));
        try (Connection owner = primary.connect(DatabaseRole.OWNER); Statement sql = owner.createStatement()) {
            sql.execute("INSERT INTO notes (note) VALUES ('after the backup')");
        }
        await(() -> count("after the backup") == 1);
    }

    @Test
    void theReplicaIsInRecoveryAndRefusesWrites() throws Exception {
        try (Connection reader = replica.connect(DatabaseRole.READER); Statement sql = reader.createStatement()) {
            try (ResultSet rows = sql.executeQuery("SELECT pg_is_in_recovery()")) {
                rows.next();
                assertTrue(rows.getBoolean(1));
            }
        }
        try (Connection owner = replica.connect(DatabaseRole.OWNER); Statement sql = owner.createStatement()) {
            SQLException refused = assertThrows(SQLException.class,
                    () -> sql.execute("INSERT INTO notes (note) VALUES ('on the replica')"));
            assertEquals("25006", refused.getSQLState(), refused.getMessage()); // read_only_sql_transaction
        }
    }

    @Test
    void thePrimaryStreamsToTheReplicaThroughItsSlot() throws Exception {
        await(() -> {
            try (Connection connection = primary.connect(DatabaseRole.SUPERUSER);
                 PreparedStatement query = connection.prepareStatement(
                         "SELECT state FROM pg_stat_replication WHERE application_name = ?")) {
                query.setString(1, replica.slot());
                try (ResultSet rows = query.executeQuery()) {
                    return rows.next() && rows.getString(1).equals("streaming");
                }
            }
        });
        try (Connection connection = primary.connect(DatabaseRole.SUPERUSER);
             PreparedStatement query = connection.prepareStatement(
                     "SELECT active FROM pg_replication_slots WHERE slot_name = ?")) {
            query.setString(1, replica.slot());
            try (ResultSet rows = query.executeQuery()) {
                assertTrue(rows.next());
                assertTrue(rows.getBoolean(1));
            }
        }
    }

    /** Stopped, the replica misses nothing written meanwhile: its slot kept the WAL for it. */
    @Test
    void aStoppedReplicaCatchesUpWhenStartedAgain() throws Exception {
        int port = replica.port();
        replica.stop();
        assertFalse(replica.running());
        try (Connection owner = primary.connect(DatabaseRole.OWNER); Statement sql = owner.createStatement()) {
            sql.execute("INSERT INTO notes (note) VALUES ('while the replica was down')");
        }
        replica.start();
        assertEquals(port, replica.port());
        await(() -> count("while the replica was down") == 1);
    }

    /** A kept replica (as {@code newsroom up --replica} keeps one) resumes from its directory. */
    @Test
    void aKeptReplicaResumesAndIsForgotten() throws Exception {
        Path kept = directory.resolve("replica");
        try (LocalReplica first = LocalReplica.start(primary, kept, 0)) {
            assertEquals(LocalReplica.KEPT_SLOT, first.slot());
        }
        Path marker = kept.resolve("resumed-not-copied");
        Files.writeString(marker, "");
        try (LocalReplica again = LocalReplica.start(primary, kept, 0)) {
            assertTrue(Files.exists(marker), "the replica was copied again instead of resumed");
            try (Connection reader = again.connect(DatabaseRole.READER); Statement sql = reader.createStatement();
                 ResultSet rows = sql.executeQuery("SELECT count(*) FROM notes WHERE note = 'before the backup'")) {
                rows.next();
                assertEquals(1, rows.getLong(1));
            }
        }
        LocalReplica.forget(primary, kept);
        assertFalse(Files.exists(kept));
        try (Connection connection = primary.connect(DatabaseRole.SUPERUSER); Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery("SELECT count(*) FROM pg_replication_slots WHERE slot_name = '"
                     + LocalReplica.KEPT_SLOT + "'")) {
            rows.next();
            assertEquals(0, rows.getLong(1));
        }
    }

    private static long count(String note) throws SQLException {
        try (Connection reader = replica.connect(DatabaseRole.READER);
             PreparedStatement query = reader.prepareStatement("SELECT count(*) FROM notes WHERE note = ?")) {
            query.setString(1, note);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private static void await(Callable<Boolean> condition) throws Exception {
        Instant giveUp = Instant.now().plus(PATIENCE);
        while (!condition.call()) {
            if (Instant.now().isAfter(giveUp)) {
                throw new AssertionError("not so within " + PATIENCE);
            }
            Thread.sleep(100);
        }
    }
}
