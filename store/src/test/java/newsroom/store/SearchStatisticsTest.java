package newsroom.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import newsroom.localpostgres.DatabaseRole;
import newsroom.localpostgres.LocalPostgres;
import org.junit.jupiter.api.Test;

/**
 * After V10 the planner estimates a word the statistics do not hold at about
 * the rarest kept word's frequency, not at 0.5% of the articles; the
 * estimate decides whether SearchArticles walks the date index or reads the
 * GIN entry (V10's comment).
 */
class SearchStatisticsTest {

    // 3,000 analysed articles (the trigger writes their article_search rows): each has 30 of 1,200
    // common words (each common word in 75 articles, 2.5%) and two rare words shared by two articles.
    // All in one month, so in one partition (V15) whose statistics make the estimate.
    private static final String STORE = """
            SELECT create_month_partitions('2021-01-01');
            INSERT INTO article (published_at, content_type, language, raw_content, cleaned_text,
                                 content_sha256, status)
            SELECT timestamptz '2021-01-01T00:00:00Z' + r * interval '10 minutes', 'PLAIN_TEXT', 'en', 'x',
                   (SELECT string_agg('common' || ((r + j * 40) % 1200), ' ') FROM generate_series(0, 29) j)
                       || ' rarea' || (r / 2) || ' rareb' || ((r + 1) / 2),
                   'sha-' || r, 'ANALYZED'
            FROM generate_series(1, 3000) r
            """;

    // The month's partition alone: through article_search the estimate would add a row for each
    // empty month ahead.
    private static final String ABSENT_WORD = """
            EXPLAIN SELECT 1 FROM article_search_p2021_01 WHERE search_vector @@ to_tsquery('english', 'premdor')""";

    @Test
    void aWordOutsideTheStatisticsIsEstimatedRareNotAtHalfAPercent() throws Exception {
        try (LocalPostgres postgres = StoreMigrations.startMigrated(null, STORE)) {
            try (Connection connection = postgres.connect(DatabaseRole.OWNER);
                 Statement statement = connection.createStatement()) {
                statement.execute("ANALYZE article_search");
                long withV10 = estimatedRows(statement);

                // PostgreSQL's default target keeps 1,000 words: only common ones, and the guess is 0.5%.
                statement.execute("ALTER TABLE article_search ALTER COLUMN search_vector SET STATISTICS 100");
                statement.execute("ANALYZE article_search");
                long withDefault = estimatedRows(statement);

                assertEquals(15, withDefault, "0.5% of 3,000 articles");
                assertTrue(withV10 <= 2, "half a word in two of 3,000 articles, not " + withV10);
            }
        }
    }

    private static long estimatedRows(Statement statement) throws SQLException {
        try (ResultSet plan = statement.executeQuery(ABSENT_WORD)) {
            plan.next();
            Matcher rows = Pattern.compile("rows=(\\d+)").matcher(plan.getString(1));
            assertTrue(rows.find(), plan.getString(1));
            return Long.parseLong(rows.group(1));
        }
    }
}
