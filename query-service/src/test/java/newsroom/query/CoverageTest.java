package newsroom.query;

import static newsroom.query.GrpcAssertions.assertFailsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManagerFactory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import newsroom.query.v1.CoMention;
import newsroom.query.v1.GetCoMentionsRequest;
import newsroom.query.v1.GetCoMentionsResponse;
import newsroom.query.v1.GetEntityTimelineRequest;
import newsroom.query.v1.GetEntityTimelineResponse;
import newsroom.query.v1.QueryServiceGrpc;
import newsroom.query.v1.TimelineBucket;
import newsroom.query.v1.TimelineGranularity;
import org.hibernate.SessionFactory;
import org.hibernate.stat.Statistics;
import org.junit.jupiter.api.Test;

/** GetCoMentions and GetEntityTimeline: who is mentioned with whom, and when. */
@QuarkusTest
class CoverageTest extends StoreFixtureTest {

    @GrpcClient("query")
    QueryServiceGrpc.QueryServiceBlockingStub query;

    @Inject
    EntityManagerFactory entityManagerFactory;

    @Test
    void coMentionsComeMostSharedFirstWithWeights() {
        GetCoMentionsResponse response = coMentions(fixture.pakistan(), 0, "");

        assertEquals("Pakistan", response.getEntity().getName());
        assertEquals(2, response.getArticleCount());
        // Lavrov and Qureshi share both of Pakistan's articles; Erdoğan and the institute one.
        assertEquals(List.of(fixture.lavrov(), fixture.qureshi(), fixture.erdogan(), fixture.lavrovInstitute()),
                otherIds(response.getCoMentionsList()));
        assertEquals(List.of(2L, 2L, 1L, 1L),
                response.getCoMentionsList().stream().map(CoMention::getSharedArticleCount).toList());
        assertEquals(1.0, response.getCoMentions(0).getWeight(), 1e-9);
        assertEquals(0.5, response.getCoMentions(2).getWeight(), 1e-9);
        assertEquals("", response.getNextPageToken());
    }

    @Test
    void coMentionsPageInTheSameOrder() {
        List<CoMention> all = new ArrayList<>();
        for (GetCoMentionsResponse page : PageWalk.pages(token -> coMentions(fixture.lavrov(), 1, token),
                GetCoMentionsResponse::getNextPageToken)) {
            assertTrue(page.getCoMentionsCount() <= 1);
            all.addAll(page.getCoMentionsList());
        }

        assertEquals(otherIds(coMentions(fixture.lavrov(), 100, "").getCoMentionsList()), otherIds(all));
        assertEquals(4, all.size());
    }

    @Test
    void entityMentionedAloneHasNoCoMentions() {
        GetCoMentionsResponse response = coMentions(fixture.keepers().get(0), 0, "");

        assertEquals(0, response.getCoMentionsCount());
        assertEquals(2, response.getArticleCount());
    }

