package newsroom.ingest.sources;

import jakarta.enterprise.context.ApplicationScoped;
import java.lang.management.ManagementFactory;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import newsroom.fetching.SourceKind;
import newsroom.fetching.Validators;

/**
 * The followed sources, their schedules and leases, and the items they have listed, in
 * PostgreSQL ({@code source}, {@code source_item}; V14 migration). Every method is one statement
 * that commits by itself, so no lock outlives a call: a claim is a lease ({@code lease_until}),
 * not a held row lock, and a replica killed mid-fetch leaves its sources to the others once
 * their leases end.
 */
@ApplicationScoped
public class SourceStore {

    private static final String COLUMNS = """
            id, url, name, kind, extract(epoch FROM requested_interval), extract(epoch FROM fetch_interval),
            paused, created_at, last_fetch_at, next_fetch_at, last_outcome, last_error, consecutive_failures,
            items_seen, articles_accepted, last_new_item_at, etag, last_modified, body_sha256""";

    /** Not leased, or its lease has lapsed (its holder died or hangs). */
    private static final String FREE = "(lease_until IS NULL OR lease_until < now())";

    private final DataSource dataSource;
    /** This process, in every lease owner token: which replica holds a source shows in the table. */
    private final String processId = ManagementFactory.getRuntimeMXBean().getName() + "/"
            + UUID.randomUUID().toString().substring(0, 8);
    private final AtomicLong claims = new AtomicLong();

    public SourceStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Stores a new source, due now; empty when a source with {@code url} exists already. */
    public Optional<FollowedSource> insert(String url, String name, Duration interval) {
        return one("""
                INSERT INTO source (url, name, requested_interval, fetch_interval)
                VALUES (?, ?, make_interval(secs => ?), make_interval(secs => ?))
                ON CONFLICT (url) DO NOTHING
                RETURNING\s""" + COLUMNS, url, name, seconds(interval), seconds(interval));
    }

    public Optional<Long> idOfUrl(String url) {
        return query("SELECT id FROM source WHERE url = ?", rows -> rows.next() ? Optional.of(rows.getLong(1))
                : Optional.<Long>empty(), url);
    }

    /** Those of {@code urls} that sources follow. */
    public Set<String> followedOf(Collection<String> urls) {
        return query("SELECT url FROM source WHERE url = ANY (?)", rows -> {
            Set<String> followed = new HashSet<>();
            while (rows.next()) {
                followed.add(rows.getString(1));
            }
            return followed;
        }, (Object) urls.toArray(String[]::new));
    }

    public Optional<FollowedSource> find(long id) {
        return one("SELECT " + COLUMNS + " FROM source WHERE id = ?", id);
    }

    /** At most {@code limit} sources with ids above {@code afterId}, by id (keyset paging). */
    public List<FollowedSource> pageAfter(long afterId, int limit) {
        return all("SELECT " + COLUMNS + " FROM source WHERE id > ? ORDER BY id LIMIT ?", afterId, limit);
    }

    public long count() {
        return query("SELECT count(*) FROM source", rows -> {
            rows.next();
            return rows.getLong(1);
        });
    }

    /** Pauses a source; empty when it does not exist. */
    public Optional<FollowedSource> pause(long id) {
        return one("UPDATE source SET paused = true WHERE id = ? RETURNING " + COLUMNS, id);
    }

    /** Resumes a source, due at once when it was paused; empty when it does not exist. */
    public Optional<FollowedSource> resume(long id) {
        // In SET, "paused" is the value before the update: a running source keeps its schedule.
        return one("""
                UPDATE source SET next_fetch_at = CASE WHEN paused THEN now() ELSE next_fetch_at END, paused = false
                WHERE id = ? RETURNING\s""" + COLUMNS, id);
    }

    /** Deletes a source and its items (the articles stay); false when it did not exist. */
    public boolean delete(long id) {
        return update("DELETE FROM source WHERE id = ?", id) > 0;
    }

