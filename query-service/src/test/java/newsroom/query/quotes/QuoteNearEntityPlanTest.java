package newsroom.query.quotes;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.Map;
import javax.sql.DataSource;
import newsroom.query.ListPlans;
import newsroom.query.TestStore;
import newsroom.query.articles.ArticleMetadata;
import org.junit.jupiter.api.Test;

/**
 * A page of quotes near an entity, with the settings the service gives it
 * ({@link QuoteQueries#NEAR_ENTITY_PLAN}), is one generic plan of nested loops
 * driven by the entity's own articles, newest first: no hash or merge of the
 * quotes of every month, which at 1,000,000 articles read every quote for an
 * entity seldom near one. Checked on 24 months of partitions, 20,000 quotes,
 * an entity in 1 article in 100 and one in 1 in 3.
 */
@QuarkusTest
class QuoteNearEntityPlanTest {

    private static final int ARTICLES = 4_000;
    private static final long FIRST_ID = 9_000_000;

    @Inject
    DataSource dataSource;

    @Inject
    TestStore store;

    @Test
    void aPageNearAnEntityWalksTheEntitysArticlesWithOneGenericPlan() throws Exception {
        TestStore.Fixture fixture = store.fixture();
        String statement = QuoteQueries.LIST.formatted(ArticleMetadata.COLUMNS, QuoteQueries.NEAR_ENTITY_FROM,
                        QuoteQueries.NEAR_ENTITY, "ea.published_at")
                .replace(":nearId", "$1").replace(":limit", "$2");
        for (long entity : new long[] {fixture.erdogan(), fixture.pakistan()}) {
            ListPlans.Rows rows = sql -> {
                sql.execute(rowsNear(fixture.erdogan(), fixture.pakistan()));
                for (Map.Entry<String, String> setting : QuoteQueries.NEAR_ENTITY_PLAN.entrySet()) {
                    sql.execute("SET LOCAL " + setting.getKey() + " = " + setting.getValue());
                }
                sql.execute("PREPARE near_page(bigint, integer) AS " + statement);
            };

            String plan = ListPlans.explain(dataSource, rows, "EXECUTE near_page(" + entity + ", 21)");

            assertTrue(plan.contains("$1"), "a generic plan, parameters unknown when planned:\n" + plan);
            assertTrue(plan.contains("entity_article_timeline_idx"), "driven by the entity's articles:\n" + plan);
            assertFalse(plan.contains("Hash"), "no hash of quotes or mentions:\n" + plan);
            assertFalse(plan.contains("Merge Join"), "no merge with every quote by date:\n" + plan);
            assertFalse(readsAMonthWhole(plan), "no month read whole:\n" + plan);
        }
    }

    // A month with rows read whole; an empty month's partition (the months ahead) costs nothing to read.
    private static boolean readsAMonthWhole(String plan) {
        return plan.lines().anyMatch(line -> line.matches(".*Seq Scan on (quote|mention)_p\\S+ .*")
                && !line.contains("(cost=0.00..0.00 "));
    }

    /**
     * Articles every 4 hours over 2021 and 2022, five quotes each; {@code rare} is mentioned near
     * the first quote of one article in 100, {@code common} of one in 3.
     */
    private static String rowsNear(long rare, long common) {
        return """
                SELECT create_month_partitions(CAST(m AS date))
                FROM generate_series(timestamp '2021-01-01', timestamp '2022-12-01', interval '1 month') m;
                INSERT INTO article (id, published_at, content_type, language, raw_content, cleaned_text,
                                     content_sha256, status)
                SELECT %3$d + r, timestamptz '2021-01-01T00:00:00Z' + r * interval '4 hours', 'PLAIN_TEXT', 'en',
                       'x', 'x', 'near-plan-' || r, 'ACCEPTED'
                FROM generate_series(1, %4$d) r;
                INSERT INTO quote (article_id, text, begin_offset, end_offset, published_at)
                SELECT a.id, 'words ' || q, q * 1000, q * 1000 + 50, a.published_at
                FROM article a CROSS JOIN generate_series(0, 4) q WHERE a.id > %3$d;
                INSERT INTO mention (article_id, entity_id, text, begin_offset, end_offset, kind, published_at)
                SELECT a.id, e.id, 'name', 60, 64, 'NAME', a.published_at
                FROM article a JOIN (VALUES (%1$d, 100), (%2$d, 3)) AS e(id, every)
                  ON (a.id - %3$d) %% e.every = 0
                WHERE a.id > %3$d;
                INSERT INTO entity_article (entity_id, article_id, published_at, mention_count)
                SELECT entity_id, article_id, published_at, count(*)
                FROM mention WHERE article_id > %3$d GROUP BY entity_id, article_id, published_at
                """.formatted(rare, common, FIRST_ID, ARTICLES);
    }
}
