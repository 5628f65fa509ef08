package newsroom.query;

import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Sets PostgreSQL planner settings for the rest of the current transaction
 * ({@code set_config(..., true)}, that is {@code SET LOCAL}), all in one
 * statement. Used where the planner's own choice was measured to be wrong for
 * a statement (docs/query-plans.md); each caller says why.
 */
public final class PlannerSettings {

    /**
     * What a search by words prices reading a page at, in PostgreSQL's cost
     * units (a row costs 0.01): the store is read from memory, where a page
     * costs about what a few rows do, not the default 1 (in order) or 4 (out
     * of order).
     */
    public static final String SEARCH_PAGE_COST = "0.05";

    /**
     * For a statement that finds rows by words (a GIN index on a tsvector) and
     * orders them by date: a plan made for the words searched, since a generic
     * plan (pgjdbc prepares a statement on the server after five uses) cannot
     * tell a common word, best found by walking the date index, from a rare
     * one, best read from the GIN index; and pages priced at
     * {@link #SEARCH_PAGE_COST}. By default a page costs a hundred times a
     * row, so walking rows that share pages (the tables are in date order)
     * looked ten times cheaper than reading matches that each sit on their
     * own page, while both cost about a microsecond a row. With the default
     * prices a word the statistics do not know (estimated at 0.5% of the rows)
     * was walked for: at 1,000,000 articles a word in no article walked them
     * all, 1.2 to 1.6 s, instead of reading its GIN entry, 0.1 ms
     * (BENCHMARKS.md, "Pages priced for memory; 1,000,000 articles").
     */
    public static final Map<String, String> WORD_SEARCH = Map.of(
            "plan_cache_mode", "force_custom_plan",
            "seq_page_cost", SEARCH_PAGE_COST, "random_page_cost", SEARCH_PAGE_COST);

    private PlannerSettings() {
    }

    /** Sets each setting to its value until the transaction ends. */
    public static void setLocal(EntityManager entityManager, Map<String, String> settings) {
        List<String> calls = new ArrayList<>();
        for (int i = 0; i < settings.size(); i++) {
            calls.add("set_config(:name" + i + ", :value" + i + ", true)");
        }
        Query query = entityManager.createNativeQuery("SELECT " + String.join(", ", calls));
        int i = 0;
        for (Map.Entry<String, String> setting : settings.entrySet()) {
            query.setParameter("name" + i, setting.getKey()).setParameter("value" + i, setting.getValue());
            i++;
        }
        query.getSingleResult();
    }
}