    /**
     * Claims up to {@code limit} due sources, the longest due first, for {@code lease}; sources
     * another replica is claiming at the same moment are skipped, not waited for.
     */
    public List<SourceLease> claimDue(int limit, Duration lease) {
        String owner = nextOwner();
        // The CTE's column has a name of its own, so RETURNING's columns can only be the source's.
        List<FollowedSource> claimed = all("""
                WITH due AS (
                    SELECT id AS due_id FROM source
                    WHERE NOT paused AND next_fetch_at <= now() AND\s""" + FREE + """

                    ORDER BY next_fetch_at, id
                    LIMIT ?
                    FOR UPDATE SKIP LOCKED)
                UPDATE source SET lease_owner = ? || '#' || id, lease_until = now() + make_interval(secs => ?)
                FROM due WHERE id = due.due_id
                RETURNING\s""" + COLUMNS, limit, owner, seconds(lease));
        return claimed.stream().map(source -> new SourceLease(source, owner + "#" + source.id())).toList();
    }

    /**
     * Claims one source, due or not, paused or not; empty when it does not exist or a lease on it
     * has not lapsed (a fetch is running).
     */
    public Optional<SourceLease> claim(long id, Duration lease) {
        String owner = nextOwner() + "#" + id;
        return this.<FollowedSource>one("""
                        UPDATE source SET lease_owner = ?, lease_until = now() + make_interval(secs => ?)
                        WHERE id = ? AND\s""" + FREE + " RETURNING " + COLUMNS, owner, seconds(lease), id)
                .map(source -> new SourceLease(source, owner));
    }

    /** Extends a lease while its fetch goes on; false when it was lost (lapsed and taken, or the source deleted). */
    public boolean renew(SourceLease lease, Duration duration) {
        return update("UPDATE source SET lease_until = now() + make_interval(secs => ?) WHERE id = ? AND lease_owner = ?",
                seconds(duration), lease.source().id(), lease.owner()) > 0;
    }

    /** Gives a lease back without recording a fetch (the fetch was interrupted): the source is due as it was. */
    public void abandon(SourceLease lease) {
        update("UPDATE source SET lease_owner = NULL, lease_until = NULL WHERE id = ? AND lease_owner = ?",
                lease.source().id(), lease.owner());
    }

    /**
     * Records a fetch and gives the lease back: the source is due again after {@code delay}.
     * Empty when the lease was lost meanwhile (the other holder's fetch then records its own).
     */
    public Optional<FollowedSource> finish(SourceLease lease, FetchReport report, Duration interval,
                                           int consecutiveFailures, Duration delay) {
        Validators validators = report.validators();
        return one("""
                        UPDATE source SET
                            lease_owner = NULL, lease_until = NULL,
                            last_fetch_at = now(), next_fetch_at = now() + make_interval(secs => ?),
                            fetch_interval = make_interval(secs => ?),
                            last_outcome = ?, last_error = ?, consecutive_failures = ?,
                            kind = coalesce(?, kind),
                            name = CASE WHEN name = '' THEN coalesce(?, '') ELSE name END,
                            etag = CASE WHEN ? THEN ? ELSE etag END,
                            last_modified = CASE WHEN ? THEN ? ELSE last_modified END,
                            body_sha256 = coalesce(?, body_sha256),
                            items_seen = (SELECT count(*) FROM source_item WHERE source_id = source.id),
                            articles_accepted = articles_accepted + ?,
                            last_new_item_at = CASE WHEN ? > 0 THEN now() ELSE last_new_item_at END
                        WHERE id = ? AND lease_owner = ?
                        RETURNING\s""" + COLUMNS,
                seconds(delay), seconds(interval), report.outcome().name(), report.error(), consecutiveFailures,
                report.kind() == null ? null : report.kind().name(), report.title(),
                validators != null, validators == null ? null : validators.etag(),
                validators != null, validators == null ? null : validators.lastModified(),
                report.bodySha256(), report.articlesAccepted(), report.newItems(),
                lease.source().id(), lease.owner());
    }

    /** Those of {@code keys} the source has listed before. */
    public Set<String> knownItemKeys(long sourceId, Collection<String> keys) {
        return query("SELECT item_key FROM source_item WHERE source_id = ? AND item_key = ANY (?)", rows -> {
            Set<String> known = new HashSet<>();
            while (rows.next()) {
                known.add(rows.getString(1));
            }
            return known;
        }, sourceId, keys.toArray(String[]::new));
    }

