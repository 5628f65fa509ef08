package newsroom.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.fail;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import newsroom.localpostgres.DatabaseLogin;
import newsroom.nlp.v1.Analysis;
import newsroom.nlp.v1.Entity;

/**
 * What the fault tests read from the store directly, over JDBC: counts of articles, ids,
 * and the checks that each article holds its one analysis: exactly the one mention, quote
 * and entity link that {@link CountingNlpService}'s analysis gives it, or, with the real
 * nlp-service, exactly what its stored analysis lists.
 */
public final class StoreContents {

    private final String jdbcUrl;
    private final DatabaseLogin login;

    StoreContents(String jdbcUrl, DatabaseLogin login) {
        this.jdbcUrl = jdbcUrl;
        this.login = login;
    }

    /** Articles matching an SQL condition on the article table. */
    public long count(String condition) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, login.user(), login.password());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT count(*) FROM article WHERE " + condition)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    /**
     * How many rows each table of the store holds (Flyway's history aside): what a request that
     * must store nothing must leave as it found.
     */
    Map<String, Long> rowCounts() throws SQLException {
        Map<String, Long> counts = new TreeMap<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, login.user(), login.password());
             Statement statement = connection.createStatement()) {
            List<String> tables = new ArrayList<>();
            try (ResultSet rows = statement.executeQuery("SELECT table_name FROM information_schema.tables"
                    + " WHERE table_schema = 'public' AND table_type = 'BASE TABLE'"
                    + " AND table_name <> 'flyway_schema_history'")) {
                while (rows.next()) {
                    tables.add(rows.getString(1));
                }
            }
            for (String table : tables) {
                try (ResultSet rows = statement.executeQuery("SELECT count(*) FROM \"" + table + "\"")) {
                    rows.next();
                    counts.put(table, rows.getLong(1));
                }
            }
        }
        return counts;
    }

    /** The first column of every row of {@code query}. */
    Set<Long> ids(String query) throws SQLException {
        return firstColumn(query, rows -> rows.getLong(1));
    }

    /** The first column of every row of {@code query}, as text. */
    Set<String> texts(String query) throws SQLException {
        return firstColumn(query, rows -> rows.getString(1));
    }

    /** Reads the first column of the current row. */
    private interface FirstColumn<T> {
        T of(ResultSet rows) throws SQLException;
    }

    private <T> Set<T> firstColumn(String query, FirstColumn<T> column) throws SQLException {
        Set<T> values = new HashSet<>();
        try (Connection connection = DriverManager.getConnection(jdbcUrl, login.user(), login.password());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            while (rows.next()) {
                values.add(column.of(rows));
            }
        }
        return values;
    }

    /** The timestamp in the first column of {@code query}'s first row; empty for no row or NULL. */
    Optional<Instant> instant(String query) throws SQLException {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, login.user(), login.password());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(query)) {
            if (!rows.next()) {
                return Optional.empty();
            }
            Timestamp timestamp = rows.getTimestamp(1);
            return Optional.ofNullable(timestamp).map(Timestamp::toInstant);
        }
    }

    /** Waits, polling, until at least {@code expected} articles match {@code condition}. */
    public void awaitCount(String what, String condition, long expected, Duration limit) throws Exception {
        long deadline = System.nanoTime() + limit.toNanos();
        long count;
        while ((count = count(condition)) < expected) {
            if (System.nanoTime() > deadline) {
                fail("gave up waiting for " + what + ": " + count + " of " + expected);
            }
            Thread.sleep(250);
        }
    }

    /**
     * Every article is ANALYZED with its analysis stored, and owns exactly one mention, one
     * quote and one entity link: nothing half-written, nothing written twice.
     */
    void assertEveryArticleAnalyzedOnce() throws SQLException {
        assertEquals(Set.of(), ids("SELECT id FROM article WHERE status <> 'ANALYZED' OR analysis IS NULL"),
                "articles not analysed, or without their stored analysis");
        // Indexing for search happens with the analysis (migrations V6, V9): a crash between intake
        // and analysis must not leave an article unsearchable.
        assertEquals(Set.of(), ids("SELECT id FROM article a"
                        + " WHERE NOT EXISTS (SELECT 1 FROM article_search s WHERE s.article_id = a.id)"),
                "articles analysed but not searchable");
        assertEquals(Set.of(), ids("SELECT a.id FROM article a LEFT JOIN mention m ON m.article_id = a.id"
                + " GROUP BY a.id HAVING count(m.id) <> 1"), "articles without exactly one mention");
        assertEquals(Set.of(), ids("SELECT a.id FROM article a LEFT JOIN quote q ON q.article_id = a.id"
                + " GROUP BY a.id HAVING count(q.id) <> 1"), "articles without exactly one quote");
        assertEquals(Set.of(), ids("SELECT a.id FROM article a LEFT JOIN article_entity e ON e.article_id = a.id"
                + " GROUP BY a.id HAVING count(e.entity_id) <> 1"), "articles without exactly one entity link");
    }

    /**
     * Every article matching {@code condition} is ANALYZED and searchable, and holds its stored
     * analysis once, whatever nlp-service found in it: exactly the quotes the analysis lists, no
     * mention, quote or event twice, and no more mentions or entity links than it lists (an
     * entity whose name resolves to no global entity is left out). An analysis written twice, or
     * half of one, fails this. Returns the rows checked, so a caller can see the check had some.
     */
    StoredAnalyses assertEachArticleHoldsItsOneAnalysis(String condition) throws Exception {
        String articles = "SELECT id FROM article WHERE " + condition;
        assertEquals(Set.of(), ids(articles + " AND (status <> 'ANALYZED' OR analysis IS NULL)"),
                "articles not analysed, or without their stored analysis");
        assertEquals(Set.of(), ids(articles + " AND NOT EXISTS (SELECT 1 FROM article_search s WHERE s.article_id = article.id)"),
                "articles analysed but not searchable");
        assertEquals(Set.of(), ids("SELECT article_id FROM mention WHERE article_id IN (" + articles + ")"
                + " GROUP BY article_id, entity_id, begin_offset, end_offset HAVING count(*) > 1"), "mentions stored twice");
        assertEquals(Set.of(), ids("SELECT article_id FROM quote WHERE article_id IN (" + articles + ")"
                + " GROUP BY article_id, begin_offset, end_offset HAVING count(*) > 1"), "quotes stored twice");
        assertEquals(Set.of(), ids("SELECT article_id FROM event WHERE article_id IN (" + articles + ")"
                + " GROUP BY article_id, type, begin_offset, end_offset HAVING count(*) > 1"), "events stored twice");
        long mentions = 0;
        long quotes = 0;
        try (Connection connection = DriverManager.getConnection(jdbcUrl, login.user(), login.password());
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT a.id, a.analysis,"
                     + " (SELECT count(*) FROM mention m WHERE m.article_id = a.id),"
                     + " (SELECT count(*) FROM quote q WHERE q.article_id = a.id),"
                     + " (SELECT count(*) FROM article_entity e WHERE e.article_id = a.id)"
                     + " FROM article a WHERE " + condition)) {
            while (rows.next()) {
                long id = rows.getLong(1);
                Analysis analysis = Analysis.parseFrom(rows.getBytes(2));
                long listedMentions = analysis.getEntitiesList().stream().mapToLong(Entity::getMentionsCount).sum();
                assertEquals(analysis.getQuotesCount(), rows.getLong(4), "quotes of article " + id);
                if (rows.getLong(3) > listedMentions || rows.getLong(5) > analysis.getEntitiesCount()) {
                    fail("article " + id + " holds " + rows.getLong(3) + " mentions and " + rows.getLong(5)
                            + " entity links; its analysis lists " + listedMentions + " and " + analysis.getEntitiesCount());
                }
                mentions += rows.getLong(3);
                quotes += rows.getLong(4);
            }
        }
        return new StoredAnalyses(mentions, quotes);
    }

    /** How many mentions and quotes {@link #assertEachArticleHoldsItsOneAnalysis} checked. */
    record StoredAnalyses(long mentions, long quotes) {
    }
}
