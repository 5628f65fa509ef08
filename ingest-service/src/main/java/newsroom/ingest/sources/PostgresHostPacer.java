package newsroom.ingest.sources;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import javax.sql.DataSource;
import newsroom.fetching.HostPacer;

/**
 * Host slots kept in PostgreSQL ({@code fetch_host}), so that requests to one host are at least
 * its delay apart whichever replica sends them. A slot is reserved by one statement, which
 * PostgreSQL runs atomically per host row (the row lock of the upsert orders concurrent callers),
 * so no two callers ever get slots closer than the delay; the caller then sleeps until its slot.
 * The store's clock is the only clock compared, so replicas' clocks may differ.
 */
@ApplicationScoped
public class PostgresHostPacer implements HostPacer {

    /**
     * Reserves the earliest slot that is now or later and a delay after the previous one, and
     * returns it with the store's now. On a new host the slot is now; the next caller's is a
     * delay later. The clock read is clock_timestamp(), not now(): now() is when the statement
     * began, before it waited for the host's row lock behind other replicas' reservations, and a
     * wait reckoned from it would overshoot the slot and bring the request right before the next
     * slot's.
     */
    static final String RESERVE = """
            INSERT INTO fetch_host AS h (host, next_slot) VALUES (?, clock_timestamp() + make_interval(secs => ?))
            ON CONFLICT (host) DO UPDATE
                SET next_slot = greatest(h.next_slot, clock_timestamp()) + make_interval(secs => ?)
            RETURNING h.next_slot - make_interval(secs => ?), clock_timestamp()""";

    private final DataSource dataSource;

    public PostgresHostPacer(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** A reserved slot: when it starts and how long from the reservation that is, both by the store's clock. */
    record Slot(Instant start, Duration untilStart) {
    }

    @Override
    public void awaitTurn(String host, Duration delay) throws InterruptedException {
        Duration wait = reserve(host, delay).untilStart();
        if (!wait.isNegative() && !wait.isZero()) {
            Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);
        }
    }

    /** Reserves the host's next slot. */
    Slot reserve(String host, Duration delay) {
        double seconds = delay.toNanos() / 1e9;
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            try (PreparedStatement statement = connection.prepareStatement(RESERVE)) {
                statement.setString(1, host);
                statement.setDouble(2, seconds);
                statement.setDouble(3, seconds);
                statement.setDouble(4, seconds);
                try (ResultSet rows = statement.executeQuery()) {
                    rows.next();
                    Instant slot = rows.getObject(1, OffsetDateTime.class).toInstant();
                    Instant now = rows.getObject(2, OffsetDateTime.class).toInstant();
                    return new Slot(slot, Duration.between(now, slot));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not reserve a request slot for " + host + ": " + e.getMessage(), e);
        }
    }
}
