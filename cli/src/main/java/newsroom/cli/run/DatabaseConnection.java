package newsroom.cli.run;

import java.util.LinkedHashMap;
import java.util.Map;
import newsroom.localpostgres.DatabaseLogin;
import newsroom.localpostgres.DatabaseRole;
import newsroom.localpostgres.LocalPostgres;

/**
 * Where the services find PostgreSQL and how each logs in: ingest-service writes rows
 * as {@code writer} and migrates the schema as {@code owner}; query-service reads as
 * {@code reader}, from the streaming replica at {@code readJdbcUrl} when there is one
 * (null: from the primary); nlp-service has no database.
 */
public record DatabaseConnection(String jdbcUrl, DatabaseLogin owner, DatabaseLogin writer, DatabaseLogin reader,
                                 String readJdbcUrl) {

    public DatabaseConnection(String jdbcUrl, DatabaseLogin owner, DatabaseLogin writer, DatabaseLogin reader) {
        this(jdbcUrl, owner, writer, reader, null);
    }

    /** The same, with query-service reading from the replica at {@code url} (same roles as the primary). */
    public DatabaseConnection withReadReplica(String url) {
        return new DatabaseConnection(jdbcUrl, owner, writer, reader, url);
    }

    /** A server where one login does everything: an external PostgreSQL named by NEWSROOM_DB_URL and NEWSROOM_DB_USER. */
    public static DatabaseConnection oneLogin(String jdbcUrl, String user, String password) {
        DatabaseLogin login = new DatabaseLogin(user, password);
        return new DatabaseConnection(jdbcUrl, login, login, login);
    }

    /** The embedded server, each service with its own role. */
    public static DatabaseConnection of(LocalPostgres postgres) {
        return new DatabaseConnection(postgres.jdbcUrl(), postgres.login(DatabaseRole.OWNER),
                postgres.login(DatabaseRole.WRITER), postgres.login(DatabaseRole.READER));
    }

    /** What {@code service}'s process gets to reach the store (nothing for nlp-service). */
    public Map<String, String> environmentOf(Service service) {
        Map<String, String> environment = new LinkedHashMap<>();
        switch (service) {
            case INGEST -> {
                put(environment, "NEWSROOM_DB", writer);
                put(environment, "NEWSROOM_DB_MIGRATION", owner);
            }
            case QUERY -> {
                put(environment, "NEWSROOM_DB", reader);
                if (readJdbcUrl != null) {
                    environment.put("NEWSROOM_DB_READ_URL", readJdbcUrl);
                    put(environment, "NEWSROOM_DB_READ", reader);
                }
            }
            case NLP -> {
                return environment;
            }
        }
        environment.put("NEWSROOM_DB_URL", jdbcUrl);
        return environment;
    }

    private static void put(Map<String, String> environment, String prefix, DatabaseLogin login) {
        environment.put(prefix + "_USER", login.user());
        environment.put(prefix + "_PASSWORD", login.password());
    }
}