    @Test
    void coMentionErrors() {
        assertFailsWith(Status.Code.NOT_FOUND, "entity 987654321 does not exist",
                () -> coMentions(987_654_321L, 0, ""));
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "entity_id: must be positive", () -> coMentions(0, 0, ""));
        String token = coMentions(fixture.lavrov(), 1, "").getNextPageToken();
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "page_token: was issued for a different query",
                () -> coMentions(fixture.pakistan(), 1, token));
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "page_token: is not a token this service issued",
                () -> coMentions(fixture.lavrov(), 1, "' OR 1=1 --"));
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "page_size: must not be negative",
                () -> coMentions(fixture.lavrov(), -1, ""));
    }

    @Test
    void timelineByDayWeekAndMonth() {
        List<TimelineBucket> days = timeline(fixture.lavrov(), TimelineGranularity.DAY).getBucketsList();
        assertEquals(List.of(Instant.parse("2021-04-07T00:00:00Z"), Instant.parse("2021-04-08T00:00:00Z")), starts(days));
        assertEquals(3, days.get(0).getMentionCount());
        assertEquals(1, days.get(0).getArticleCount());
        assertEquals(TestStore.A1_TONE, days.get(0).getAverageTone(), 1e-9);
        assertEquals(TestStore.A2_TONE, days.get(1).getAverageTone(), 1e-9);

        // 2021-04-07 is a Wednesday: its ISO week starts on Monday the 5th.
        List<TimelineBucket> weeks = timeline(fixture.lavrov(), TimelineGranularity.WEEK).getBucketsList();
        assertEquals(List.of(Instant.parse("2021-04-05T00:00:00Z")), starts(weeks));
        assertEquals(6, weeks.get(0).getMentionCount());
        assertEquals(2, weeks.get(0).getArticleCount());

        List<TimelineBucket> months = timeline(fixture.lavrov(), TimelineGranularity.MONTH).getBucketsList();
        assertEquals(List.of(Instant.parse("2021-04-01T00:00:00Z")), starts(months));
        assertEquals((TestStore.A1_TONE + TestStore.A2_TONE) / 2, months.get(0).getAverageTone(), 1e-9);
    }

    @Test
    void bucketsCountAllTheArticlesOfTheirPeriod() {
        // Keeper 3 is in fillers 3 and 28; the 30 fillers are published one a day, 2020-01-02 to 2020-01-31.
        long keeper = fixture.keepers().get(2);
        List<TimelineBucket> months = timeline(keeper, TimelineGranularity.MONTH).getBucketsList();
        assertEquals(2, months.get(0).getArticleCount());
        assertEquals(TestStore.FILLER_ARTICLES, months.get(0).getAllArticleCount());
        assertEquals(List.of(1L, 1L), timeline(keeper, TimelineGranularity.DAY).getBucketsList().stream()
                .map(TimelineBucket::getAllArticleCount).toList());
        // 2020-01-27 is a Monday: its week holds fillers 26 to 30 (Sunday 2020-02-02 has none).
        List<TimelineBucket> weeks = timeline(keeper, TimelineGranularity.WEEK).getBucketsList();
        assertEquals(Instant.parse("2020-01-27T00:00:00Z"), starts(weeks).get(1));
        assertEquals(5, weeks.get(1).getAllArticleCount());

        // The week of Lavrov's two articles also holds the article still queued for analysis (2021-04-09),
        // which searches do not see yet, and neither does the count.
        assertEquals(2, timeline(fixture.lavrov(), TimelineGranularity.WEEK).getBuckets(0).getAllArticleCount());
        // Within a requested range, only the range's part of a period counts.
        List<TimelineBucket> ranged = query.getEntityTimeline(GetEntityTimelineRequest.newBuilder()
                .setEntityId(fixture.lavrov()).setGranularity(TimelineGranularity.WEEK)
                .setStartTime(timestamp("2021-04-07T10:00:00Z")).build()).getBucketsList();
        assertEquals(1, ranged.get(0).getArticleCount());
        assertEquals(1, ranged.get(0).getAllArticleCount());
    }

    @Test
    void aTimelinePageCostsAFixedNumberOfStatements() {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();

        statistics.clear();
        assertEquals(1, query.getEntityTimeline(GetEntityTimelineRequest.newBuilder().setEntityId(fixture.lavrov())
                .setGranularity(TimelineGranularity.DAY).setPageSize(1).build()).getBucketsCount());
        long forOne = statistics.getPrepareStatementCount();
        statistics.clear();
        assertEquals(2, timeline(fixture.lavrov(), TimelineGranularity.DAY).getBucketsCount());
        long forAll = statistics.getPrepareStatementCount();

        assertTrue(forOne > 0, "statistics count statements");
        assertEquals(forOne, forAll);
    }

    @Test
    void timelineRangeAndPaging() {
        // Keeper 3 is in fillers 3 and 28: 2020-01-04 and 2020-01-29.
        long keeper = fixture.keepers().get(2);
        GetEntityTimelineResponse first = query.getEntityTimeline(GetEntityTimelineRequest.newBuilder()
                .setEntityId(keeper).setGranularity(TimelineGranularity.DAY).setPageSize(1).build());
        assertEquals(List.of(Instant.parse("2020-01-04T00:00:00Z")), starts(first.getBucketsList()));
        assertEquals(TestStore.fillerTone(3), first.getBuckets(0).getAverageTone(), 1e-9);
        assertFalse(first.getNextPageToken().isEmpty());
        GetEntityTimelineResponse second = query.getEntityTimeline(GetEntityTimelineRequest.newBuilder()
                .setEntityId(keeper).setGranularity(TimelineGranularity.DAY).setPageSize(1)
                .setPageToken(first.getNextPageToken()).build());
        assertEquals(List.of(Instant.parse("2020-01-29T00:00:00Z")), starts(second.getBucketsList()));
        assertEquals("", second.getNextPageToken());

        GetEntityTimelineResponse ranged = query.getEntityTimeline(GetEntityTimelineRequest.newBuilder()
                .setEntityId(keeper).setGranularity(TimelineGranularity.DAY)
                .setStartTime(timestamp("2020-01-10T00:00:00Z")).build());
        assertEquals(List.of(Instant.parse("2020-01-29T00:00:00Z")), starts(ranged.getBucketsList()));
        GetEntityTimelineResponse empty = query.getEntityTimeline(GetEntityTimelineRequest.newBuilder()
                .setEntityId(keeper).setGranularity(TimelineGranularity.MONTH)
                .setStartTime(timestamp("2024-01-01T00:00:00Z")).build());
        assertEquals(0, empty.getBucketsCount());
    }

    @Test
    void timelineRangesInsideDaysCountOnlyTheArticlesInRange() {
        // Lavrov's articles: 2021-04-07 09:00 and 2021-04-08 15:30 (UTC).
        assertEquals(List.of(Instant.parse("2021-04-08T00:00:00Z")),
                starts(lavrovDays("2021-04-07T10:00:00Z", "2021-04-08T16:00:00Z")));
        assertEquals(List.of(Instant.parse("2021-04-07T00:00:00Z")),
                starts(lavrovDays("2021-04-07T08:00:00Z", "2021-04-08T15:00:00Z")));
        assertEquals(List.of(Instant.parse("2021-04-07T00:00:00Z")),
                starts(lavrovDays("2021-04-07T00:00:00Z", "2021-04-08T00:00:00Z")));
        assertEquals(List.of(), starts(lavrovDays("2021-04-07T09:30:00Z", "2021-04-07T22:00:00Z")));
        List<TimelineBucket> both = lavrovDays("2021-04-07T08:59:00Z", "2021-04-08T15:31:00Z");
        assertEquals(List.of(Instant.parse("2021-04-07T00:00:00Z"), Instant.parse("2021-04-08T00:00:00Z")),
                starts(both));
        assertEquals(List.of(3L, 3L), both.stream().map(TimelineBucket::getMentionCount).toList());
        assertEquals(TestStore.A2_TONE, both.get(1).getAverageTone(), 1e-9);

        // A week summed from a part of one day and a whole other day.
        List<TimelineBucket> week = query.getEntityTimeline(GetEntityTimelineRequest.newBuilder()
                .setEntityId(fixture.lavrov()).setGranularity(TimelineGranularity.WEEK)
                .setStartTime(timestamp("2021-04-07T08:00:00Z")).build()).getBucketsList();
        assertEquals(1, week.size());
        assertEquals(6, week.get(0).getMentionCount());
        assertEquals(2, week.get(0).getArticleCount());
        assertEquals((TestStore.A1_TONE + TestStore.A2_TONE) / 2, week.get(0).getAverageTone(), 1e-9);
    }

    private List<TimelineBucket> lavrovDays(String start, String end) {
        return query.getEntityTimeline(GetEntityTimelineRequest.newBuilder()
                .setEntityId(fixture.lavrov()).setGranularity(TimelineGranularity.DAY)
                .setStartTime(timestamp(start)).setEndTime(timestamp(end)).build()).getBucketsList();
    }

    @Test
    void timelineErrors() {
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "granularity: must be DAY, WEEK or MONTH",
                () -> query.getEntityTimeline(GetEntityTimelineRequest.newBuilder().setEntityId(fixture.lavrov()).build()));
        assertFailsWith(Status.Code.NOT_FOUND, "entity 987654321 does not exist",
                () -> timeline(987_654_321L, TimelineGranularity.DAY));
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "end_time: must be after start_time",
                () -> query.getEntityTimeline(GetEntityTimelineRequest.newBuilder().setEntityId(fixture.lavrov())
                        .setGranularity(TimelineGranularity.DAY).setStartTime(timestamp("2021-04-08T00:00:00Z"))
                        .setEndTime(timestamp("2021-04-07T00:00:00Z")).build()));
        String token = query.getEntityTimeline(GetEntityTimelineRequest.newBuilder().setEntityId(fixture.lavrov())
                .setGranularity(TimelineGranularity.DAY).setPageSize(1).build()).getNextPageToken();
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "page_token: was issued for a different query",
                () -> query.getEntityTimeline(GetEntityTimelineRequest.newBuilder().setEntityId(fixture.lavrov())
                        .setGranularity(TimelineGranularity.WEEK).setPageSize(1).setPageToken(token).build()));
    }

    @Test
    void rewritingAnAnalysisReplacesItsRollups() {
        long pairs = store.count("entity_pair");
        store.removeRollups(fixture.a1());
        try {
            // Without the first article, Pakistan shares one article with Lavrov and Qureshi, and it is in one.
            GetCoMentionsResponse without = coMentions(fixture.pakistan(), 0, "");
            assertEquals(1, without.getArticleCount());
            assertEquals(List.of(1L, 1L, 1L, 1L),
                    without.getCoMentionsList().stream().map(CoMention::getSharedArticleCount).toList());
        } finally {
            store.addRollups(fixture.a1());
        }
        assertEquals(List.of(2L, 2L, 1L, 1L), coMentions(fixture.pakistan(), 0, "").getCoMentionsList().stream()
                .map(CoMention::getSharedArticleCount).toList());
        assertEquals(pairs, store.count("entity_pair"));
    }

    @Test
    void aCoMentionPageCostsAFixedNumberOfStatements() {
        Statistics statistics = entityManagerFactory.unwrap(SessionFactory.class).getStatistics();

        statistics.clear();
        assertEquals(1, coMentions(fixture.lavrov(), 1, "").getCoMentionsCount());
        long forOne = statistics.getPrepareStatementCount();
        statistics.clear();
        assertEquals(4, coMentions(fixture.lavrov(), 100, "").getCoMentionsCount());
        long forAll = statistics.getPrepareStatementCount();

        assertTrue(forOne > 0, "statistics count statements");
        assertEquals(forOne, forAll);
    }

    private GetCoMentionsResponse coMentions(long entityId, int pageSize, String token) {
        return query.getCoMentions(GetCoMentionsRequest.newBuilder()
                .setEntityId(entityId).setPageSize(pageSize).setPageToken(token).build());
    }

    private GetEntityTimelineResponse timeline(long entityId, TimelineGranularity granularity) {
        return query.getEntityTimeline(GetEntityTimelineRequest.newBuilder()
                .setEntityId(entityId).setGranularity(granularity).build());
    }

    private static List<Long> otherIds(List<CoMention> coMentions) {
        return coMentions.stream().map(coMention -> coMention.getEntity().getId()).toList();
    }

    private static List<Instant> starts(List<TimelineBucket> buckets) {
        return buckets.stream().map(bucket -> Instant.ofEpochSecond(bucket.getStartTime().getSeconds())).toList();
    }

    static Timestamp timestamp(String time) {
        return Timestamp.newBuilder().setSeconds(Instant.parse(time).getEpochSecond()).build();
    }
}
