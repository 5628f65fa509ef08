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

    @Inject
    DataSource dataSource;

    @Inject
    TestStore store;

    @Test
    void aFormIsARangeOfItsIndexInListOrder() throws Exception {
        TestStore.Fixture fixture = store.fixture();
        // One quote in a thousand is INDIRECT, one in ten MIXED.
        ListPlans.Rows quotes = HourlyQuotes.of(fixture.a1(),
                "CASE WHEN g % 1000 = 0 THEN 'INDIRECT' WHEN g % 10 = 0 THEN 'MIXED' ELSE 'DIRECT' END");
        for (String form : new String[] {"INDIRECT", "MIXED"}) {
            String statement = ListPlans.firstPage(QuoteQueries.page("quote q",
                    "q.form = '" + form + "'", "q.published_at"));

            String plan = ListPlans.explain(dataSource, quotes, statement);

            assertTrue(ListPlans.pageStopsOnIndex(plan, "quote_form_date_idx"), form + ":\n" + plan);
        }
    }
}
