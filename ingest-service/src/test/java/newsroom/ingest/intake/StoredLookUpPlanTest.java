package newsroom.ingest.intake;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import javax.sql.DataSource;
import newsroom.ingest.PlanChecks;
import org.junit.jupiter.api.Test;

/**
 * Intake's look-up of stored articles by URL and by content goes through the unique indexes
 * even when {@code article} was small when last analysed, in custom and generic plans: the
 * form {@code url = ANY (urls) OR content_sha256 = ANY (shas)} was then planned as a scan of
 * the whole table, which a bulk load made slower with every article it added.
 */
@QuarkusTest
class StoredLookUpPlanTest {

    /** As many as intake's benchmark starts from (a seq scan is cheaper on a table of a few pages). */
    private static final int STORED = 1_000;
    /** A bulk group: 128 articles. */
    private static final int BATCH = 128;

    @Inject
    DataSource dataSource;

    @Test
    void urlsAndContentsAreLookedUpThroughTheirIndexesOnATableAnalyzedSmall() throws Exception {
        PlanChecks.check(dataSource, "stored", sql -> {
            sql.execute("""
                    INSERT INTO article (url, source, title, published_at, content_type, language, raw_content,
                        cleaned_text, content_sha256, status)
                    SELECT 'https://plan-test.example/' || g, 'Plan test', 'Story ' || g, now(), 'PLAIN_TEXT',
                        'en', 'Text ' || g, 'Text ' || g, md5('plan-test-' || g) || md5('plan-test-' || g),
                        'ACCEPTED'
                    FROM generate_series(1, %d) g""".formatted(STORED));
            sql.execute("ANALYZE article");
            sql.execute("PREPARE stored(text[], text[], int, bigint[]) AS "
                    + PlanChecks.numbered(ArticleBatchStore.LOOK_UP));
            String urls = array(IntStream.rangeClosed(1, BATCH).mapToObj(i -> "https://plan-test.example/" + i));
            String shas = array(IntStream.rangeClosed(1, BATCH).mapToObj(i -> "%064x".formatted(i)));
            for (String mode : new String[] {"force_custom_plan", "force_generic_plan"}) {
                sql.execute("SET LOCAL plan_cache_mode = " + mode);
                String plan = PlanChecks.of(sql, "EXPLAIN EXECUTE stored(" + urls + ", " + shas + ", 1, '{}')");
                assertTrue(plan.contains("article_url_key"), mode + ":\n" + plan);
                assertTrue(plan.contains("article_content_key"), mode + ":\n" + plan);
                assertFalse(plan.contains("Seq Scan on article"), mode + ":\n" + plan);
            }
        });
    }

    private static String array(Stream<String> values) {
        return values.map(value -> "\"" + value + "\"").collect(Collectors.joining(",", "'{", "}'"));
    }
}
