package newsroom.query.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.UnknownFieldSet;
import io.grpc.Status;
import io.quarkus.test.junit.QuarkusTest;
import io.vertx.core.json.JsonArray;
import io.vertx.core.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import newsroom.nlp.v1.Analysis;
import newsroom.nlp.v1.TemporalExpression;
import newsroom.query.TestStore;
import newsroom.query.v1.ArticleHit;
import newsroom.query.v1.GetArticleResponse;
import newsroom.query.v1.SearchArticlesResponse;
import newsroom.store.ArticleState;
import org.junit.jupiter.api.Test;

/** GET /api/v1/articles and /api/v1/articles/{article_id}: the search and the article, as JSON and CSV. */
@QuarkusTest
class ArticlesApiTest extends JsonApiTest {

    @Test
    void anArticleIsItsGetArticleResponse() {
        GetArticleResponse article = api.getJson("/api/v1/articles/" + fixture.a1(), GetArticleResponse.getDefaultInstance());
        assertEquals(fixture.a1(), article.getArticle().getId());
        assertEquals("Pakistan and Russia vow to deepen ties", article.getArticle().getTitle());
        assertEquals(TestStore.A1_PUBLISHED.getEpochSecond(), article.getArticle().getPublishedTime().getSeconds());
        assertEquals(TestStore.A1_TEXT, article.getCleanedText());
        assertEquals(fixture.a1Analysis(), article.getAnalysis());
    }

    @Test
    void theSearchTakesTheAliasesAndTheFilters() {
        SearchArticlesResponse page = api.getJson("/api/v1/articles?q=Lavrov&limit=1", SearchArticlesResponse.getDefaultInstance());
        assertEquals(1, page.getHitsCount());
        assertFalse(page.getNextPageToken().isEmpty());
        SearchArticlesResponse next = api.getJson("/api/v1/articles?q=Lavrov&limit=1&page_token=" + page.getNextPageToken(),
                SearchArticlesResponse.getDefaultInstance());
        assertTrue(next.getHitsCount() == 1 && next.getHits(0).getArticle().getId() != page.getHits(0).getArticle().getId());

        // A date bound is that day's first instant, UTC: 2021-04-08 leaves out the second article (15:30 that day).
        SearchArticlesResponse filtered = api.getJson("/api/v1/articles?query=Lavrov&language=en&source=Test+Wire"
                + "&start_time=2021-04-07&end_time=2021-04-08&entity_id=" + fixture.lavrov(),
                SearchArticlesResponse.getDefaultInstance());
        assertEquals(List.of(fixture.a1()), filtered.getHitsList().stream().map(hit -> hit.getArticle().getId()).toList());
        SearchArticlesResponse rfc3339 = api.getJson("/api/v1/articles?q=Lavrov&startTime=2021-04-08T15:30:00Z",
                SearchArticlesResponse.getDefaultInstance());
        assertTrue(rfc3339.getHitsList().stream().map(ArticleHit::getArticle).anyMatch(a -> a.getId() == fixture.a2()));
        assertTrue(rfc3339.getHitsList().stream().map(ArticleHit::getArticle).noneMatch(a -> a.getId() == fixture.a1()));
    }

