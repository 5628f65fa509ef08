package newsroom.bench.query;

import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Map;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * Writes a benchmark store straight into PostgreSQL, as {@link WidenedStore} and the console
 * benchmark's generated store do: rows in COPY's text format, and the rollups rewritten whole
 * once the articles are in.
 */
public final class StoreCopy {

    private StoreCopy() {
    }

    // One row of COPY's text format; "\N" passes through as NULL, every other value is escaped.
    public static void row(StringBuilder out, Object... values) {
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                out.append('\t');
            }
            String value = String.valueOf(values[i]);
            if (value.equals("\\N") || value.startsWith("\\\\x")) {
                out.append(value);
            } else {
                out.append(value.replace("\\", "\\\\").replace("\t", "\\t").replace("\n", "\\n")
                        .replace("\r", "\\r"));
            }
        }
        out.append('\n');
    }

    public static void copy(Connection connection, String table, StringBuilder rows) throws SQLException, IOException {
        CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
        copy.copyIn("COPY " + table + " FROM STDIN", new StringReader(rows.toString()));
    }

    public static void execute(Connection connection, String sql) throws SQLException {
        try (Statement statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }

    /**
     * Moves the article sequence past the {@code articles} written, then rewrites entity_pair
     * from {@code pairCounts} (keyed by the two entity ids, the smaller in the high 32 bits),
     * the entities' counts and entity_day whole.
     */
    public static void writeRollups(Connection connection, int articles, Map<Long, Integer> pairCounts)
            throws SQLException, IOException {
        execute(connection, "SELECT setval('article_id_seq', " + articles + ")");
        execute(connection, "TRUNCATE entity_pair");
        StringBuilder pairs = new StringBuilder();
        pairCounts.forEach((key, count) -> row(pairs, key >>> 32, key & 0xffffffffL, count));
        copy(connection, "entity_pair (entity_id, other_id, article_count)", pairs);
        // As the V4 and V8 migrations back-fill them.
        execute(connection, "UPDATE entity e SET mention_count = totals.n, article_count = totals.articles"
                + " FROM (SELECT entity_id, sum(mention_count) AS n, count(*) AS articles"
                + " FROM entity_article GROUP BY entity_id) totals WHERE totals.entity_id = e.id");
        execute(connection, "UPDATE entity e SET quote_count = totals.n FROM (SELECT speaker_entity_id, count(*) AS n"
                + " FROM quote WHERE speaker_entity_id IS NOT NULL GROUP BY speaker_entity_id) totals"
                + " WHERE totals.speaker_entity_id = e.id");
        // As the V5 migration back-fills it.
        execute(connection, "TRUNCATE entity_day");
        execute(connection, "INSERT INTO entity_day (entity_id, day, mention_count, article_count, tone_sum, tone_count)"
                + " SELECT entity_id, CAST(published_at AT TIME ZONE 'UTC' AS date), sum(mention_count), count(*),"
                + " coalesce(sum(tone), 0), count(tone) FROM entity_article GROUP BY 1, 2");
        execute(connection, "VACUUM ANALYZE");
    }
}
