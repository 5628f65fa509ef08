package newsroom.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.LinkedHashMap;
import java.util.Map;
import newsroom.localpostgres.DatabaseRole;
import newsroom.localpostgres.LocalPostgres;
import org.junit.jupiter.api.Test;

/**
 * article_day (V17) holds, for each UTC day, how many articles are searchable
 * that day, whatever changes article_search: an article leaving the queue,
 * one moved to another day or month, one deleted, and a store migrated with
 * search rows already in it. Each step compares the table with a count of
 * article_search by day, made by the writer role as ingest-service writes.
 */
class ArticleDaysTest {

    private static final String COUNTED_DAYS = """
            SELECT CAST(published_at AT TIME ZONE 'UTC' AS date), count(*) FROM article_search GROUP BY 1 ORDER BY 1""";

    private static final String KEPT_DAYS = "SELECT day, article_count FROM article_day ORDER BY day";

    @Test
    void keepsTheSearchableArticlesOfEachDayOnEveryChange() throws Exception {
        // Before V17: two searchable articles on 6 April, one on 30 April, one still queued.
        try (LocalPostgres postgres = StoreMigrations.startMigrated("16",
                "SELECT create_month_partitions('2021-04-01'), create_month_partitions('2021-05-01')",
                articles(1, "ANALYZED", "'2021-04-06T10:00:00Z'", "'2021-04-06T23:59:59Z'", "'2021-04-30T23:30:00Z'")
                        + articles(4, "ACCEPTED", "'2021-04-07T00:00:00Z'"))) {
            StoreMigrations.migrate(postgres, null);
            try (Connection writer = postgres.connect(DatabaseRole.WRITER); Statement sql = writer.createStatement()) {
                assertEquals(Map.of("2021-04-06", 2L, "2021-04-30", 1L), days(sql, KEPT_DAYS));
                assertKept(sql);

                sql.execute("UPDATE article SET status = 'ANALYZED' WHERE id = 4");
                assertEquals(1L, days(sql, KEPT_DAYS).get("2021-04-07"));
                assertKept(sql);

                // To another day of the month, then into the next month (a row moved between partitions).
                sql.execute("UPDATE article SET published_at = '2021-04-08T12:00:00Z' WHERE id = 1");
                assertEquals(1L, days(sql, KEPT_DAYS).get("2021-04-06"));
                assertKept(sql);
                sql.execute("UPDATE article SET published_at = '2021-05-01T00:30:00Z' WHERE id = 3");
                assertEquals(1L, days(sql, KEPT_DAYS).get("2021-05-01"));
                assertKept(sql);

                sql.execute(articles(5, "ANALYZED", "'2021-05-01T08:00:00Z'", "'2021-05-01T09:00:00Z'",
                        "'2021-05-01T10:00:00Z'"));
                assertEquals(4L, days(sql, KEPT_DAYS).get("2021-05-01"));
                assertKept(sql);

                // Deleted, the search rows go by the foreign key's cascade; a day left empty has no row.
                sql.execute("DELETE FROM article WHERE id IN (2, 5)");
                assertEquals(Map.of("2021-04-07", 1L, "2021-04-08", 1L, "2021-05-01", 3L), days(sql, KEPT_DAYS));
                assertKept(sql);
            }
        }
    }

    private static String articles(int firstId, String status, String... publishedAt) {
        StringBuilder rows = new StringBuilder();
        for (int id = firstId; id < firstId + publishedAt.length; id++) {
            rows.append("INSERT INTO article (id, title, published_at, content_type, language, raw_content,"
                    + " cleaned_text, content_sha256, status) VALUES (" + id + ", 'Title " + id + "', "
                    + publishedAt[id - firstId] + ", 'PLAIN_TEXT', 'en', 'x', 'Words " + id + ".', 'sha-" + id
                    + "', '" + status + "');\n");
        }
        return rows.toString();
    }

    private static void assertKept(Statement sql) throws SQLException {
        assertEquals(days(sql, COUNTED_DAYS), days(sql, KEPT_DAYS));
    }

    private static Map<String, Long> days(Statement sql, String query) throws SQLException {
        Map<String, Long> days = new LinkedHashMap<>();
        try (ResultSet result = sql.executeQuery(query)) {
            while (result.next()) {
                days.put(result.getString(1), result.getLong(2));
            }
        }
        return days;
    }

}