    @Test
    void badParametersAre400NamingTheParameter() {
        api.getError("/api/v1/articles?q=Lavrov&colour=red", 400, Status.Code.INVALID_ARGUMENT,
                "colour is not a parameter of this path; it takes query, page_size");
        api.getError("/api/v1/articles?q=Lavrov&limit=ten", 400, Status.Code.INVALID_ARGUMENT,
                "limit must be an integer, was \"ten\"");
        api.getError("/api/v1/articles?q=Lavrov&start_time=yesterday", 400, Status.Code.INVALID_ARGUMENT,
                "start_time must be an RFC 3339 time");
        api.getError("/api/v1/articles?q=Lavrov&q=Qureshi", 400, Status.Code.INVALID_ARGUMENT,
                "q is given 2 times");
        api.getError("/api/v1/articles?q=Lavrov&format=xml", 400, Status.Code.INVALID_ARGUMENT,
                "format must be json or csv");
        api.getError("/api/v1/articles/abc", 400, Status.Code.INVALID_ARGUMENT, "article_id must be an integer");
        api.getError("/api/v1/articles/" + fixture.a1() + "?format=csv", 400, Status.Code.INVALID_ARGUMENT,
                "format csv is for lists");
        api.getError("/api/v1/articles/" + fixture.a1() + "?article_id=3", 400, Status.Code.INVALID_ARGUMENT,
                "article_id is set by the path");
        // The service's own checks come back as they do over gRPC, naming the request field.
        api.getError("/api/v1/articles?limit=5", 400, Status.Code.INVALID_ARGUMENT, "query");
        api.getError("/api/v1/articles?q=Lavrov&page_token=forged", 400, Status.Code.INVALID_ARGUMENT, "page_token");
    }

    @Test
    void unknownArticlesAndPathsAre404() {
        api.getError("/api/v1/articles/987654321", 404, Status.Code.NOT_FOUND, "article 987654321");
        api.getError("/api/v1/nothing", 404, Status.Code.NOT_FOUND, "no API path /api/v1/nothing");
        api.getError("/api/v1/articles/1/2", 404, Status.Code.NOT_FOUND, "no API path");
    }

    @Test
    void theSearchAsCsvHasAHeaderAndOneRowPerHit() {
        List<String> lines = api.getCsv("/api/v1/articles?q=Lavrov&format=csv");
        assertTrue(lines.get(0).startsWith("article.id,article.title,article.source,article.url,article.published_time,"),
                lines.get(0));
        assertTrue(lines.get(0).endsWith(",rank,snippet"), lines.get(0));
        SearchArticlesResponse all = api.getJson("/api/v1/articles?q=Lavrov&limit=100", SearchArticlesResponse.getDefaultInstance());
        assertEquals(all.getHitsCount(), lines.size() - 1, String.join("\n", lines));
        assertTrue(lines.get(1).startsWith(all.getHits(0).getArticle().getId() + ","), lines.get(1));
    }

    @Test
    void statusesAndDateTypesAreSpelledAsClientsReadThem() {
        // Clients match these strings: a renamed enum value must fail here, not in their scripts.
        String text = "The ministers met on Wednesday for two days of talks.";
        Analysis analysis = Analysis.newBuilder().setCleanedText(text).setLanguage("en")
                .addTemporalExpressions(TemporalExpression.newBuilder().setText("Wednesday").setValue("2021-04-07")
                        .setBegin(text.indexOf("Wednesday")).setEnd(text.indexOf("Wednesday") + 9)
                        .setType(TemporalExpression.Type.DATE))
                .addTemporalExpressions(TemporalExpression.newBuilder().setText("two days").setValue("P2D")
                        .setBegin(text.indexOf("two days")).setEnd(text.indexOf("two days") + 8)
                        .setType(TemporalExpression.Type.DURATION))
                .build();
        Map<ArticleState, String> spellings = new EnumMap<>(Map.of(
                ArticleState.ACCEPTED, "ACCEPTED",
                ArticleState.ANALYZED, "ANALYZED",
                ArticleState.FAILED, "FAILED",
                ArticleState.UNSUPPORTED_LANGUAGE, "UNSUPPORTED_LANGUAGE"));
        Map<ArticleState, Long> ids = new EnumMap<>(ArticleState.class);
        try {
            for (ArticleState state : ArticleState.values()) {
                ids.put(state, store.addArticle("Spelled " + state, text,
                        Instant.parse("2021-05-02T00:00:00Z"), state,
                        state == ArticleState.ANALYZED ? analysis.toByteArray() : null));
            }
            for (ArticleState state : ArticleState.values()) {
                JsonObject article = json("/api/v1/articles/" + ids.get(state));
                assertEquals(spellings.get(state), article.getJsonObject("article").getString("status"), state.name());
            }
            JsonArray dates = json("/api/v1/articles/" + ids.get(ArticleState.ANALYZED))
                    .getJsonObject("analysis").getJsonArray("temporalExpressions");
            assertEquals("DATE", dates.getJsonObject(0).getString("type"));
            assertEquals("DURATION", dates.getJsonObject(1).getString("type"));
            assertEquals("ANALYZED", json("/api/v1/articles?q=Spelled+ANALYZED").getJsonArray("hits")
                    .getJsonObject(0).getJsonObject("article").getString("status"));
        } finally {
            store.deleteArticles(List.copyOf(ids.values()));
        }
    }

