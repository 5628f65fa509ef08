package newsroom.bench.query;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.Arrays;
import java.util.Locale;
import java.util.Random;

/**
 * The baseline of the query benchmark: GetEntity's counts and GetCoMentions
 * computed as they would be without the V4 rollups, by aggregating the raw
 * mention and article_entity tables, with the same entities drawn, one JDBC
 * client (no gRPC), on the same store in the same run.
 */
final class Baseline {

    private static final int CALLS = 200;

    static final String RAW_PROFILE = """
            SELECT (SELECT count(*) FROM mention WHERE entity_id = ?),
                   count(DISTINCT ae.article_id), min(a.published_at), max(a.published_at),
                   (SELECT count(*) FROM quote WHERE speaker_entity_id = ?)
            FROM article_entity ae JOIN article a ON a.id = ae.article_id
            WHERE ae.entity_id = ?
            """;

    static final String RAW_CO_MENTIONS = """
            SELECT other.entity_id, count(DISTINCT other.article_id) AS shared
            FROM article_entity mine JOIN article_entity other
              ON other.article_id = mine.article_id AND other.entity_id <> mine.entity_id
            WHERE mine.entity_id = ?
            GROUP BY other.entity_id
            ORDER BY shared DESC, other.entity_id
            LIMIT 20
            """;

    // The statements the service runs instead (EntityProfiles.PROFILES, CoMentionQueries.CO_MENTIONS),
    // timed the same way, so the two are compared under the same conditions.
    static final String ROLLUP_PROFILE = """
            SELECT sum(mention_count), count(*), min(published_at), max(published_at),
                   (SELECT count(*) FROM quote WHERE speaker_entity_id = ?)
            FROM entity_article WHERE entity_id = ?
            """;

    static final String ROLLUP_CO_MENTIONS = """
            SELECT e.id, e.name, e.type, p.article_count
            FROM entity_pair p JOIN entity e ON e.id = p.other_id
            WHERE p.entity_id = ? AND p.article_count > 0
            ORDER BY p.article_count DESC, p.other_id
            LIMIT 21
            """;

    private Baseline() {
    }

    static void print(Connection connection, Workload workload, int runs) throws Exception {
        System.out.println("baseline: raw aggregates without the V4 rollups vs the V4 statements, 1 JDBC client, "
                + CALLS + " calls per run, same entities (latency in ms, median of runs)");
        for (String[] query : new String[][] {{"GetEntity counts: raw", RAW_PROFILE},
                {"GetEntity counts: V4 rollup", ROLLUP_PROFILE}, {"GetCoMentions: raw", RAW_CO_MENTIONS},
                {"GetCoMentions: V4 rollup", ROLLUP_CO_MENTIONS}}) {
            double[] p50 = new double[runs];
            double[] p99 = new double[runs];
            for (int run = 0; run < runs; run++) {
                Random random = new Random(7 + run);
                long[] latencies = new long[CALLS];
                try (PreparedStatement statement = connection.prepareStatement(query[1])) {
                    for (int call = 0; call < CALLS; call++) {
                        long entity = workload.entity(random);
                        for (int p = 1; p <= statement.getParameterMetaData().getParameterCount(); p++) {
                            statement.setLong(p, entity);
                        }
                        long begin = System.nanoTime();
                        try (ResultSet rows = statement.executeQuery()) {
                            while (rows.next()) {
                                rows.getObject(1);
                            }
                        }
                        latencies[call] = System.nanoTime() - begin;
                    }
                }
                Arrays.sort(latencies);
                p50[run] = latencies[CALLS / 2 - 1] / 1e6;
                p99[run] = latencies[(int) Math.ceil(CALLS * 0.99) - 1] / 1e6;
            }
            Arrays.sort(p50);
            Arrays.sort(p99);
            System.out.printf(Locale.ROOT, "%-28s p50 %8.2f   p99 %8.2f%n", query[0], p50[runs / 2], p99[runs / 2]);
        }
    }
}
