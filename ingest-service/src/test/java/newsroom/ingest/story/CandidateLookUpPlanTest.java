package newsroom.ingest.story;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Statement;
import java.util.Random;
import java.util.stream.Collectors;
import java.util.stream.LongStream;
import javax.sql.DataSource;
import newsroom.ingest.PlanChecks;
import org.junit.jupiter.api.Test;

/**
 * The same-story look-up goes through the band-key index however the planner
 * sees it: with the statistics of an analysed table and a bulk batch's
 * thousands of keys (a custom plan), and as the generic plan a JDBC prepared
 * statement gets after a few runs. Both once became a scan of
 * {@code story_signature} testing every row against every key (bulk intake
 * fell to 23 articles/s at 100,000 stored).
 */
@QuarkusTest
class CandidateLookUpPlanTest {

    /** A batch of 128 articles: 32 band keys each. */
    private static final int BATCH_KEYS = 128 * ShingleSignature.BANDS;
    private static final int STORED = 3_000;

    @Inject
    DataSource dataSource;

    @Test
    void aBatchsKeysAreLookedUpThroughTheIndexInCustomAndGenericPlans() throws Exception {
        PlanChecks.check(dataSource, "candidates", sql -> {
            storeSignedArticles(sql);
            sql.execute("ANALYZE article");
            sql.execute("ANALYZE story_signature");
            sql.execute("PREPARE candidates(bigint[]) AS " + PlanChecks.numbered(StoryIndex.CANDIDATE_ROWS));
            String keys = "'{" + new Random(7).longs(BATCH_KEYS).mapToObj(Long::toString)
                    .collect(Collectors.joining(",")) + "}'";
            for (String mode : new String[] {"force_custom_plan", "force_generic_plan"}) {
                sql.execute("SET LOCAL plan_cache_mode = " + mode);
                String plan = PlanChecks.of(sql, "EXPLAIN EXECUTE candidates(" + keys + ")");
                assertTrue(plan.contains("story_signature_band_idx"), mode + ":\n" + plan);
                assertFalse(plan.contains("Seq Scan on story_signature"), mode + ":\n" + plan);
            }
        });
    }

    /** {@value #STORED} articles with signatures of 32 random band keys, as intake writes them. */
    private static void storeSignedArticles(Statement sql) throws Exception {
        sql.execute("""
                INSERT INTO article (url, source, title, published_at, content_type, language, raw_content,
                    cleaned_text, content_sha256, status)
                SELECT 'https://plan-test.example/' || g, 'Plan test', 'Story ' || g, now(), 'PLAIN_TEXT', 'en',
                    'Text ' || g, 'Text ' || g, md5('plan-test-' || g) || md5('plan-test-' || g), 'ACCEPTED'
                FROM generate_series(1, %d) g""".formatted(STORED));
        String randomKeys = LongStream.range(0, ShingleSignature.BANDS)
                .mapToObj(i -> "(random() * 9e18)::bigint").collect(Collectors.joining(", "));
        sql.execute("""
                INSERT INTO story_signature (article_id, minhash, band_keys)
                SELECT id, '\\x00'::bytea, ARRAY[%s] FROM article WHERE url LIKE 'https://plan-test.example/%%'
                """.formatted(randomKeys));
    }
}
