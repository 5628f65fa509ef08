package newsroom.query.replica;

import io.agroal.api.AgroalDataSource;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.agroal.DataSource;
import io.quarkus.arc.InjectableInstance;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.jboss.logging.Logger;

/**
 * The streaming replica reads may go to (NEWSROOM_DB_READ_URL), and whether they should now: it
 * is usable while it answers, its schema is this build's, and its replay lags the primary by at
 * most {@code newsroom.query.replica.max-lag}. A check on the replica, every
 * {@code newsroom.query.replica.check-interval}, measures the lag; a read that could not reach it
 * makes it unusable at once, until a check finds it back.
 *
 * <p>Metrics: {@code newsroom_query_replica_lag_seconds}, the lag at the last check (NaN while
 * the replica cannot be reached or its lag is unknown), and {@code newsroom_query_replica_in_use},
 * 1 while reads go to the replica, 0 while they go to the primary (always 0 without a replica).
 */
@ApplicationScoped
public class ReadReplica {

    /** The name of the replica's datasource, inactive unless NEWSROOM_DB_READ_URL is set. */
    public static final String DATASOURCE = "replica";

    /**
     * Seconds the replica's replay is behind the primary: 0 when it has replayed all it received
     * (an idle primary sends nothing, and the last replayed commit's age says nothing then), else
     * the age of the last commit it replayed; 0 on a server not in recovery. NULL while unknown
     * (received WAL waits for replay and no commit was replayed since the replica started).
     */
    static final String LAG = """
            SELECT CASE
                     WHEN NOT pg_is_in_recovery() THEN 0
                     WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0
                     ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp())
                   END""";

    private static final Logger LOG = Logger.getLogger(ReadReplica.class);

    private final Optional<AgroalDataSource> dataSource;
    private final Duration maxLag;
    private final Duration checkInterval;
    private final Flyway primarySchema;
    private final MeterRegistry registry;
    private ScheduledExecutorService checks;
    /** Once the replica's schema is this build's, it stays so: migrations and replay only go forward. */
    private volatile boolean schemaCurrent;
    private volatile double lagSeconds = Double.NaN;
    private volatile boolean usable;
    private volatile String whyNot = "not checked yet";

    ReadReplica(@DataSource(DATASOURCE) InjectableInstance<AgroalDataSource> replica,
                @ConfigProperty(name = "newsroom.query.replica.max-lag") Duration maxLag,
                @ConfigProperty(name = "newsroom.query.replica.check-interval") Duration checkInterval,
                Flyway primarySchema, MeterRegistry registry) {
        this.dataSource = replica.getHandle().getBean().isActive() ? Optional.of(replica.get()) : Optional.empty();
        this.maxLag = maxLag;
        this.checkInterval = checkInterval;
        this.primarySchema = primarySchema;
        this.registry = registry;
        if (maxLag.isNegative() || checkInterval.toMillis() < 1) {
            throw new IllegalArgumentException("newsroom.query.replica.max-lag must not be negative (was " + maxLag
                    + ") and newsroom.query.replica.check-interval must be at least 1 ms (was " + checkInterval + ")");
        }
    }

    void onStart(@Observes StartupEvent event) {
        Gauge.builder("newsroom.query.replica.in.use", this, replica -> replica.inUse() ? 1 : 0)
                .description("1 while reads go to the streaming replica, 0 while they go to the primary")
                .register(registry);
        if (dataSource.isEmpty()) {
            return;
        }
        Gauge.builder("newsroom.query.replica.lag", this, replica -> replica.lagSeconds)
                .baseUnit("seconds")
                .description("how far the replica's replay is behind the primary, at the last check")
                .register(registry);
        checks = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "newsroom-replica-check");
            thread.setDaemon(true);
            return thread;
        });
        checks.scheduleWithFixedDelay(this::check, 0, checkInterval.toMillis(), TimeUnit.MILLISECONDS);
    }

    void onStop(@Observes ShutdownEvent event) {
        if (checks != null) {
            checks.shutdownNow();
        }
    }

    /** The replica's datasource, when one is configured. */
    Optional<AgroalDataSource> dataSource() {
        return dataSource;
    }

    /** Whether a replica is configured at all. */
    public boolean configured() {
        return dataSource.isPresent();
    }

    /** Whether reads go to the replica now. */
    public boolean inUse() {
        return usable;
    }

    /** A read could not reach the replica: reads go to the primary until a check finds it back. */
    void unreachable(Throwable failure) {
        if (usable) {
            LOG.warnf("reads go to the primary: a read could not reach the replica (%s)", failure.getMessage());
        }
        usable = false;
        whyNot = "a read could not reach it";
    }

    void check() {
        boolean wasUsable = usable;
        try (Connection connection = dataSource.orElseThrow().getConnection();
             Statement sql = connection.createStatement();
             ResultSet rows = sql.executeQuery(LAG)) {
            rows.next();
            double lag = rows.getDouble(1);
            lagSeconds = rows.wasNull() ? Double.NaN : lag;
            if (!schemaCurrent) {
                schemaCurrent = schemaCurrentOnReplica();
            }
            if (!schemaCurrent) {
                usable = false;
                whyNot = "its schema is not yet this build's";
            } else if (Double.isNaN(lagSeconds) || lagSeconds > maxLag.toMillis() / 1000.0) {
                usable = false;
                whyNot = "its replay lags " + (Double.isNaN(lagSeconds) ? "an unknown time" : lagSeconds + " s")
                        + ", more than newsroom.query.replica.max-lag (" + maxLag.toMillis() / 1000.0 + " s)";
            } else {
                usable = true;
            }
        } catch (SQLException | RuntimeException e) {
            lagSeconds = Double.NaN;
            usable = false;
            whyNot = "it cannot be reached (" + e.getMessage() + ")";
        }
        if (wasUsable != usable) {
            if (usable) {
                LOG.infof("reads go to the replica again (lag %.3f s)", lagSeconds);
            } else {
                LOG.warnf("reads go to the primary: %s", whyNot);
            }
        }
    }

    private boolean schemaCurrentOnReplica() {
        try {
            return Flyway.configure()
                    .configuration(primarySchema.getConfiguration())
                    .dataSource(dataSource.orElseThrow())
                    .load()
                    .info().pending().length == 0;
        } catch (FlywayException e) {
            return false;
        }
    }
}
