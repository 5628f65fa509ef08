package newsroom.query;

import io.agroal.api.AgroalDataSource;
import io.agroal.api.AgroalPoolInterceptor;
import io.quarkus.agroal.DataSource;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Default;
import jakarta.persistence.EntityManager;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import newsroom.query.replica.ReadReplica;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * PostgreSQL's {@code statement_timeout} per {@link CallClass}, so one expensive statement
 * cannot hold a connection, and the CPU, for as long as it likes.
 *
 * <p>Lookups run without a transaction (a transaction costs GetEntity about a fifth of its
 * CPU; see EntityQueries), so their limit is the session default, set once on each new
 * connection of the pool. Searches and export batches raise it for the rest of their own
 * transaction ({@code SET LOCAL}), with their planner settings where they have some, so it
 * costs them no extra statement there. A statement past its limit fails with SQLSTATE
 * 57014, which the service answers with DEADLINE_EXCEEDED and what to narrow.
 *
 * <p>Flyway migrates at start through the same pool with no limit
 * ({@code quarkus.flyway.init-sql}), which stays on the connections it used; so once the
 * service has started, the pool's idle connections are closed, and every connection a call
 * gets was opened with the lookups' limit.
 *
 * <p>The same limits hold on the read replica's connections: this interceptor is the default
 * datasource's and the replica's ({@link ReadReplica#DATASOURCE}).
 */
@ApplicationScoped
@Default
@DataSource(ReadReplica.DATASOURCE)
public class StatementTimeouts implements AgroalPoolInterceptor {

    private final Duration lookup;
    private final Duration search;
    private final Duration export;

    StatementTimeouts(@ConfigProperty(name = "newsroom.query.statement-timeout.lookup") Duration lookup,
                      @ConfigProperty(name = "newsroom.query.statement-timeout.search") Duration search,
                      @ConfigProperty(name = "newsroom.query.statement-timeout.export") Duration export) {
        this.lookup = lookup;
        this.search = search;
        this.export = export;
        for (CallClass callClass : CallClass.values()) {
            if (limit(callClass).toMillis() < 1) {
                throw new IllegalArgumentException(callClass.setting() + " must be at least 1 ms, not "
                        + limit(callClass));
            }
        }
    }

    /** The limit of one statement of {@code callClass}. */
    public Duration limit(CallClass callClass) {
        return switch (callClass) {
            case LOOKUP -> lookup;
            case SEARCH -> search;
            case EXPORT -> export;
        };
    }

    /** The setting that gives statements {@code callClass}'s limit, for {@link PlannerSettings#setLocal}. */
    public Map<String, String> setting(CallClass callClass) {
        return Map.of("statement_timeout", Long.toString(limit(callClass).toMillis()));
    }

    /** {@code settings} and {@code callClass}'s limit, to set in one statement. */
    public Map<String, String> settingWith(CallClass callClass, Map<String, String> settings) {
        Map<String, String> all = new HashMap<>(settings);
        all.putAll(setting(callClass));
        return all;
    }

    /** Gives the rest of the current transaction {@code callClass}'s limit. */
    public void setLocal(EntityManager entityManager, CallClass callClass) {
        PlannerSettings.setLocal(entityManager, setting(callClass));
    }

    /** Closes the connections Flyway left without a limit; new ones get it as they open. */
    void onStart(@Observes StartupEvent event, AgroalDataSource dataSource) {
        dataSource.flush(AgroalDataSource.FlushMode.IDLE);
    }

    /** Every connection starts with the lookups' limit. */
    @Override
    public void onConnectionCreate(Connection connection) {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SET statement_timeout = " + lookup.toMillis());
        } catch (SQLException e) {
            throw new IllegalStateException("could not set statement_timeout on a new connection", e);
        }
    }
}
