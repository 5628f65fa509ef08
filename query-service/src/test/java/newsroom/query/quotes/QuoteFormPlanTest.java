package newsroom.query.quotes;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import newsroom.query.ListPlans;
import newsroom.query.TestStore;
import org.junit.jupiter.api.Test;

/**
 * ListQuotes by form reads quote_form_date_idx (V11) newest first and stops
 * after the page, for a form most quotes have and for one few have (every
 * quote of a store not yet analysed again is DIRECT): no walk of every quote,
 * no sort of all the form's quotes.
 */
@QuarkusTest
class QuoteFormPlanTest {

    /** Quotes written for the check: enough that reading them all is dearer than walking an index. */
    private static final int QUOTES = 20_000;

    @Inject
    DataSource dataSource;

    @Inject
    TestStore store;

    @Test
    void aFormIsARangeOfItsIndexInListOrder() throws Exception {
        TestStore.Fixture fixture = store.fixture();
        // One quote in a thousand is INDIRECT, one in ten MIXED.
        ListPlans.Rows quotes = sql -> sql.execute("""
                SELECT create_month_partitions(CAST(m AS date))
                FROM generate_series(timestamp '2021-01-01', timestamp '2023-04-01', interval '1 month') m;
                INSERT INTO quote (article_id, text, begin_offset, end_offset, published_at, form)
                SELECT %d, 'words ' || g, 0, 5, '2021-01-01T00:00:00Z'::timestamptz + g * interval '1 hour',
                       CASE WHEN g %% 1000 = 0 THEN 'INDIRECT' WHEN g %% 10 = 0 THEN 'MIXED' ELSE 'DIRECT' END
                FROM generate_series(1, %d) g""".formatted(fixture.a1(), QUOTES));
        for (String form : new String[] {"INDIRECT", "MIXED"}) {
            String statement = ListPlans.firstPage(QuoteQueries.page("quote q",
                    "q.form = '" + form + "'", "q.published_at"));

            String plan = ListPlans.explain(dataSource, quotes, statement);

            assertTrue(ListPlans.pageStopsOnIndex(plan, "quote_form_date_idx"), form + ":\n" + plan);
        }
    }
}
