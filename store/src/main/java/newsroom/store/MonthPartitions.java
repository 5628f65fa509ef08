package newsroom.store;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import javax.sql.DataSource;

/**
 * Makes sure a month's partitions exist before rows of that month are written (V15:
 * mention, quote, article_search and entity_day are partitioned by UTC calendar month,
 * with no default partition, so a row of a month without partitions fails its insert).
 *
 * <p>Months found or created are remembered, so the check costs nothing once a month is
 * known: only an article of a new month (the first of a month, or one from a month of the
 * past never stored before) costs a call of {@code create_month_partitions}, which takes
 * an advisory lock so that replicas creating the same month wait for each other and the
 * later one finds it made. Each creation commits on its own connection before the rows
 * that need it are written: creating a partition locks its table against reads, and that
 * lock ends with the creation's own short transaction, not with the writer's. A creation that
 * meets a writer's lock gives up and is tried again (see V15's create_month_partitions).
 *
 * <p>What is remembered can go stale: retention (V16, ingest-service's {@code HistoryRetention})
 * drops old months, possibly from another replica. A write of such a month then fails with
 * {@link #isMissingPartition}; its writer creates the month again ({@link #recreateMonthsOf})
 * and tries once more.
 */
@ApplicationScoped
public class MonthPartitions {

    private static final String CREATE = "SELECT create_month_partitions(?)";
    /** SQLSTATE 55P03: the function's lock_timeout passed while it waited for a lock. */
    private static final String LOCK_NOT_AVAILABLE = "55P03";
    /** SQLSTATE 23514, check_violation: what a row of a month without partitions fails with. */
    private static final String CHECK_VIOLATION = "23514";
    /** The words of PostgreSQL's message for such a row, which tell it from a failed CHECK constraint. */
    private static final String NO_PARTITION = "no partition of relation";
    /** Tries before giving up: at 0.2 s a lock and a short pause between, several seconds of writers' locks. */
    private static final int LOCK_ATTEMPTS = 30;
    /** SQLSTATE 40P01: PostgreSQL ended a deadlock by cancelling this session's statement. */
    private static final String DEADLOCK = "40P01";
    /** A creation's wait for the first of article and entity: see createRetrying. */
    private static final String REFERENCED_TABLE_WAIT = "3s";
    /** Its wait for the second, as the creation function's own lock_timeout. */
    private static final String SHORT_WAIT = "200ms";

    private final DataSource dataSource;
    private final Set<YearMonth> known = ConcurrentHashMap.newKeySet();