    @Test
    void anAnalysisStoredWithTheDateTypeAsTextKeepsItsType() {
        String text = "The ministers met on Wednesday.";
        // TemporalExpression.type in its older form, as some stored analyses hold it: field 5,
        // length-delimited, holding the name.
        TemporalExpression storedAsText = TemporalExpression.newBuilder().setText("Wednesday").setValue("2021-04-07")
                .setBegin(text.indexOf("Wednesday")).setEnd(text.indexOf("Wednesday") + 9)
                .setUnknownFields(UnknownFieldSet.newBuilder().addField(TemporalExpression.TYPE_FIELD_NUMBER,
                        UnknownFieldSet.Field.newBuilder().addLengthDelimited(ByteString.copyFromUtf8("DATE")).build())
                        .build())
                .build();
        long id = store.addArticle("Stored with a date type as text", text, Instant.parse("2021-05-02T00:00:00Z"),
                ArticleState.ANALYZED, Analysis.newBuilder().setCleanedText(text).addTemporalExpressions(storedAsText)
                        .build().toByteArray());
        try {
            JsonObject date = json("/api/v1/articles/" + id).getJsonObject("analysis")
                    .getJsonArray("temporalExpressions").getJsonObject(0);
            assertEquals("DATE", date.getString("type"));
            assertEquals("Wednesday", date.getString("text"));
        } finally {
            store.deleteArticles(List.of(id));
        }
    }

    private JsonObject json(String pathAndQuery) {
        HttpResponse<String> response = api.get(pathAndQuery);
        assertEquals(200, response.statusCode(), response.body());
        return new JsonObject(response.body());
    }

    @Test
    void hostileTextComesBackEscapedInJsonAndGuardedInCsv() {
        String title = "=HYPERLINK(\"https://evil.example\") <script>alert('title')</script>";
        String text = "The quokkaspy report. <img src=x onerror=alert(1)><script>alert('text')</script>";
        long id = store.addArticle(title, text, Instant.parse("2021-05-01T00:00:00Z"));
        try {
            HttpResponse<String> response = api.get("/api/v1/articles/" + id);
            assertEquals(200, response.statusCode(), response.body());
            assertEquals("application/json; charset=utf-8", response.headers().firstValue("Content-Type").orElse(""));
            assertEquals("nosniff", response.headers().firstValue("X-Content-Type-Options").orElse(""));
            assertFalse(response.body().contains("<"), response.body());
            assertFalse(response.body().contains(">"), response.body());
            assertTrue(response.body().contains("\\u003cscript\\u003e"), response.body());
            GetArticleResponse article = ApiClient.parse(response.body(), GetArticleResponse.getDefaultInstance());
            assertEquals(title, article.getArticle().getTitle());
            assertEquals(text, article.getCleanedText());

            HttpResponse<String> search = api.get("/api/v1/articles?q=quokkaspy");
            assertFalse(search.body().contains("<script"), search.body());

            List<String> lines = api.getCsv("/api/v1/articles?q=quokkaspy&format=csv");
            assertEquals(2, lines.size(), String.join("\n", lines));
            assertTrue(lines.get(1).startsWith(id + ",\"'=HYPERLINK(\"\"https://evil.example\"\") <script>"), lines.get(1));
        } finally {
            store.deleteArticles(List.of(id));
        }
    }
}
