package newsroom.ingest.retention;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.OffsetDateTime;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import newsroom.ingest.AutoCommitConnections;
import newsroom.store.DatabaseFailures;
import newsroom.store.MonthPartitions;
import org.jboss.logging.Logger;

/**
 * Removes whole months of history older than a number of months (docs/retention.md): every
 * month before the cut-off month, which is the current month (UTC) less that number. Each
 * month is removed in a transaction of its own ({@link MonthRemoval}), oldest first, so a
 * failure or a crash leaves every month whole or gone; a month whose locks are not granted
 * (ingest's writers hold the tables) is tried again, as {@link MonthPartitions} does.
 */
@ApplicationScoped
public class HistoryRetention {

    /** The most months a caller may keep: a hundred years. */
    public static final int MAX_MONTHS = 1200;

    private static final Logger LOG = Logger.getLogger(HistoryRetention.class);
    /** Tries of one month before giving up: at 0.2 s a lock and a short pause between, several seconds of writers. */
    private static final int ATTEMPTS = 30;
    private static final Pattern PARTITION_NAME =
            Pattern.compile("(?:mention|quote|article_search|entity_day)_p(\\d{4})_(\\d{2})");
    private static final String PARTITIONS = """
            SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid
            WHERE i.inhparent IN ('mention'::regclass, 'quote'::regclass, 'article_search'::regclass,
                                  'entity_day'::regclass)
            """;
    private static final String OLDEST_ARTICLE_FROM =
            "SELECT min(published_at) FROM article WHERE published_at >= ? AND published_at < ?";

    private final DataSource dataSource;
    private final MonthPartitions partitions;

    public HistoryRetention(DataSource dataSource, MonthPartitions partitions) {
        this.dataSource = dataSource;
        this.partitions = partitions;
    }

    /**
     * Removes (or with {@code dryRun} only counts) every month older than {@code olderThanMonths}.
     *
     * @param expectedCutoff the cut-off month a dry run showed ("YYYY-MM"); empty or null to not check
     * @throws InvalidRetentionRequestException naming the field; nothing is removed then
     * @throws CutoffMovedException when the cut-off month is not {@code expectedCutoff}
     * @throws RetentionBusyException when a month's locks were never granted
     */
    public RetentionReport apply(int olderThanMonths, boolean dryRun, String expectedCutoff) {
        if (olderThanMonths < 1 || olderThanMonths > MAX_MONTHS) {
            throw new InvalidRetentionRequestException("older_than_months",
                    "must be from 1 to " + MAX_MONTHS + " whole months, not " + olderThanMonths);
        }
        YearMonth cutoff = YearMonth.now(ZoneOffset.UTC).minusMonths(olderThanMonths);
        if (expectedCutoff != null && !expectedCutoff.isBlank()) {
            YearMonth expected = parseMonth(expectedCutoff.strip());
            if (!expected.equals(cutoff)) {
                throw new CutoffMovedException(expected, cutoff);
            }
        }
        try {
            return dryRun ? count(cutoff) : remove(cutoff);
        } catch (SQLException e) {
            throw new IllegalStateException("retention before " + cutoff + " failed: " + e.getMessage(), e);
        }
    }

    private RetentionReport count(YearMonth cutoff) throws SQLException {
        List<MonthCounts> months = new ArrayList<>();
        try (Connection connection = AutoCommitConnections.open(dataSource)) {
            for (YearMonth month : monthsBefore(connection, cutoff)) {
                months.add(new MonthRemoval(month).count(connection));
            }
        }
        return new RetentionReport(cutoff, true, months);
    }

    private RetentionReport remove(YearMonth cutoff) throws SQLException {
        List<MonthCounts> removed = new ArrayList<>();
        try (Connection connection = AutoCommitConnections.open(dataSource)) {
            for (YearMonth month : monthsBefore(connection, cutoff)) {
                MonthCounts counts = removeRetrying(connection, month, removed);
                // This replica creates the month again when it next stores a row of it; other
                // replicas find it gone when they write (MonthPartitions.isMissingPartition).
                partitions.forget(List.of(month));
                removed.add(counts);
                LOG.infof("retention removed %s: %d articles, %d mentions, %d quotes, %d search rows,"
                                + " %d entity days", month, counts.articles(), counts.mentions(), counts.quotes(),
                        counts.searchRows(), counts.entityDays());
            }
        }
        return new RetentionReport(cutoff, false, removed);
    }

    private static MonthCounts removeRetrying(Connection connection, YearMonth month, List<MonthCounts> removed)
            throws SQLException {
        MonthRemoval removal = new MonthRemoval(month);
        for (int attempt = 1; ; attempt++) {
            connection.setAutoCommit(false);
            try {
                MonthCounts counts = removal.remove(connection);
                connection.commit();
                return counts;
            } catch (SQLException e) {
                connection.rollback();
                boolean lockLost = MonthRemoval.LOCK_NOT_AVAILABLE.equals(e.getSQLState())
                        || DatabaseFailures.isTransactionConflict(e);
                if (!lockLost) {
                    throw e;
                }
                if (attempt == ATTEMPTS) {
                    throw new RetentionBusyException(month, attempt,
                            removed.stream().map(MonthCounts::month).toList(), e);
                }
                pause();
            } finally {
                connection.setAutoCommit(true);
            }
        }
    }

    /**
     * The months before {@code cutoff} with anything to remove: a partition of a partitioned
     * table, or an article (the article table is not partitioned; intake creates a month's
     * partitions before its articles, but an article can outlive them). Oldest first.
     */
    private static SortedSet<YearMonth> monthsBefore(Connection connection, YearMonth cutoff) throws SQLException {
        SortedSet<YearMonth> months = new TreeSet<>();
        try (Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(PARTITIONS)) {
            while (rows.next()) {
                Matcher name = PARTITION_NAME.matcher(rows.getString(1));
                if (name.matches()) {
                    YearMonth month = YearMonth.of(Integer.parseInt(name.group(1)), Integer.parseInt(name.group(2)));
                    if (month.isBefore(cutoff)) {
                        months.add(month);
                    }
                }
            }
        }
        // One index probe per month with articles (article_published_idx), however many articles.
        OffsetDateTime end = cutoff.atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
        OffsetDateTime from = OffsetDateTime.of(1, 1, 1, 0, 0, 0, 0, ZoneOffset.UTC);
        try (PreparedStatement oldest = connection.prepareStatement(OLDEST_ARTICLE_FROM)) {
            while (true) {
                oldest.setObject(1, from);
                oldest.setObject(2, end);
                OffsetDateTime published;
                try (ResultSet row = oldest.executeQuery()) {
                    row.next();
                    published = row.getObject(1, OffsetDateTime.class);
                }
                if (published == null) {
                    break;
                }
                YearMonth month = YearMonth.from(published.withOffsetSameInstant(ZoneOffset.UTC));
                months.add(month);
                from = month.plusMonths(1).atDay(1).atStartOfDay().atOffset(ZoneOffset.UTC);
            }
        }
        return months;
    }

    private static YearMonth parseMonth(String month) {
        try {
            return YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            throw new InvalidRetentionRequestException("expected_cutoff_month",
                    "'" + month + "' is not a month: write it YYYY-MM, as the dry run's cutoff_month");
        }
    }

    private static void pause() {
        try {
            Thread.sleep(ThreadLocalRandom.current().nextLong(10, 100));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting to retry a month's removal", e);
        }
    }
}
