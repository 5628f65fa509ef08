package newsroom.query;

import static newsroom.query.CoverageTest.timestamp;
import static newsroom.query.GrpcAssertions.assertFailsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import newsroom.query.v1.ArticleSummary;
import newsroom.query.v1.ExportAnalysesRequest;
import newsroom.query.v1.ExportedAnalysis;
import newsroom.query.v1.GetStoryRequest;
import newsroom.query.v1.GetStoryResponse;
import newsroom.query.v1.ListStoriesRequest;
import newsroom.query.v1.ListStoriesResponse;
import newsroom.query.v1.QueryServiceGrpc;
import newsroom.query.v1.Story;
import org.junit.jupiter.api.Test;

/** ListStories, GetStory and ExportAnalyses. */
@QuarkusTest
class StoriesAndExportTest extends StoreFixtureTest {

    @GrpcClient("query")
    QueryServiceGrpc.QueryServiceBlockingStub query;

    @Test
    void storiesComeNewestFirstWithTheirReportCounts() {
        List<Story> stories = allStories(ListStoriesRequest.newBuilder().setPageSize(5));

        // pending, a2, a1 are stories of one report; fillers 28, 25, ..., 1 root stories of three.
        List<Long> expected = new ArrayList<>(List.of(fixture.pending(), fixture.a2(), fixture.a1()));
        for (int i = TestStore.FILLER_ARTICLES - 2; i >= 1; i -= TestStore.STORY_SIZE) {
            expected.add(fixture.fillers().get(i - 1));
        }
        assertEquals(expected, stories.stream().map(Story::getId).toList());
        assertEquals(1, stories.get(0).getReportCount());
        Story last = stories.get(stories.size() - 1);
        assertEquals(3, last.getReportCount());
        assertEquals("Zebrafinch report 1", last.getFirstReport().getTitle());
        assertEquals(last.getId(), last.getFirstReport().getStoryId());
    }

    @Test
    void storiesFilteredByReportCountAndDate() {
        List<Story> multi = allStories(ListStoriesRequest.newBuilder().setMinReportCount(2).setPageSize(4));
        assertEquals(TestStore.FILLER_ARTICLES / TestStore.STORY_SIZE, multi.size());
        assertTrue(multi.stream().allMatch(story -> story.getReportCount() == 3));

        List<Story> april = allStories(ListStoriesRequest.newBuilder()
                .setStartTime(timestamp("2021-04-08T00:00:00Z")).setEndTime(timestamp("2021-04-09T00:00:00Z")));
        assertEquals(List.of(fixture.a2()), april.stream().map(Story::getId).toList());
        assertEquals(List.of(), allStories(ListStoriesRequest.newBuilder().setMinReportCount(4)));
    }

    @Test
    void getStoryListsItsReportsInOrder() {
        GetStoryResponse response = query.getStory(
                GetStoryRequest.newBuilder().setStoryId(fixture.fillers().get(3)).build());

        assertEquals(3, response.getStory().getReportCount());
        assertEquals(fixture.fillers().subList(3, 6),
                response.getReportsList().stream().map(ArticleSummary::getId).toList());
        ArticleSummary copy = response.getReports(1);
        assertEquals(fixture.fillers().get(3), copy.getStoryId());
        assertEquals(fixture.fillers().get(3), copy.getDuplicateOf());
        assertEquals(0, response.getReports(0).getDuplicateOf());
        assertEquals(response.getReports(2).getPublishedTime(), response.getStory().getLastReportTime());
    }

    @Test
    void storiesNameTheirPublishersMostReportsFirst() {
        long root = fixture.fillers().get(3);
        assertEquals(List.of("Test Wire"), getStory(root).getSourcesList());
        // Fillers 4 to 6 are one story: its root stays with Test Wire, its two copies go to Bird Daily.
        store.setSource(fixture.fillers().subList(4, 6), "Bird Daily");
        try {
            assertEquals(List.of("Bird Daily", "Test Wire"), getStory(root).getSourcesList());
            store.setSource(fixture.fillers().subList(5, 6), "Avian Post");
            // One report each: by name.
            assertEquals(List.of("Avian Post", "Bird Daily", "Test Wire"), getStory(root).getSourcesList());
            Story listed = allStories(ListStoriesRequest.newBuilder().setMinReportCount(2).setPageSize(3)).stream()
                    .filter(story -> story.getId() == root).findFirst().orElseThrow();
            assertEquals(getStory(root), listed);
            // A publisher without a name is left out.
            store.setSource(List.of(root), "");
            assertEquals(List.of("Avian Post", "Bird Daily"), getStory(root).getSourcesList());
        } finally {
            store.setSource(fixture.fillers().subList(3, 6), "Test Wire");
        }
    }

