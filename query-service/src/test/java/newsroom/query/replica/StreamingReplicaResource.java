package newsroom.query.replica;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import newsroom.localpostgres.DatabaseLogin;
import newsroom.localpostgres.DatabaseRole;
import newsroom.localpostgres.LocalPostgres;
import newsroom.localpostgres.LocalReplica;
import newsroom.teststore.LocalPostgresTestResource;

/**
 * A throw-away primary and its streaming replica: the service's default datasource is the
 * primary (as the writer, so the test can add rows through it; Flyway migrates as the owner)
 * and its read datasource the replica, as the reader. The test gets the replica in a field of
 * type {@link LocalReplica}, to stop, start and pause it.
 */
public class StreamingReplicaResource implements QuarkusTestResourceLifecycleManager {

    private LocalPostgres primary;
    private LocalReplica replica;

    @Override
    public Map<String, String> start() {
        try {
            primary = LocalPostgres.startThrowAway();
            replica = LocalReplica.startThrowAway(primary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> settings = new HashMap<>(
                LocalPostgresTestResource.datasourceSettings(primary, DatabaseRole.WRITER));
        DatabaseLogin reader = replica.login(DatabaseRole.READER);
        settings.put("quarkus.datasource.replica.jdbc.url", replica.jdbcUrl());
        settings.put("quarkus.datasource.replica.username", reader.user());
        settings.put("quarkus.datasource.replica.password", reader.password());
        return settings;
    }

    @Override
    public void inject(TestInjector testInjector) {
        testInjector.injectIntoFields(replica, new TestInjector.MatchesType(LocalReplica.class));
    }

    @Override
    public void stop() {
        try {
            if (replica != null) {
                replica.close();
            }
            if (primary != null) {
                primary.close();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