    public MonthPartitions(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The UTC calendar month of {@code time}, the month whose partitions hold its rows. */
    public static YearMonth monthOf(Instant time) {
        return YearMonth.from(time.atOffset(ZoneOffset.UTC));
    }

    /**
     * Makes sure the months of {@code times} have their partitions; a round trip per month not
     * known yet. Called outside any transaction: each creation commits by itself.
     */
    public void ensureMonthsOf(Collection<Instant> times) {
        Set<YearMonth> missing = new TreeSet<>();
        for (Instant time : times) {
            YearMonth month = monthOf(time);
            if (!known.contains(month)) {
                missing.add(month);
            }
        }
        if (!missing.isEmpty()) {
            create(missing);
        }
    }

    /**
     * Creates the partitions of {@code months} that do not exist, whether they are known or not
     * (another process may have dropped one); how many partitions were created.
     */
    public int create(Collection<YearMonth> months) {
        try (Connection connection = dataSource.getConnection()) {
            if (!connection.getAutoCommit()) {
                connection.setAutoCommit(true);
            }
            int created = 0;
            for (YearMonth month : new TreeSet<>(months)) {
                created += createRetrying(connection, month);
                known.add(month);
            }
            return created;
        } catch (SQLException e) {
            throw new IllegalStateException("could not create the partitions of " + months + ": " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the partitions of " + months, e);
        }
    }

    /**
     * Creates a month in transactions of its own, trying again while a lock is not granted in
     * time (SQLSTATE 55P03) or PostgreSQL ends a deadlock with this session (40P01).
     *
     * <p>A try first takes the lock the partitions' foreign keys need on article and entity, one
     * table at a time: the first with a wait of {@link #REFERENCED_TABLE_WAIT}, the second with
     * the function's short one. The long wait is longer than PostgreSQL's deadlock_timeout (1 s) on
     * purpose: a session waiting that long behind an autovacuum makes PostgreSQL cancel the
     * autovacuum, which a 200 ms wait never does, and a vacuum or analyze of a large article table
     * holds it for minutes. It is taken while this session holds nothing, so no writer can be
     * waiting for this session meanwhile and no deadlock can form around it; only writers of that
     * table queue behind it (reads do not conflict). The second table is waited for briefly,
     * since writers hold one of the two tables and wait for the other; when it is not granted, the
     * next try waits long for it first, so an autovacuum on either table is cancelled in turn.
     */
    private static int createRetrying(Connection connection, YearMonth month)
            throws SQLException, InterruptedException {
        String waitedFor = "article";
        for (int attempt = 1; ; attempt++) {
            String other = waitedFor.equals("article") ? "entity" : "article";
            connection.setAutoCommit(false);
            try {
                int created = 0;
                if (!exists(connection, month)) {
                    lock(connection, waitedFor, REFERENCED_TABLE_WAIT);
                    try {
                        lock(connection, other, SHORT_WAIT);
                    } catch (SQLException e) {
                        waitedFor = other;
                        throw e;
                    }
                    created = callCreate(connection, month);
                }
                connection.commit();
                return created;
            } catch (SQLException e) {
                connection.rollback();
                boolean contended = LOCK_NOT_AVAILABLE.equals(e.getSQLState()) || DEADLOCK.equals(e.getSQLState());
                if (!contended || attempt == LOCK_ATTEMPTS) {
                    throw e;
                }
                Thread.sleep(ThreadLocalRandom.current().nextLong(10, 100));
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /** Forgets {@code months}, whose partitions were dropped: writing to them again creates them again. */
    public void forget(Collection<YearMonth> months) {
        known.removeAll(months);
    }

    /**
     * Creates the months of {@code times} again, remembered or not: for a writer whose rows
     * failed with {@link #isMissingPartition} because a month it remembered was dropped since.
     */
    public int recreateMonthsOf(Collection<Instant> times) {
        Set<YearMonth> months = new TreeSet<>();
        for (Instant time : times) {
            months.add(monthOf(time));
        }
        forget(months);
        return create(months);
    }

    /**
     * True when {@code failure} is a row refused because its month has no partition (SQLSTATE
     * 23514, "no partition of relation ... found for row"), found among its causes.
     */
    public static boolean isMissingPartition(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql && CHECK_VIOLATION.equals(sql.getSQLState())
                    && sql.getMessage() != null && sql.getMessage().contains(NO_PARTITION)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Creates the partitions of {@code month} that do not exist; how many were created. On a
     * connection in auto-commit mode, in transactions of its own, as {@link #create(Collection)}
     * does. Inside the caller's transaction (loaders writing rows over plain JDBC: tests,
     * benchmarks) in one try that waits up to {@link #REFERENCED_TABLE_WAIT} for article and then
     * entity: meant for a loader with no concurrent writers, with whom it could deadlock
     * (PostgreSQL would then end one of the two); the caller's lock_timeout is restored after.
     */
    public static int create(Connection connection, YearMonth month) throws SQLException {
        if (connection.getAutoCommit()) {
            try {
                return createRetrying(connection, month);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new SQLException("interrupted while creating the partitions of " + month, e);
            }
        }
        if (exists(connection, month)) {
            return 0;
        }
        String previous;
        try (Statement statement = connection.createStatement();
             ResultSet setting = statement.executeQuery("SELECT current_setting('lock_timeout')")) {
            setting.next();
            previous = setting.getString(1);
        }
        lock(connection, "article", REFERENCED_TABLE_WAIT);
        lock(connection, "entity", REFERENCED_TABLE_WAIT);
        try (PreparedStatement restore = connection.prepareStatement("SELECT set_config('lock_timeout', ?, true)")) {
            restore.setString(1, previous);
            restore.execute();
        }
        return callCreate(connection, month);
    }

    private static int callCreate(Connection connection, YearMonth month) throws SQLException {
        try (PreparedStatement statement = connection.prepareStatement(CREATE)) {
            statement.setObject(1, LocalDate.of(month.getYear(), month.getMonth(), 1));
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        }
    }

    // Locks one table the partitions' foreign keys refer to, waiting at most wait; the lock_timeout
    // set here lasts until the transaction ends or the next call.
    private static void lock(Connection connection, String table, String wait) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute("SELECT set_config('lock_timeout', '" + wait + "', true)");
            statement.execute("LOCK TABLE " + table + " IN SHARE ROW EXCLUSIVE MODE");
        }
    }

    // Every partition of the month is there: a look at the catalog, no lock on any table.
    private static boolean exists(Connection connection, YearMonth month) throws SQLException {
        String suffix = "_p%04d_%02d".formatted(month.getYear(), month.getMonthValue());
        try (PreparedStatement statement = connection.prepareStatement(
                "SELECT count(to_regclass(t || ?)) = 4 FROM unnest(ARRAY['mention', 'quote', 'article_search',"
                        + " 'entity_day']) t")) {
            statement.setString(1, suffix);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getBoolean(1);
            }
        }
    }

}