    private Story getStory(long storyId) {
        return query.getStory(GetStoryRequest.newBuilder().setStoryId(storyId).build()).getStory();
    }

    @Test
    void storyErrors() {
        long copy = fixture.fillers().get(4);
        assertFailsWith(Status.Code.NOT_FOUND,
                "story " + copy + " does not exist; article " + copy + " is a report of story " + fixture.fillers().get(3),
                () -> query.getStory(GetStoryRequest.newBuilder().setStoryId(copy).build()));
        assertFailsWith(Status.Code.NOT_FOUND, "story 987654321 does not exist",
                () -> query.getStory(GetStoryRequest.newBuilder().setStoryId(987_654_321L).build()));
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "story_id: must be positive",
                () -> query.getStory(GetStoryRequest.newBuilder().setStoryId(-1).build()));
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "min_report_count: must not be negative",
                () -> query.listStories(ListStoriesRequest.newBuilder().setMinReportCount(-1).build()));
        String token = query.listStories(ListStoriesRequest.newBuilder().setPageSize(1).build()).getNextPageToken();
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "page_token: was issued for a different query",
                () -> query.listStories(ListStoriesRequest.newBuilder().setMinReportCount(3).setPageToken(token).build()));
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "page_token: is not a token this service issued",
                () -> query.listStories(ListStoriesRequest.newBuilder().setPageToken("djE6LTE6eA").build()));
    }

    @Test
    void exportStreamsEveryAnalyzedArticleInIdOrder() {
        List<ExportedAnalysis> all = export(ExportAnalysesRequest.newBuilder().build());

        List<Long> expected = new ArrayList<>(List.of(fixture.a1(), fixture.a2()));
        expected.addAll(fixture.fillers());
        assertEquals(expected, all.stream().map(exported -> exported.getArticle().getId()).toList());
        ExportedAnalysis a1 = all.get(0);
        assertEquals(fixture.a1Analysis(), a1.getAnalysis());
        assertEquals(Map.of("e1", fixture.lavrov(), "e2", fixture.qureshi(), "e3", fixture.pakistan()),
                a1.getGlobalEntityIdsMap());
    }

    @Test
    void exportFilters() {
        assertEquals(List.of(fixture.a1(), fixture.a2()),
                ids(export(ExportAnalysesRequest.newBuilder().setEntityId(fixture.lavrov()).build())));
        assertEquals(List.of(fixture.a2()), ids(export(ExportAnalysesRequest.newBuilder()
                .setEntityId(fixture.lavrov()).setStartTime(timestamp("2021-04-08T00:00:00Z")).build())));
        assertEquals(List.of(), ids(export(ExportAnalysesRequest.newBuilder()
                .setEntityId(987_654_321L).build())));
        long articles = store.count("article");
        assertEquals(List.of(), ids(export(ExportAnalysesRequest.newBuilder()
                .setSource("Test Wire'; DELETE FROM article; --").build())));
        assertEquals(articles, store.count("article"));
        assertEquals(TestStore.FILLER_ARTICLES + 2,
                export(ExportAnalysesRequest.newBuilder().setSource("Test Wire").build()).size());
    }

    @Test
    void badExportFiltersFailTheCall() {
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "entity_id: must not be negative",
                () -> export(ExportAnalysesRequest.newBuilder().setEntityId(-3).build()));
        assertFailsWith(Status.Code.INVALID_ARGUMENT, "end_time: must be after start_time",
                () -> export(ExportAnalysesRequest.newBuilder().setStartTime(timestamp("2021-04-08T00:00:00Z"))
                        .setEndTime(timestamp("2021-04-08T00:00:00Z")).build()));
    }

    private List<Story> allStories(ListStoriesRequest.Builder request) {
        List<Story> stories = new ArrayList<>();
        String token = "";
        do {
            ListStoriesResponse page = query.listStories(request.setPageToken(token).build());
            stories.addAll(page.getStoriesList());
            token = page.getNextPageToken();
        } while (!token.isEmpty());
        return stories;
    }

    private List<ExportedAnalysis> export(ExportAnalysesRequest request) {
        List<ExportedAnalysis> exported = new ArrayList<>();
        Iterator<ExportedAnalysis> stream = query.exportAnalyses(request);
        stream.forEachRemaining(exported::add);
        return exported;
    }

    private static List<Long> ids(List<ExportedAnalysis> exported) {
        return exported.stream().map(e -> e.getArticle().getId()).toList();
    }
}
