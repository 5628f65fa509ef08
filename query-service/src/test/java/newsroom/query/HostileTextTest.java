package newsroom.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import newsroom.query.v1.ExportAnalysesRequest;
import newsroom.query.v1.GetCoMentionsRequest;
import newsroom.query.v1.GetEntityTimelineRequest;
import newsroom.query.v1.ListQuotesRequest;
import newsroom.query.v1.ListStoriesRequest;
import newsroom.query.v1.QueryServiceGrpc;
import newsroom.query.v1.SearchArticlesRequest;
import newsroom.query.v1.SearchEntitiesRequest;
import newsroom.query.v1.TimelineGranularity;
import org.junit.jupiter.api.Test;

/**
 * SQL injection, regex and tsquery bombs, and control characters through every text field
 * of the query API: each is answered as plain text or refused with INVALID_ARGUMENT naming
 * the field, never with an internal error, and the store is the same afterwards.
 */
@QuarkusTest
class HostileTextTest extends StoreFixtureTest {

    static final List<String> HOSTILE = List.of(
            "'; DROP TABLE article; --",
            "' OR '1'='1",
            "Lavrov' UNION SELECT cleaned_text FROM article --",
            "\\'; DELETE FROM entity WHERE ''='",
            "%", "_", "%Lavrov%", "\\",
            "(a+)+$", "(.*a){20}", "a".repeat(5_000) + "!",
            "!!&&||(((<->)))):*", "\"unterminated", "Lavrov <-> <-> !!!",
            "nul\u0000byte", "bell\u0007 escape\u001b[31m red", "line\r\nbreak\ttab", "\uFEFFbom", "lone \uD800 surrogate",
            " ", "");

    /** Tables a query must never change. */
    static final List<String> TABLES = List.of("article", "entity", "mention", "quote");

    @GrpcClient("query")
    QueryServiceGrpc.QueryServiceBlockingStub query;

    @Test
    void everyTextFieldTakesHostileTextAsPlainTextOrRefusesItByName() {
        Map<String, Long> before = counts();
        Map<String, Consumer<String>> fields = new LinkedHashMap<>();
        fields.put("SearchArticles.query", text -> query.searchArticles(
                SearchArticlesRequest.newBuilder().setQuery(text).build()));
        fields.put("SearchArticles.source", text -> query.searchArticles(
                SearchArticlesRequest.newBuilder().setQuery("Lavrov").setSource(text).build()));
        fields.put("SearchArticles.language", text -> query.searchArticles(
                SearchArticlesRequest.newBuilder().setQuery("Lavrov").setLanguage(text).build()));
        fields.put("SearchArticles.page_token", text -> query.searchArticles(
                SearchArticlesRequest.newBuilder().setQuery("Lavrov").setPageToken(text).build()));
        fields.put("SearchEntities.query", text -> query.searchEntities(
                SearchEntitiesRequest.newBuilder().setQuery(text).build()));
        fields.put("SearchEntities.page_token", text -> query.searchEntities(
                SearchEntitiesRequest.newBuilder().setQuery("Lavrov").setPageToken(text).build()));
        fields.put("ListQuotes.speaker_name", text -> query.listQuotes(
                ListQuotesRequest.newBuilder().setSpeakerName(text).build()));
        fields.put("ListQuotes.text_query", text -> query.listQuotes(
                ListQuotesRequest.newBuilder().setTextQuery(text).build()));
        fields.put("ListQuotes.page_token", text -> query.listQuotes(
                ListQuotesRequest.newBuilder().setSpeakerName("Lavrov").setPageToken(text).build()));
        fields.put("GetCoMentions.page_token", text -> query.getCoMentions(
                GetCoMentionsRequest.newBuilder().setEntityId(fixture.lavrov()).setPageToken(text).build()));
        fields.put("GetEntityTimeline.page_token", text -> query.getEntityTimeline(
                GetEntityTimelineRequest.newBuilder().setEntityId(fixture.lavrov())
                        .setGranularity(TimelineGranularity.DAY).setPageToken(text).build()));
        fields.put("ListStories.page_token", text -> query.listStories(
                ListStoriesRequest.newBuilder().setPageToken(text).build()));
        fields.put("ExportAnalyses.source", text -> query.exportAnalyses(
                ExportAnalysesRequest.newBuilder().setSource(text).build()).forEachRemaining(exported -> { }));

        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, Consumer<String>> field : fields.entrySet()) {
            for (String text : HOSTILE) {
                try {
                    field.getValue().accept(text);
                } catch (StatusRuntimeException e) {
                    Status status = e.getStatus();
                    String name = field.getKey().substring(field.getKey().indexOf('.') + 1);
                    boolean clear = status.getCode() == Status.Code.INVALID_ARGUMENT
                            && status.getDescription() != null && status.getDescription().startsWith(name);
                    if (!clear) {
                        problems.add(field.getKey() + " <- " + printable(text) + ": " + status);
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertEquals(before, counts());
    }

    @Test
    void likeAndTsqueryOperatorsAreLiteralText() {
        // A wildcard or an injected OR matches nothing rather than everything.
        for (String text : List.of("%", "_", "' OR '1'='1")) {
            assertEquals(0, entitiesFound(text), text);
            assertEquals(0, quotesFound(text), text);
        }
        // Names forgive typos, so an injection after a name finds that name, and no more.
        int lavrovs = entitiesFound("Lavrov");
        assertTrue(lavrovs >= 1 && lavrovs < store.count("entity"), "Lavrov: " + lavrovs);
        assertTrue(entitiesFound("Lavrov' OR '1'='1") <= lavrovs);
        assertFalse(query.searchArticles(SearchArticlesRequest.newBuilder().setQuery("Lavrov").build())
                .getHitsList().isEmpty(), "the store does hold matches for plain text");
    }

    @Test
    void aRequestAboveTheSizeCapIsResourceExhausted() {
        StatusRuntimeException refused = org.junit.jupiter.api.Assertions.assertThrows(StatusRuntimeException.class,
                () -> query.searchArticles(SearchArticlesRequest.newBuilder().setQuery("x".repeat(100_000)).build()));
        assertEquals(Status.Code.RESOURCE_EXHAUSTED, refused.getStatus().getCode(), refused::toString);
    }

    private int entitiesFound(String text) {
        return foundOrRefused(() -> query.searchEntities(SearchEntitiesRequest.newBuilder().setQuery(text).build())
                .getEntitiesCount());
    }

    private int quotesFound(String speaker) {
        return foundOrRefused(() -> query.listQuotes(ListQuotesRequest.newBuilder().setSpeakerName(speaker).build())
                .getQuotesCount());
    }

    /** How many {@code search} found; none when it was refused, which must be as INVALID_ARGUMENT. */
    private static int foundOrRefused(IntSupplier search) {
        try {
            return search.getAsInt();
        } catch (StatusRuntimeException e) {
            assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), e::toString);
            return 0;
        }
    }

    private Map<String, Long> counts() {
        Map<String, Long> counts = new LinkedHashMap<>();
        for (String table : TABLES) {
            counts.put(table, store.count(table));
        }
        return counts;
    }

    private static String printable(String text) {
        String shown = text.length() > 40 ? text.substring(0, 40) + "...(" + text.length() + " chars)" : text;
        StringBuilder out = new StringBuilder("\"");
        shown.codePoints().forEach(c -> out.append(Character.isISOControl(c) ? String.format("\\u%04x", c)
                : new String(Character.toChars(c))));
        return out.append('"').toString();
    }
}
