package newsroom.query.replica;

import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.hibernate.orm.runtime.tenant.TenantResolver;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Tells Hibernate ORM which datasource a session reads: the store {@link ReadRouting} chose for
 * the call running on this thread, the primary outside one (Hibernate's own start, for one).
 */
@PersistenceUnitExtension
@ApplicationScoped
public class ReadStoreTenants implements TenantResolver {

    private final ReadRouting routing;

    ReadStoreTenants(ReadRouting routing) {
        this.routing = routing;
    }

    @Override
    public String getDefaultTenantId() {
        return ReadStore.PRIMARY.storeName();
    }

    @Override
    public String resolveTenantId() {
        return routing.currentStore().storeName();
    }
}
