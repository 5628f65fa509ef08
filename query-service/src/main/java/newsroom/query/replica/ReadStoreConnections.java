package newsroom.query.replica;

import io.agroal.api.AgroalDataSource;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.customized.QuarkusConnectionProvider;
import io.quarkus.hibernate.orm.runtime.tenant.TenantConnectionResolver;
import jakarta.enterprise.context.ApplicationScoped;
import org.hibernate.engine.jdbc.connections.spi.ConnectionProvider;

/**
 * Gives each {@link ReadStore}'s Hibernate tenant its datasource: the default one for the
 * primary, {@value ReadReplica#DATASOURCE} for the replica. Quarkus's own resolver looks a
 * tenant's datasource up by name, and the default datasource has none it could be looked up by.
 */
@PersistenceUnitExtension
@ApplicationScoped
public class ReadStoreConnections implements TenantConnectionResolver {

    private final AgroalDataSource primary;
    private final ReadReplica replica;

    ReadStoreConnections(AgroalDataSource primary, ReadReplica replica) {
        this.primary = primary;
        this.replica = replica;
    }

    @Override
    public ConnectionProvider resolve(String tenant) {
        return switch (ReadStore.named(tenant)) {
            case PRIMARY -> new QuarkusConnectionProvider(primary);
            case REPLICA -> new QuarkusConnectionProvider(replica.dataSource().orElseThrow(() -> new IllegalStateException(
                    "reads were sent to the replica, but none is configured (NEWSROOM_DB_READ_URL)")));
        };
    }
}
