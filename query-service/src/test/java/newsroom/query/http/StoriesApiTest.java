package newsroom.query.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import newsroom.query.PageWalk;
import newsroom.query.TestStore;
import newsroom.query.v1.GetStoryResponse;
import newsroom.query.v1.ListStoriesResponse;
import newsroom.query.v1.Story;
import org.junit.jupiter.api.Test;

/** GET /api/v1/stories and /api/v1/stories/{story_id}. */
@QuarkusTest
class StoriesApiTest extends JsonApiTest {

    @Test
    void storiesListAndOpen() {
        ListStoriesResponse stories = api.getJson("/api/v1/stories?min_report_count=" + TestStore.STORY_SIZE,
                ListStoriesResponse.getDefaultInstance());
        assertEquals(TestStore.FILLER_ARTICLES / TestStore.STORY_SIZE, stories.getStoriesCount(), stories.toString());
        Story newest = stories.getStories(0);
        assertEquals(TestStore.STORY_SIZE, newest.getReportCount());

        GetStoryResponse story = api.getJson("/api/v1/stories/" + newest.getId(), GetStoryResponse.getDefaultInstance());
        assertEquals(newest, story.getStory());
        assertEquals(TestStore.STORY_SIZE, story.getReportsCount());
        api.getError("/api/v1/stories/" + story.getReports(1).getId(), 404, Status.Code.NOT_FOUND, "");
        api.getError("/api/v1/stories?min_report_count=2.5", 400, Status.Code.INVALID_ARGUMENT,
                "min_report_count must be an integer, was \"2.5\"");
    }

    @Test
    void storiesAsCsvPageThroughAll() {
        List<Long> json = new ArrayList<>();
        for (ListStoriesResponse page : PageWalk.pages(token -> api.getJson("/api/v1/stories?limit=3&page_token=" + token,
                ListStoriesResponse.getDefaultInstance()), ListStoriesResponse::getNextPageToken)) {
            page.getStoriesList().forEach(story -> json.add(story.getId()));
        }
        assertTrue(json.size() > 7, "more than one CSV page: " + json.size());

        List<String> lines = api.getCsv("/api/v1/stories?format=csv");
        assertTrue(lines.get(0).startsWith("id,first_report.id,first_report.title,"), lines.get(0));
        assertTrue(lines.get(0).contains(",report_count,last_report_time"), lines.get(0));
        assertEquals(json, lines.subList(1, lines.size()).stream().map(line -> Long.parseLong(line.split(",")[0])).toList());
    }
}
