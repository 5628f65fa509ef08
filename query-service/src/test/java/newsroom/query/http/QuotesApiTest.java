package newsroom.query.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.List;
import newsroom.query.PageWalk;
import newsroom.query.TestStore;
import newsroom.query.v1.ListQuotesResponse;
import newsroom.query.v1.QuoteRecord;
import org.junit.jupiter.api.Test;

/** GET /api/v1/quotes, as JSON and as a CSV export that follows the pages (7 items each in tests). */
@QuarkusTest
class QuotesApiTest extends JsonApiTest {

    private static final int FILLER_QUOTES = TestStore.FILLER_ARTICLES * TestStore.QUOTES_PER_FILLER;

    @Test
    void quotesAreFilteredBySpeakerWordsAndForm() {
        ListQuotesResponse lavrov = api.getJson("/api/v1/quotes?speaker=lavrov", ListQuotesResponse.getDefaultInstance());
        assertTrue(lavrov.getQuotesCount() >= 3, lavrov.toString());
        assertTrue(lavrov.getQuotesList().stream().allMatch(q -> q.getSpeakerEntityId() == fixture.lavrov()));
        ListQuotesResponse exercises = api.getJson("/api/v1/quotes?speaker=lavrov&q=exercises",
                ListQuotesResponse.getDefaultInstance());
        assertEquals(List.of("We will hold joint exercises"), exercises.getQuotesList().stream().map(QuoteRecord::getText).toList());
        ListQuotesResponse indirect = api.getJson("/api/v1/quotes?form=indirect", ListQuotesResponse.getDefaultInstance());
        assertEquals(List.of(TestStore.A2_INDIRECT), indirect.getQuotesList().stream().map(QuoteRecord::getText).toList());
        api.getError("/api/v1/quotes?speaker_entity_id=" + fixture.lavrov() + "&limit=-1", 400,
                Status.Code.INVALID_ARGUMENT, "page_size");
    }

    @Test
    void theCsvExportFollowsEveryPageInOrder() {
        List<String> json = new ArrayList<>();
        for (ListQuotesResponse page : PageWalk.pages(token -> api.getJson(
                "/api/v1/quotes?q=zebrafinch+chorus&limit=100&page_token=" + token,
                ListQuotesResponse.getDefaultInstance()), ListQuotesResponse::getNextPageToken)) {
            page.getQuotesList().forEach(quote -> json.add(quote.getArticle().getId() + "," + quote.getText()));
        }
        assertEquals(FILLER_QUOTES, json.size());

        List<String> lines = api.getCsv("/api/v1/quotes?q=zebrafinch+chorus&format=csv");
        List<String> header = List.of(lines.get(0).split(","));
        assertEquals("text", header.get(0));
        assertTrue(header.containsAll(List.of("speaker_entity_id", "speaker", "cue", "article.id", "article.title",
                "article.published_time", "begin", "end", "form")), lines.get(0));
        int articleId = header.indexOf("article.id");
        List<String> csv = lines.subList(1, lines.size()).stream()
                .map(line -> line.split(",")[articleId] + "," + line.split(",")[0]).toList();
        assertEquals(json, csv);
    }

    @Test
    void limitCapsTheCsvRows() {
        assertEquals(1 + 10, api.getCsv("/api/v1/quotes?q=zebrafinch+chorus&format=csv&limit=10").size());
        assertEquals(1 + 7, api.getCsv("/api/v1/quotes?q=zebrafinch+chorus&format=csv&limit=7").size());
        assertEquals(1, api.getCsv("/api/v1/quotes?q=nosuchwordanywhere&format=csv").size());
    }
}