    /** Records that the source listed an item; {@code articleId} null when its page was not stored. */
    public void recordItem(long sourceId, String key, String url, Long articleId) {
        update("""
                INSERT INTO source_item (source_id, item_key, url, article_id) VALUES (?, ?, ?, ?)
                ON CONFLICT (source_id, item_key) DO NOTHING""", sourceId, key, url, articleId);
    }

    /** The stored article whose URL or canonical URL is {@code url}, if any. */
    public Optional<Long> storedArticleAt(String url) {
        // Two probes, one per index (article_url_key, article_canonical_url_idx).
        return query("""
                (SELECT id FROM article WHERE url = ? LIMIT 1)
                UNION ALL
                (SELECT id FROM article WHERE canonical_url = ? LIMIT 1)
                LIMIT 1""", rows -> rows.next() ? Optional.of(rows.getLong(1)) : Optional.<Long>empty(), url, url);
    }

    /** Each unpaused source's lag: how far past its due time it is, zero when it is not due yet. */
    public Map<Long, Duration> lags() {
        return query("""
                SELECT id, greatest(0, extract(epoch FROM now() - next_fetch_at)) FROM source
                WHERE NOT paused ORDER BY id""", rows -> {
            Map<Long, Duration> lags = new LinkedHashMap<>();
            while (rows.next()) {
                lags.put(rows.getLong(1), duration(rows.getBigDecimal(2)));
            }
            return lags;
        });
    }

    private String nextOwner() {
        return processId + "/" + claims.incrementAndGet();
    }

    private Optional<FollowedSource> one(String sql, Object... parameters) {
        return query(sql, rows -> rows.next() ? Optional.of(source(rows)) : Optional.<FollowedSource>empty(),
                parameters);
    }

    private List<FollowedSource> all(String sql, Object... parameters) {
        return query(sql, rows -> {
            List<FollowedSource> sources = new ArrayList<>();
            while (rows.next()) {
                sources.add(source(rows));
            }
            return sources;
        }, parameters);
    }

    @FunctionalInterface
    private interface RowReader<T> {
        T read(ResultSet rows) throws SQLException;
    }

    private <T> T query(String sql, RowReader<T> reader, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters);
             ResultSet rows = statement.executeQuery()) {
            return reader.read(rows);
        } catch (SQLException e) {
            throw new IllegalStateException("could not read or write sources: " + e.getMessage(), e);
        }
    }

    private int update(String sql, Object... parameters) {
        try (Connection connection = dataSource.getConnection();
             PreparedStatement statement = prepare(connection, sql, parameters)) {
            return statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not write sources: " + e.getMessage(), e);
        }
    }

    private static PreparedStatement prepare(Connection connection, String sql, Object... parameters)
            throws SQLException {
        // Each statement commits by itself; a pooled connection may come back from a transaction.
        if (!connection.getAutoCommit()) {
            connection.setAutoCommit(true);
        }
        PreparedStatement statement = connection.prepareStatement(sql);
        for (int i = 0; i < parameters.length; i++) {
            Object parameter = parameters[i];
            if (parameter == null) {
                // Untyped: PostgreSQL reads the type from where the parameter stands.
                statement.setNull(i + 1, Types.NULL);
            } else if (parameter instanceof String[] strings) {
                statement.setArray(i + 1, connection.createArrayOf("text", strings));
            } else {
                statement.setObject(i + 1, parameter);
            }
        }
        return statement;
    }

    private static FollowedSource source(ResultSet rows) throws SQLException {
        String kind = rows.getString(4);
        String outcome = rows.getString(11);
        String error = rows.getString(12);
        return new FollowedSource(rows.getLong(1), rows.getString(2), rows.getString(3),
                kind == null ? null : SourceKind.valueOf(kind), duration(rows.getBigDecimal(5)),
                duration(rows.getBigDecimal(6)), rows.getBoolean(7), instant(rows, 8), instant(rows, 9),
                instant(rows, 10), outcome == null ? null : SourceOutcome.valueOf(outcome), error == null ? "" : error,
                rows.getInt(13), rows.getLong(14), rows.getLong(15), instant(rows, 16),
                new Validators(rows.getString(17), rows.getString(18)), rows.getString(19));
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime time = rows.getObject(column, OffsetDateTime.class);
        return time == null ? null : time.toInstant();
    }

    private static Duration duration(BigDecimal seconds) {
        return Duration.ofMillis(seconds.movePointRight(3).longValue());
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }
}
