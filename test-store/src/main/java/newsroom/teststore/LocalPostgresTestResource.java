package newsroom.teststore;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import newsroom.localpostgres.DatabaseLogin;
import newsroom.localpostgres.DatabaseRole;
import newsroom.localpostgres.LocalPostgres;

/**
 * Gives a {@code @QuarkusTest} a real, throw-away PostgreSQL server. Each service declares it
 * once for all its tests, {@code @QuarkusTestResource(value = LocalPostgresTestResource.class,
 * restrictToAnnotatedClass = false)} on one class of its test tree, and not through
 * {@code META-INF/services}: a resource found that way runs even for a test profile that
 * disables the global test resources. The service's Flyway migrates the schema at start as
 * {@link DatabaseRole#OWNER}, as ingest-service does in a suite; its datasource logs in as
 * {@link DatabaseRole#WRITER} unless the argument {@value #ROLE} names another role
 * ({@code initArgs = @ResourceArg(name = "role", value = "reader")}).
 */
public class LocalPostgresTestResource implements QuarkusTestResourceLifecycleManager {

    /** The init argument naming the role the datasource logs in as: owner, writer or reader. */
    public static final String ROLE = "role";

    private DatabaseRole role = DatabaseRole.WRITER;
    private LocalPostgres postgres;

    @Override
    public void init(Map<String, String> initArgs) {
        String name = initArgs.get(ROLE);
        if (name != null) {
            role = DatabaseRole.valueOf(name.strip().toUpperCase(Locale.ROOT));
            if (role == DatabaseRole.SUPERUSER) {
                throw new IllegalArgumentException("services never log in as the superuser; choose owner, writer or reader");
            }
        }
    }

    @Override
    public Map<String, String> start() {
        try {
            postgres = LocalPostgres.startThrowAway();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return datasourceSettings(postgres, role);
    }

    /**
     * The settings that make {@code postgres} the service's default datasource, logged in as
     * {@code role}, with Flyway migrating the schema at start as {@link DatabaseRole#OWNER}.
     */
    public static Map<String, String> datasourceSettings(LocalPostgres postgres, DatabaseRole role) {
        DatabaseLogin service = postgres.login(role);
        DatabaseLogin owner = postgres.login(DatabaseRole.OWNER);
        return Map.of(
                "quarkus.datasource.jdbc.url", postgres.jdbcUrl(),
                "quarkus.datasource.username", service.user(),
                "quarkus.datasource.password", service.password(),
                "quarkus.flyway.migrate-at-start", "true",
                "quarkus.flyway.username", owner.user(),
                "quarkus.flyway.password", owner.password());
    }

    @Override
    public void stop() {
        if (postgres != null) {
            try {
                postgres.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }
}
