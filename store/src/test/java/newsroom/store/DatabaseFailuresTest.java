package newsroom.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.io.IOException;
import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import newsroom.localpostgres.DatabaseRole;
import newsroom.localpostgres.LocalPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Each class of database failure, raised by a real PostgreSQL, gets its one status, and no
 * status message or stored description carries the SQL that failed.
 */
class DatabaseFailuresTest {

    /** Appears in every failing statement below, so a message that leaks SQL is caught. */
    private static final String SQL_MARKER = "secret_marker_table";

    private static LocalPostgres postgres;

    @BeforeAll
    static void start() throws IOException {
        postgres = LocalPostgres.startThrowAway();
    }

    @AfterAll
    static void stop() throws IOException {
        postgres.close();
    }

    @Test
    void anUnreachableDatabaseIsUnavailable() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        SQLException refused = assertThrows(SQLException.class, () -> DriverManager.getConnection(
                "jdbc:postgresql://localhost:" + closedPort + "/newsroom", "newsroom_writer", "any"));

        assertTrue(DatabaseFailures.isConnectionFailure(refused));
        StatusRuntimeException status = DatabaseFailures.toStatus(new RuntimeException("wrapped", refused));
        assertEquals(Status.Code.UNAVAILABLE, status.getStatus().getCode());
        assertEquals(DatabaseFailures.STORE_UNAVAILABLE, status.getStatus().getDescription());
    }

    @Test
    void aServerShuttingDownIsUnavailable() throws SQLException {
        try (Connection victim = connect(); Connection admin = connect(); Statement statement = admin.createStatement()) {
            int pid;
            try (var rows = victim.createStatement().executeQuery("SELECT pg_backend_pid()")) {
                rows.next();
                pid = rows.getInt(1);
            }
            // The server ends the session as it would when shutting down (SQLSTATE 57P01).
            statement.execute("SELECT pg_terminate_backend(" + pid + ")");
            SQLException terminated = assertThrows(SQLException.class,
                    () -> victim.createStatement().execute("SELECT 1 FROM pg_class /* " + SQL_MARKER + " */"));

            assertStatus(Status.Code.UNAVAILABLE, terminated);
        }
    }

    @Test
    void aStatementTimeoutIsDeadlineExceeded() throws SQLException {
        SQLException timedOut = failure("SET statement_timeout = 50",
                "SELECT pg_sleep(5) FROM (SELECT 1 AS " + SQL_MARKER + ") t");

        assertTrue(DatabaseFailures.isStatementTimeout(timedOut));
        assertStatus(Status.Code.DEADLINE_EXCEEDED, timedOut);
    }

    /** A duplicate key is ALREADY_EXISTS; a violation of another constraint is INVALID_ARGUMENT. */
    @ParameterizedTest(name = "{0} violated by {1}: {2}")
    @CsvSource(delimiter = '|', value = {
            "PRIMARY KEY             | (1), (1) | ALREADY_EXISTS",
            "NOT NULL CHECK (id > 0) | (-1)     | INVALID_ARGUMENT"})
    void aViolatedConstraintIsAlreadyExistsOnlyForAUniqueKey(String constraint, String values, Status.Code code)
            throws SQLException {
        SQLException violation = failure("CREATE TEMP TABLE " + SQL_MARKER + " (id int " + constraint + ")",
                "INSERT INTO " + SQL_MARKER + " VALUES " + values);

        assertEquals(code == Status.Code.ALREADY_EXISTS, DatabaseFailures.isUniqueViolation(violation));
        assertStatus(code, violation);
    }

    @Test
    void aDeadlockIsAbortedAndCountsAsAConflict() throws Exception {
        try (Connection first = connect(); Connection second = connect()) {
            try (Statement setup = first.createStatement()) {
                setup.execute("CREATE TABLE " + SQL_MARKER + " (id int PRIMARY KEY)");
                setup.execute("INSERT INTO " + SQL_MARKER + " VALUES (1), (2)");
            }
            first.setAutoCommit(false);
            second.setAutoCommit(false);
            first.createStatement().execute("UPDATE " + SQL_MARKER + " SET id = id WHERE id = 1");
            second.createStatement().execute("UPDATE " + SQL_MARKER + " SET id = id WHERE id = 2");
            // Each now waits for the row the other holds; PostgreSQL breaks the cycle (40P01).
            SQLException[] firstFailure = new SQLException[1];
            Thread crossing = new Thread(() -> {
                try {
                    first.createStatement().execute("UPDATE " + SQL_MARKER + " SET id = id WHERE id = 2");
                } catch (SQLException e) {
                    firstFailure[0] = e;
                }
            });
            crossing.start();
            SQLException secondFailure = null;
            try {
                second.createStatement().execute("UPDATE " + SQL_MARKER + " SET id = id WHERE id = 1");
            } catch (SQLException e) {
                secondFailure = e;
            }
            second.rollback();
            crossing.join(10_000);
            first.rollback();
            SQLException deadlock = secondFailure != null ? secondFailure : firstFailure[0];
            assertTrue(deadlock != null, "one of the two transactions is the deadlock's victim");
            assertTrue(DatabaseFailures.isTransactionConflict(deadlock));
            assertStatus(Status.Code.ABORTED, deadlock);
        } finally {
            try (Connection cleanup = connect()) {
                cleanup.createStatement().execute("DROP TABLE IF EXISTS " + SQL_MARKER);
            }
        }
    }

    @Test
    void anyOtherFailureIsInternalWithoutItsSql() throws SQLException {
        SQLException broken = failure("SELECT 1", "SELECT * FROM " + SQL_MARKER + "_missing");

        assertFalse(DatabaseFailures.isConnectionFailure(broken));
        assertStatus(Status.Code.INTERNAL, broken);
    }

    @Test
    void aFailureOutsideTheDatabaseIsDescribedByItsMessage() {
        assertEquals("nlp-service closed the stream", DatabaseFailures.describe(
                new IllegalStateException("nlp-service closed the stream")));
        assertEquals("UNAVAILABLE: nlp-service is down", DatabaseFailures.describe(
                Status.UNAVAILABLE.withDescription("nlp-service is down").asRuntimeException()));
    }

    private static void assertStatus(Status.Code expected, SQLException failure) {
        // Wrapped as Hibernate wraps it, with the statement's SQL in the message.
        RuntimeException wrapped = new RuntimeException("could not execute statement [" + failure.getMessage()
                + "] [SELECT * FROM " + SQL_MARKER + "]", failure);
        StatusRuntimeException status = DatabaseFailures.toStatus(wrapped);
        assertEquals(expected, status.getStatus().getCode(), status.getStatus().toString());
        assertFalse(status.getStatus().getDescription().contains(SQL_MARKER), status.getStatus().getDescription());
        assertEquals(null, status.getCause(), "a status sent to a client carries no cause");
        String stored = DatabaseFailures.describe(wrapped);
        assertTrue(stored.startsWith(expected.name()), stored);
        assertFalse(stored.contains(SQL_MARKER), stored);
    }

    private static SQLException failure(String setup, String failing) throws SQLException {
        try (Connection connection = connect(); Statement statement = connection.createStatement()) {
            statement.execute(setup);
            return assertThrows(SQLException.class, () -> statement.execute(failing));
        }
    }

    private static Connection connect() throws SQLException {
        // The superuser: the test ends other sessions (pg_terminate_backend) and sets up as it likes.
        return postgres.connect(DatabaseRole.SUPERUSER);
    }
}
