package newsroom.ingest.sources;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import javax.sql.DataSource;
import newsroom.fetching.HostPacer;
import newsroom.ingest.AutoCommitConnections;
import org.jboss.logging.Logger;

/**
 * Host turns kept in PostgreSQL ({@code fetch_host.next_slot}), so that requests to one host are at
 * least its delay apart whichever replica sends them. {@code next_slot} is when the host is next
 * free: while a turn is held, the end of its hold; once the turn is closed, the close plus the
 * delay. Taking a turn is one conditional UPDATE, which PostgreSQL runs atomically per row (a
 * second replica's UPDATE waits for the first's row lock and then finds the host taken). The
 * store's clock is the only clock compared, so replicas' clocks may differ.
 */
@ApplicationScoped
public class PostgresHostPacer implements HostPacer {

    private static final Logger LOG = Logger.getLogger(PostgresHostPacer.class);

    /**
     * Takes the host when it is free, and reads when it is next free either way (the SELECT sees
     * the row as it was before the UPDATE, which is what a caller that did not get the turn needs).
     * clock_timestamp(), not now(): now() is when the statement began, before it waited for the
     * row lock behind another replica's statement.
     */
    static final String TAKE = """
            WITH taken AS (
                UPDATE fetch_host SET next_slot = clock_timestamp() + make_interval(secs => ?)
                WHERE host = ? AND next_slot <= clock_timestamp()
                RETURNING next_slot)
            SELECT (SELECT next_slot FROM taken), h.next_slot, clock_timestamp()
            FROM fetch_host h WHERE h.host = ?""";
    /** A host seen for the first time is free at once. */
    static final String ADD_HOST = "INSERT INTO fetch_host (host, next_slot) VALUES (?, '-infinity') ON CONFLICT (host) DO NOTHING";
    /** Ends a turn, unless its hold ran out and another caller took the host meanwhile. */
    static final String CLOSE = """
            UPDATE fetch_host SET next_slot = clock_timestamp() + make_interval(secs => ?)
            WHERE host = ? AND next_slot = ?""";
    /** The least and most a caller waiting for a held host sleeps before asking again. */
    private static final Duration LEAST_POLL = Duration.ofMillis(5);
    private static final Duration MOST_POLL = Duration.ofMillis(250);

    private final DataSource dataSource;

    public PostgresHostPacer(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** What one attempt to take a host found: the turn's hold end when taken, else when to ask again. */
    record Attempt(OffsetDateTime heldUntil, Duration untilFree) {
    }

    @Override
    public Turn take(String host, Duration delay, Duration hold) throws InterruptedException {
        // A closed turn says exactly when the host is free; a held one only when its hold ends, so
        // waiters also ask again every quarter delay: a close is then seen before the delay it starts.
        Duration poll = clamp(delay.dividedBy(4));
        while (true) {
            Attempt attempt = attempt(host, hold);
            if (attempt.heldUntil() != null) {
                OffsetDateTime heldUntil = attempt.heldUntil();
                return () -> close(host, heldUntil, delay);
            }
            Duration wait = attempt.untilFree().compareTo(poll) < 0 ? attempt.untilFree() : poll;
            if (!wait.isNegative() && !wait.isZero()) {
                Thread.sleep(wait.toMillis(), wait.toNanosPart() % 1_000_000);
            }
        }
    }

    /** Tries once to take the host's turn for {@code hold}. */
    Attempt attempt(String host, Duration hold) {
        try (Connection connection = AutoCommitConnections.open(dataSource)) {
            try (PreparedStatement take = connection.prepareStatement(TAKE)) {
                take.setDouble(1, seconds(hold));
                take.setString(2, host);
                take.setString(3, host);
                try (ResultSet rows = take.executeQuery()) {
                    if (rows.next()) {
                        OffsetDateTime heldUntil = rows.getObject(1, OffsetDateTime.class);
                        OffsetDateTime free = rows.getObject(2, OffsetDateTime.class);
                        OffsetDateTime now = rows.getObject(3, OffsetDateTime.class);
                        // '-infinity' comes back as OffsetDateTime.MIN: free now.
                        Duration untilFree = free.isBefore(now) ? Duration.ZERO : Duration.between(now, free);
                        return new Attempt(heldUntil, untilFree);
                    }
                }
            }
            try (PreparedStatement add = connection.prepareStatement(ADD_HOST)) {
                add.setString(1, host);
                add.executeUpdate();
            }
            return new Attempt(null, Duration.ZERO);
        } catch (SQLException e) {
            throw new IllegalStateException("could not take a request turn for " + host + ": " + e.getMessage(), e);
        }
    }

    private void close(String host, OffsetDateTime heldUntil, Duration delay) {
        try (Connection connection = AutoCommitConnections.open(dataSource);
             PreparedStatement close = connection.prepareStatement(CLOSE)) {
            close.setDouble(1, seconds(delay));
            close.setString(2, host);
            close.setObject(3, heldUntil);
            close.executeUpdate();
        } catch (SQLException e) {
            // The response is in hand; the host merely stays held until the hold ends: slower, never less polite.
            LOG.warnf("could not end the request turn for %s (held until %s): %s", host, heldUntil, e.getMessage());
        }
    }

    private static double seconds(Duration duration) {
        return duration.toNanos() / 1e9;
    }

    private static Duration clamp(Duration poll) {
        return poll.compareTo(LEAST_POLL) < 0 ? LEAST_POLL : poll.compareTo(MOST_POLL) > 0 ? MOST_POLL : poll;
    }
}
