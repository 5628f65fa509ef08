package newsroom.query.events;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import javax.sql.DataSource;
import newsroom.query.ListPlans;
import newsroom.query.TestStore;
import newsroom.query.articles.ArticleMetadata;
import org.junit.jupiter.api.Test;

/**
 * ListEvents reads an entity's events in list order from
 * event_entity_timeline_idx and stops after the page, with or without a type
 * filter: no sort of all the entity's events, whatever their number.
 */
@QuarkusTest
class EventPlanTest {

    /** Events of the one busy entity: enough that sorting them all is dearer than walking the index. */
    private static final int EVENTS = 20_000;

    @Inject
    DataSource dataSource;

    @Inject
    TestStore store;

    @Test
    void anEntitysEventsAreWalkedLatestFirstWithoutASort() throws Exception {
        TestStore.Fixture fixture = store.fixture();
        ListPlans.Rows events = sql -> {
            sql.execute("""
                    INSERT INTO event (id, article_id, type, trigger, published_at, begin_offset, end_offset)
                    SELECT -g, %d, CASE WHEN g %% 50 = 0 THEN 'VISIT' ELSE 'MEET' END, 'met',
                           '2021-01-01T00:00:00Z'::timestamptz + g * interval '1 hour', 0, 10
                    FROM generate_series(1, %d) g""".formatted(fixture.a1(), EVENTS));
            sql.execute("""
                    INSERT INTO event_entity (event_id, entity_id, role, position, event_type, happened_at,
                                              article_id, begin_offset)
                    SELECT e.id, %d, 'ACTOR', 0, e.type, e.published_at, e.article_id, 0
                    FROM event e WHERE e.id < 0""".formatted(fixture.lavrovInstitute()));
        };
        for (String where : new String[] {"ee.entity_id = %d", "ee.entity_id = %d AND ee.event_type = 'VISIT'",
                "ee.entity_id = %d AND ee.happened_at >= '2021-06-01T00:00:00Z'"}) {
            String statement = ListPlans.firstPage(EventQueries.LIST.formatted(ArticleMetadata.COLUMNS,
                    where.formatted(fixture.lavrovInstitute())));

            String plan = ListPlans.explain(dataSource, events, statement);

            assertTrue(ListPlans.pageStopsOnIndex(plan, "event_entity_timeline_idx"), where + ":\n" + plan);
        }
    }
}
