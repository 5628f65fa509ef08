package newsroom.query.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import newsroom.query.TestStore;
import newsroom.query.v1.CoMention;
import newsroom.query.v1.GetCoMentionsResponse;
import newsroom.query.v1.GetEntityResponse;
import newsroom.query.v1.GetEntityTimelineResponse;
import newsroom.query.v1.GlobalEntity;
import newsroom.query.v1.ListEventsResponse;
import newsroom.query.v1.SearchEntitiesResponse;
import org.junit.jupiter.api.Test;

/** GET /api/v1/entities, its {entity_id}, timeline and comentions, and /api/v1/events. */
@QuarkusTest
class EntitiesApiTest extends JsonApiTest {

    @Test
    void entitiesAreFoundByNameAndTypeByName() {
        SearchEntitiesResponse found = api.getJson("/api/v1/entities?q=lavrov&type=person",
                SearchEntitiesResponse.getDefaultInstance());
        assertEquals(List.of(fixture.lavrov()), found.getEntitiesList().stream().map(GlobalEntity::getId).toList());
        api.getError("/api/v1/entities?q=lavrov&type=alien", 400, Status.Code.INVALID_ARGUMENT,
                "type must be one of PERSON");
    }

    @Test
    void anEntityIsItsProfile() {
        GetEntityResponse entity = api.getJson("/api/v1/entities/" + fixture.lavrov(), GetEntityResponse.getDefaultInstance());
        assertEquals("Sergey Lavrov", entity.getEntity().getName());
        assertTrue(entity.getTopCoMentionsList().stream().anyMatch(c -> c.getEntity().getId() == fixture.qureshi()));
        api.getError("/api/v1/entities/987654321", 404, Status.Code.NOT_FOUND, "entity 987654321");
    }

    @Test
    void theTimelineTakesByAsItsGranularity() {
        GetEntityTimelineResponse days = api.getJson("/api/v1/entities/" + fixture.lavrov() + "/timeline?by=day",
                GetEntityTimelineResponse.getDefaultInstance());
        assertEquals(2, days.getBucketsCount(), days.toString());
        assertEquals(TestStore.A1_PUBLISHED.getEpochSecond() - 9 * 3600, days.getBuckets(0).getStartTime().getSeconds());
        GetEntityTimelineResponse months = api.getJson("/api/v1/entities/" + fixture.lavrov()
                + "/timeline?granularity=MONTH", GetEntityTimelineResponse.getDefaultInstance());
        assertEquals(1, months.getBucketsCount(), months.toString());
        api.getError("/api/v1/entities/" + fixture.lavrov() + "/timeline?by=fortnight", 400, Status.Code.INVALID_ARGUMENT,
                "by must be one of DAY, WEEK, MONTH (any case), was \"fortnight\"");
        // Without a granularity the service itself refuses, as over gRPC.
        api.getError("/api/v1/entities/" + fixture.lavrov() + "/timeline", 400, Status.Code.INVALID_ARGUMENT,
                "granularity");

        List<String> csv = api.getCsv("/api/v1/entities/" + fixture.lavrov() + "/timeline?by=day&format=csv");
        assertTrue(csv.get(0).startsWith("start_time,mention_count,article_count,average_tone,toned_article_count"),
                csv.get(0));
        assertEquals(3, csv.size(), String.join("\n", csv));
        assertTrue(csv.get(1).startsWith("2021-04-07T00:00:00Z,"), csv.get(1));
    }

    @Test
    void coMentionsPageAsOverGrpc() {
        GetCoMentionsResponse first = api.getJson("/api/v1/entities/" + fixture.lavrov() + "/comentions?limit=1",
                GetCoMentionsResponse.getDefaultInstance());
        assertEquals(1, first.getCoMentionsCount());
        GetCoMentionsResponse all = api.getJson("/api/v1/entities/" + fixture.lavrov() + "/comentions",
                GetCoMentionsResponse.getDefaultInstance());
        assertTrue(all.getCoMentionsList().stream().map(CoMention::getEntity).anyMatch(e -> e.getId() == fixture.qureshi()));
        List<String> csv = api.getCsv("/api/v1/entities/" + fixture.lavrov() + "/comentions?format=csv");
        assertEquals("entity.id,entity.name,entity.type,shared_article_count,weight", csv.get(0));
        assertEquals(all.getCoMentionsCount(), csv.size() - 1, String.join("\n", csv));
    }

    @Test
    void eventsTakeTheirEntityAsAParameter() {
        ListEventsResponse events = api.getJson("/api/v1/events?entity_id=" + fixture.lavrov(),
                ListEventsResponse.getDefaultInstance());
        assertTrue(events.getEventsCount() > 0, events.toString());
        List<String> csv = api.getCsv("/api/v1/events?entity_id=" + fixture.lavrov() + "&format=csv");
        assertTrue(csv.get(0).startsWith("type,trigger,actors.id,actors.name,actors.type,participants.id,"), csv.get(0));
        assertEquals(events.getEventsCount(), csv.size() - 1, String.join("\n", csv));
    }
}
