package newsroom.query;

import static newsroom.query.GrpcAssertions.assertFailsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import newsroom.nlp.v1.Entity;
import newsroom.nlp.v1.Event;
import newsroom.query.v1.EntityRef;
import newsroom.query.v1.EventRecord;
import newsroom.query.v1.ListEventsRequest;
import newsroom.query.v1.ListEventsResponse;
import newsroom.query.v1.QueryServiceGrpc;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/**
 * ListEvents over the fixture's five events: in the first article Pakistan
 * agreed (dated the day of publication) and Lavrov met Qureshi (undated); in
 * the second Lavrov visited and met Erdoğan (dated the day of publication),
 * and Erdoğan and Qureshi discussed the pipeline in Pakistan (dated a month
 * earlier).
 */
@QuarkusTest
class EventsTest extends StoreFixtureTest {

    private static final Instant A1_DAY = Instant.parse("2021-04-07T00:00:00Z");
    private static final Instant A2_DAY = Instant.parse("2021-04-08T00:00:00Z");
    private static final Instant MARCH = Instant.parse("2021-03-01T00:00:00Z");

    @GrpcClient("query")
    QueryServiceGrpc.QueryServiceBlockingStub query;

    @Inject
    EntityManagerFactory entityManagerFactory;

    @Test
    void anEntitysEventsComeLatestFirstWithWhoTookPart() {
        ListEventsResponse response = query.listEvents(request(fixture.lavrov()).build());

        assertEquals(List.of("VISIT arrived " + A2_DAY, "MEET met " + A2_DAY, "MEET met " + TestStore.A1_PUBLISHED),
                summaries(response));
        assertEquals("", response.getNextPageToken());
        EventRecord met = response.getEvents(1);
        assertEquals(List.of(ref(fixture.lavrov(), "Sergey Lavrov", Entity.Type.PERSON)), met.getActorsList());
        assertEquals(List.of(ref(fixture.erdogan(), "Recep Tayyip Erdoğan", Entity.Type.PERSON)),
                met.getParticipantsList());
        assertEquals("2021-04-08", met.getDate());
        assertFalse(met.hasLocation());
        assertEquals(fixture.a2(), met.getArticle().getId());
        assertEquals("Lavrov visits Ankara", met.getArticle().getTitle());
        assertEquals(TestStore.A2_PUBLISHED.getEpochSecond(), met.getArticle().getPublishedTime().getSeconds());
        assertEquals("Sergei Lavrov arrived in Ankara on Thursday, where he met Recep Tayyip Erdoğan.",
                TestStore.A2_TEXT.substring(met.getBegin(), met.getEnd()));
        // Undated: placed at its article's publication, its date left empty.
        EventRecord undated = response.getEvents(2);
        assertEquals("", undated.getDate());
        assertEquals(fixture.a1(), undated.getArticle().getId());
        assertEquals(List.of(fixture.qureshi()), ids(undated.getParticipantsList()));
    }

    @Test
    void anEntityTakesPartAsAnActorOrAParticipantButNotAsTheLocation() {
        ListEventsResponse erdogan = query.listEvents(request(fixture.erdogan()).build());
        assertEquals(List.of("MEET met " + A2_DAY, "DISCUSS discussed " + MARCH), summaries(erdogan));
        EventRecord discussed = erdogan.getEvents(1);
        assertEquals(List.of(fixture.erdogan(), fixture.qureshi()), ids(discussed.getActorsList()));
        assertEquals(List.of(), discussed.getParticipantsList());
        assertEquals(ref(fixture.pakistan(), "Pakistan", Entity.Type.GPE), discussed.getLocation());
        assertEquals("the pipeline", discussed.getTopic());
        assertEquals("2021-03", discussed.getDate());
        assertEquals(fixture.a2(), discussed.getArticle().getId());

        // A participant of the first article's meeting and an actor of the discussion.
        assertEquals(List.of("MEET met " + TestStore.A1_PUBLISHED, "DISCUSS discussed " + MARCH),
                summaries(query.listEvents(request(fixture.qureshi()).build())));
        // Pakistan agreed; that the discussion took place in Pakistan does not make it Pakistan's event.
        assertEquals(List.of("AGREE agreed " + A1_DAY),
                summaries(query.listEvents(request(fixture.pakistan()).build())));
        assertEquals(List.of(), query.listEvents(request(fixture.lavrovInstitute()).build()).getEventsList());
    }

    @Test
    void typeFiltersTheEvents() {
        assertEquals(List.of("MEET met " + A2_DAY, "MEET met " + TestStore.A1_PUBLISHED),
                summaries(query.listEvents(request(fixture.lavrov()).setType(Event.Type.MEET).build())));
        assertEquals(List.of("VISIT arrived " + A2_DAY),
                summaries(query.listEvents(request(fixture.lavrov()).setType(Event.Type.VISIT).build())));
        assertEquals(List.of(),
                summaries(query.listEvents(request(fixture.lavrov()).setType(Event.Type.CRITICIZE).build())));
    }

