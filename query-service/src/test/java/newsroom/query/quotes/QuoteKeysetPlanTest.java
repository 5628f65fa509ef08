package newsroom.query.quotes;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import newsroom.query.ListPlans;
import newsroom.query.TestStore;
import org.junit.jupiter.api.Test;

/**
 * A deep page of ListQuotes is a seek: the statement after a key reads
 * quote_date_idx from the key's date on (an index condition, not a walk of
 * every newer quote) and stops after the page.
 */
@QuarkusTest
class QuoteKeysetPlanTest {

    @Inject
    DataSource dataSource;

    @Inject
    TestStore store;

    @Test
    void thePageAfterAKeySeeksIntoTheDateIndex() throws Exception {
        TestStore.Fixture fixture = store.fixture();
        ListPlans.Rows quotes = HourlyQuotes.of(fixture.a1(), "'DIRECT'");
        // After the 15,000th newest quote's key.
        String after = QuoteQueries.AFTER_KEY.formatted("q.published_at")
                .replace(":afterTime", "'2021-08-23T08:00:00Z'::timestamptz")
                .replace(":afterArticle", Long.toString(fixture.a1()))
                .replace(":afterBegin", "0")
                .replace(":afterId", "1");
        String statement = ListPlans.firstPage(QuoteQueries.page("quote q", after,
                "q.published_at"));

        String plan = ListPlans.explain(dataSource, quotes, statement);

        assertTrue(ListPlans.pageStopsOnIndex(plan, "quote_date_idx"), plan);
        assertTrue(plan.contains("Index Cond: (published_at <= "), plan);
    }
}
