package newsroom.bench.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The query benchmark binds every parameter of the service's statements it runs (read from
 * query-service's classes as they are now), so a parameter the service adds fails here rather
 * than in the middle of a run.
 */
class ServiceStatementsTest {

    private static final String[] ENTITY_SEARCH_ARGUMENTS = {"search_key", "only_type", "skip_rows", "max_rows"};

    @Test
    void everyPlanHasAValueForEachOfItsParameters() throws IOException {
        QueryPlans.Choices choices = new QueryPlans.Choices(1, "lavrof", 2, "talks", "peace", 3);

        for (QueryPlans.Plan plan : QueryPlans.plans(choices, entitySearch())) {
            Set<String> names = new HashSet<>(new NamedStatement(plan.sql()).names());
            names.removeAll(plan.values().keySet());
            assertTrue(names.isEmpty(), plan.title() + " has no value for " + names);
        }
    }

    @Test
    void theEntitySearchFunctionsStatementTakesItsArgumentsAsParameters() throws IOException {
        assertEquals(Set.of(ENTITY_SEARCH_ARGUMENTS), new HashSet<>(new NamedStatement(entitySearch().sql()).names()));
    }

    @Test
    void everyParameterOfTheServicesStatementsInTheBaselineIsFixedOrDrawn() {
        int service = 0;
        for (Baseline.Statement statement : Baseline.statements()) {
            NamedStatement sql = new NamedStatement(statement.sql());
            if (!sql.isNamed()) {
                continue;
            }
            service++;
            Set<String> names = new HashSet<>(sql.names());
            names.removeAll(statement.fixed().keySet());
            names.removeAll(statement.draw().names());
            assertTrue(names.isEmpty(), statement.label() + " has no value for " + names);
        }
        assertEquals(6, service, "the service's statements among the baseline's");
    }

    // The function as its migration writes it: the body between the dollar quotes.
    private static QueryPlans.StoredFunction entitySearch() throws IOException {
        try (InputStream migration = ServiceStatementsTest.class.getClassLoader()
                .getResourceAsStream("db/migration/V7__entity_search_function.sql")) {
            assertNotNull(migration, "the store's V7 migration on the class path");
            String text = new String(migration.readAllBytes(), StandardCharsets.UTF_8);
            String body = text.substring(text.indexOf("$$") + 2, text.lastIndexOf("$$"));
            return QueryPlans.StoredFunction.of(body, ENTITY_SEARCH_ARGUMENTS, new String[] {"enable_seqscan=off"});
        }
    }
}