    @Test
    void aPeriodFiltersOnTheEventsDateNotItsArticles() {
        // The discussion is dated March; its article was published on 8 April.
        assertEquals(List.of("DISCUSS discussed " + MARCH), summaries(query.listEvents(request(fixture.erdogan())
                .setStartTime(CoverageTest.timestamp("2021-03-01T00:00:00Z"))
                .setEndTime(CoverageTest.timestamp("2021-04-01T00:00:00Z")).build())));
        assertEquals(List.of("MEET met " + A2_DAY), summaries(query.listEvents(request(fixture.erdogan())
                .setStartTime(CoverageTest.timestamp("2021-04-08T00:00:00Z"))
                .setEndTime(CoverageTest.timestamp("2021-04-09T00:00:00Z")).build())));
        // Dated 7 April: at midnight, before its article's publication at 09:00.
        assertEquals(List.of("AGREE agreed " + A1_DAY), summaries(query.listEvents(request(fixture.pakistan())
                .setEndTime(CoverageTest.timestamp("2021-04-07T09:00:00Z")).build())));
        // Undated: at its article's publication.
        assertEquals(List.of("MEET met " + TestStore.A1_PUBLISHED), summaries(query.listEvents(
                request(fixture.lavrov()).setStartTime(CoverageTest.timestamp("2021-04-07T09:00:00Z"))
                        .setEndTime(CoverageTest.timestamp("2021-04-07T09:00:01Z")).build())));
        assertEquals(List.of("MEET met " + A2_DAY), summaries(query.listEvents(request(fixture.lavrov())
                .setType(Event.Type.MEET).setStartTime(CoverageTest.timestamp("2021-04-08T00:00:00Z")).build())));
    }

    @Test
    void pagingReturnsEveryEventOnceInOrder() {
        List<String> all = summaries(query.listEvents(request(fixture.lavrov()).build()));
        List<String> paged = new ArrayList<>();
        List<ListEventsResponse> pages = PageWalk.pages(token -> query.listEvents(request(fixture.lavrov())
                .setPageSize(1).setPageToken(token).build()), ListEventsResponse::getNextPageToken);
        for (ListEventsResponse page : pages) {
            assertEquals(1, page.getEventsCount());
            paged.addAll(summaries(page));
        }

        assertEquals(3, pages.size());
        assertEquals(all, paged);
        String second = query.listEvents(request(fixture.lavrov()).setPageSize(2).build()).getNextPageToken();
        assertEquals(List.of("MEET met " + TestStore.A1_PUBLISHED), summaries(query.listEvents(
                request(fixture.lavrov()).setPageSize(2).setPageToken(second).build())));
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "page_token: was issued for a different query",
                () -> query.listEvents(request(fixture.erdogan()).setPageToken(second).build()));
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "page_token: was issued for a different query",
                () -> query.listEvents(request(fixture.lavrov()).setType(Event.Type.MEET).setPageToken(second)
                        .build()));
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "page_token: is not a token this service issued",
                () -> query.listEvents(request(fixture.lavrov()).setPageToken("AAAA").build()));
    }

    @Test
    void anUnknownEntityIsNotFound() {
        assertFailsWith(Status.Code.NOT_FOUND, "entity 987654321 does not exist",
                () -> query.listEvents(request(987_654_321L).build()));
        assertFailsWith(Status.Code.NOT_FOUND, "entity 987654321 does not exist",
                () -> query.listEvents(request(987_654_321L).setType(Event.Type.MEET).build()));
    }

    @Test
    void badRequestsNameTheField() {
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "entity_id: must be positive",
                () -> query.listEvents(request(0).build()));
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "entity_id: must be positive",
                () -> query.listEvents(request(-4).build()));
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "type: must be MEET, VISIT, DISCUSS, AGREE, CRITICIZE, ANNOUNCE",
                () -> query.listEvents(request(fixture.lavrov()).setTypeValue(99).build()));
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "end_time: must be after start_time",
                () -> query.listEvents(request(fixture.lavrov())
                        .setStartTime(CoverageTest.timestamp("2021-04-08T00:00:00Z"))
                        .setEndTime(CoverageTest.timestamp("2021-04-08T00:00:00Z")).build()));
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "page_size: must not be negative",
                () -> query.listEvents(request(fixture.lavrov()).setPageSize(-1).build()));
    }

    @Test
    void aPageCostsTheSameTwoStatementsWhateverItsSize() {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();

        statistics.clear();
        assertEquals(1, query.listEvents(request(fixture.lavrov()).setPageSize(1).build()).getEventsCount());
        long forOne = statistics.getPrepareStatementCount();
        statistics.clear();
        assertEquals(3, query.listEvents(request(fixture.lavrov()).build()).getEventsCount());
        long forAll = statistics.getPrepareStatementCount();

        // The page's statement after the one that gives it the searches' statement_timeout.
        assertEquals(2, forOne);
        assertEquals(2, forAll);
    }

    private static ListEventsRequest.Builder request(long entityId) {
        return ListEventsRequest.newBuilder().setEntityId(entityId);
    }

    private static EntityRef ref(long id, String name, Entity.Type type) {
        return EntityRef.newBuilder().setId(id).setName(name).setType(type).build();
    }

    private static List<Long> ids(List<EntityRef> entities) {
        return entities.stream().map(EntityRef::getId).toList();
    }

    /** Each event as "TYPE trigger time". */
    private static List<String> summaries(ListEventsResponse response) {
        List<String> summaries = new ArrayList<>();
        for (EventRecord event : response.getEventsList()) {
            assertTrue(event.getActorsCount() > 0, event.toString());
            summaries.add(event.getType() + " " + event.getTrigger() + " "
                    + Instant.ofEpochSecond(event.getEventTime().getSeconds(), event.getEventTime().getNanos()));
        }
        return summaries;
    }
}
