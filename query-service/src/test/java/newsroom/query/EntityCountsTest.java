package newsroom.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Every entity's article and quote counts (entity.article_count and
 * quote_count, V8), which profiles read instead of counting, equal the rows
 * they stand for after analyses are written, written again with quotes
 * attributed otherwise, and taken out.
 */
@QuarkusTest
class EntityCountsTest extends StoreFixtureTest {

    // The counts kept and counted from the rows, per entity; quotes of one article may be left
    // out (its rollups taken out while its quote rows stay). Only numbers are formatted in.
    private static final String COUNTS = """
            SELECT e.id, e.article_count, e.quote_count,
                   (SELECT count(*) FROM entity_article ea WHERE ea.entity_id = e.id),
                   (SELECT count(*) FROM quote q WHERE q.speaker_entity_id = e.id AND q.article_id <> %d)
            FROM entity e ORDER BY e.id""";

    @Test
    void writtenAnalysesAreCounted() {
        assertCountsEqualRows();
        // Lavrov is in both articles and says two quotes in the first, one in the second.
        assertCounts(fixture.lavrov(), 2, 3);
        assertCounts(fixture.qureshi(), 2, 3);
        assertCounts(fixture.pakistan(), 2, 0);
        // Erdoğan's two quotes are reported speech, counted as every quote is.
        assertCounts(fixture.erdogan(), 1, 2);
        // Each filler's keeper says all of its quotes.
        assertCounts(fixture.keepers().get(0), 2, 2 * TestStore.QUOTES_PER_FILLER);
    }

    @Test
    void reanalysisWithFewerQuotesBySpeakerLowersTheirCount() {
        List<Long> lavrovsQuotes = store.rows("SELECT id, speaker_entity_id FROM quote WHERE article_id = "
                + fixture.a1() + " AND speaker_entity_id = " + fixture.lavrov()).stream()
                .map(row -> ((Number) row[0]).longValue()).toList();
        assertEquals(2, lavrovsQuotes.size());
        store.reanalyzeQuotes(fixture.a1(), lavrovsQuotes, null);
        try {
            assertCountsEqualRows();
            assertCounts(fixture.lavrov(), 2, 1);

            // The same quotes now said by Qureshi, who is also in the article.
            store.reanalyzeQuotes(fixture.a1(), lavrovsQuotes, fixture.qureshi());
            assertCountsEqualRows();
            assertCounts(fixture.lavrov(), 2, 1);
            assertCounts(fixture.qureshi(), 2, 5);
        } finally {
            store.reanalyzeQuotes(fixture.a1(), lavrovsQuotes, fixture.lavrov());
        }
        assertCountsEqualRows();
        assertCounts(fixture.lavrov(), 2, 3);
        assertCounts(fixture.qureshi(), 2, 3);
    }

    @Test
    void takingAnArticleOutUncountsItsArticleAndQuotes() {
        store.removeRollups(fixture.a1());
        try {
            assertCountsEqualRowsWithout(fixture.a1());
            assertCounts(fixture.lavrov(), 1, 1);
            assertCounts(fixture.pakistan(), 1, 0);
        } finally {
            store.addRollups(fixture.a1());
        }
        assertCountsEqualRows();
        assertCounts(fixture.lavrov(), 2, 3);
    }

    private void assertCountsEqualRows() {
        assertCountsEqualRowsWithout(0);
    }

    private void assertCountsEqualRowsWithout(long leftOutArticle) {
        List<Object[]> rows = store.rows(COUNTS.formatted(leftOutArticle));
        assertFalse(rows.isEmpty());
        for (Object[] row : rows) {
            String entity = "entity " + row[0];
            assertEquals(((Number) row[3]).longValue(), ((Number) row[1]).longValue(), entity + ": articles");
            assertEquals(((Number) row[4]).longValue(), ((Number) row[2]).longValue(), entity + ": quotes");
        }
    }

    private void assertCounts(long entityId, long articles, long quotes) {
        Object[] row = store.rows("SELECT article_count, quote_count FROM entity WHERE id = " + entityId).get(0);
        assertEquals(articles, ((Number) row[0]).longValue(), "entity " + entityId + ": articles");
        assertEquals(quotes, ((Number) row[1]).longValue(), "entity " + entityId + ": quotes");
    }
}
