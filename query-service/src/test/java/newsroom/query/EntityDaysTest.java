package newsroom.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The per-day rollups (entity_day, V5) that timelines and profiles read equal
 * the aggregates of the per-article rows they stand for, after analyses are
 * written, written again with another tone and date, and taken out.
 */
@QuarkusTest
class EntityDaysTest extends StoreFixtureTest {

    private static final String DAYS = """
            SELECT entity_id, day, mention_count, article_count, tone_sum, tone_count
            FROM entity_day ORDER BY entity_id, day""";

    private static final String FROM_ARTICLES = """
            SELECT entity_id, CAST(published_at AT TIME ZONE 'UTC' AS date), sum(mention_count), count(*),
                   coalesce(sum(tone), 0), count(tone)
            FROM entity_article GROUP BY 1, 2 ORDER BY 1, 2""";

    @Test
    void writtenAnalysesAreSummedPerDay() {
        assertDaysEqualArticles();
        // Lavrov: 3 mentions in the first article (7 April), 3 in the second (8 April).
        assertEquals(List.of(LocalDate.parse("2021-04-07"), LocalDate.parse("2021-04-08")), days(fixture.lavrov()));
        Object[] first = day(fixture.lavrov(), "2021-04-07");
        assertEquals(3L, ((Number) first[2]).longValue());
        assertEquals(1L, ((Number) first[3]).longValue());
        assertEquals(TestStore.A1_TONE, ((Number) first[4]).doubleValue(), 1e-9);
    }

    @Test
    void reanalysisMovesAnArticleToItsNewDayAndTone() {
        Instant moved = Instant.parse("2021-04-10T23:30:00Z");
        store.reanalyze(fixture.a1(), -0.75, moved);
        try {
            assertDaysEqualArticles();
            assertEquals(List.of(LocalDate.parse("2021-04-08"), LocalDate.parse("2021-04-10")), days(fixture.lavrov()));
            assertEquals(-0.75, ((Number) day(fixture.lavrov(), "2021-04-10")[4]).doubleValue(), 1e-9);

            // Without a tone, the day counts the article but not its tone.
            store.reanalyze(fixture.a1(), null, moved);
            assertDaysEqualArticles();
            Object[] untoned = day(fixture.lavrov(), "2021-04-10");
            assertEquals(1L, ((Number) untoned[3]).longValue());
            assertEquals(0L, ((Number) untoned[5]).longValue());
        } finally {
            store.reanalyze(fixture.a1(), TestStore.A1_TONE, TestStore.A1_PUBLISHED);
        }
        assertDaysEqualArticles();
    }

    @Test
    void takingAnArticleOutDropsDaysLeftEmpty() {
        long rows = store.count("entity_day");
        store.removeRollups(fixture.a1());
        try {
            assertDaysEqualArticles();
            assertEquals(List.of(LocalDate.parse("2021-04-08")), days(fixture.lavrov()));
            assertTrue(store.count("entity_day") < rows);
        } finally {
            store.addRollups(fixture.a1());
        }
        assertDaysEqualArticles();
        assertEquals(rows, store.count("entity_day"));
    }

    private void assertDaysEqualArticles() {
        List<Object[]> days = store.rows(DAYS);
        List<Object[]> expected = store.rows(FROM_ARTICLES);
        assertFalse(expected.isEmpty());
        assertEquals(expected.size(), days.size(), "one entity_day row per entity and day with articles");
        for (int i = 0; i < expected.size(); i++) {
            Object[] want = expected.get(i);
            Object[] got = days.get(i);
            String row = "entity " + want[0] + " on " + want[1];
            assertEquals(((Number) want[0]).longValue(), ((Number) got[0]).longValue(), row);
            assertEquals(String.valueOf(want[1]), String.valueOf(got[1]), row);
            assertEquals(((Number) want[2]).longValue(), ((Number) got[2]).longValue(), row + ": mentions");
            assertEquals(((Number) want[3]).longValue(), ((Number) got[3]).longValue(), row + ": articles");
            assertEquals(((Number) want[4]).doubleValue(), ((Number) got[4]).doubleValue(), 1e-9, row + ": tone sum");
            assertEquals(((Number) want[5]).longValue(), ((Number) got[5]).longValue(), row + ": toned articles");
        }
    }

    private List<LocalDate> days(long entityId) {
        // Two columns, so each row is an array.
        return store.rows("SELECT day, entity_id FROM entity_day WHERE entity_id = " + entityId + " ORDER BY day")
                .stream().map(row -> toLocalDate(row[0])).toList();
    }

    private Object[] day(long entityId, String day) {
        List<Object[]> rows = store.rows("SELECT entity_id, day, mention_count, article_count, tone_sum, tone_count"
                + " FROM entity_day WHERE entity_id = " + entityId + " AND day = DATE '" + day + "'");
        assertEquals(1, rows.size(), "entity " + entityId + " on " + day);
        return rows.get(0);
    }

    private static LocalDate toLocalDate(Object day) {
        return day instanceof LocalDate date ? date : ((java.sql.Date) day).toLocalDate();
    }
}
