package newsroom.cli.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.grpc.stub.StreamObserver;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import newsroom.cli.LocalGrpcServer;
import newsroom.ingest.v1.ArticleStatus;
import newsroom.nlp.v1.AttributionForm;
import newsroom.nlp.v1.Entity;
import newsroom.nlp.v1.Event;
import newsroom.query.v1.ArticleSummary;
import newsroom.query.v1.EntityRef;
import newsroom.query.v1.EventRecord;
import newsroom.query.v1.GetArticleRequest;
import newsroom.query.v1.GetArticleResponse;
import newsroom.query.v1.ListEventsRequest;
import newsroom.query.v1.ListEventsResponse;
import newsroom.query.v1.ListQuotesRequest;
import newsroom.query.v1.ListQuotesResponse;
import newsroom.query.v1.QueryServiceGrpc;
import newsroom.query.v1.QuoteRecord;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code newsroom quotes --form} and {@code newsroom events} as a user runs them, against a gRPC
 * server on this machine that answers like query-service and keeps the requests it got.
 */
@QuarkusMainTest
class QueryCommandsTest {

    private static final ArticleSummary ARTICLE = ArticleSummary.newBuilder().setId(12)
            .setPublishedTime(TimeBound.parse("--from", "2021-04-08T15:30:00Z")).build();
    private static final String POISON_FAILURE = "DEADLINE_EXCEEDED: given up after 5 failed analysis attempts"
            + " (at most 5): DEADLINE_EXCEEDED: deadline exceeded";
    private static final EntityRef LAVROV = EntityRef.newBuilder().setId(7).setName("Sergey Lavrov")
            .setType(Entity.Type.PERSON).build();
    private static final EntityRef ERDOGAN = EntityRef.newBuilder().setId(9).setName("Recep Tayyip Erdoğan")
            .setType(Entity.Type.PERSON).build();

    /** An article ingest-service fetched from a followed source whose item and page gave no date. */
    private static final ArticleSummary FROM_A_SOURCE = ArticleSummary.newBuilder().setId(31)
            .setTitle("Ministers meet in Islamabad").setSource("Example News").setSourceId(4)
            .setAuthor("A. Reporter").setUrl("https://news.example/world/ministers-meet")
            .setCanonicalUrl("https://news.example/2021/04/07/ministers-meet").setStatus(ArticleStatus.ACCEPTED)
            .setPublishedTime(TimeBound.parse("--from", "2021-04-08T15:30:00Z")).setPublishedTimeEstimated(true)
            .build();

    private final List<ListQuotesRequest> quoteRequests = new CopyOnWriteArrayList<>();
    private final List<ListEventsRequest> eventRequests = new CopyOnWriteArrayList<>();

    @RegisterExtension
    final LocalGrpcServer server = new LocalGrpcServer(new QueryServiceGrpc.QueryServiceImplBase() {
        @Override
        public void getArticle(GetArticleRequest request, StreamObserver<GetArticleResponse> response) {
            if (request.getArticleId() == FROM_A_SOURCE.getId()) {
                answer(response, GetArticleResponse.newBuilder().setArticle(FROM_A_SOURCE).build());
                return;
            }
            answer(response, GetArticleResponse.newBuilder()
                    .setArticle(ARTICLE.toBuilder().setId(request.getArticleId()).setStatus(ArticleStatus.FAILED))
                    .setFailure(POISON_FAILURE)
                    .build());
        }

        @Override
        public void listQuotes(ListQuotesRequest request, StreamObserver<ListQuotesResponse> response) {
            quoteRequests.add(request);
            answer(response, ListQuotesResponse.newBuilder()
                    .addQuotes(QuoteRecord.newBuilder()
                            .setText("the visit had opened a new chapter").setSpeaker("Recep Tayyip Erdoğan")
                            .setSpeakerEntityId(9).setCue("say").setForm(AttributionForm.INDIRECT)
                            .setArticle(ARTICLE))
                    .addQuotes(QuoteRecord.newBuilder()
                            .setText("We stand ready to deepen relations").setSpeaker("Sergey Lavrov")
                            .setSpeakerEntityId(7).setCue("remark").setForm(AttributionForm.DIRECT)
                            .setArticle(ARTICLE))
                    .addQuotes(QuoteRecord.newBuilder()
                            .setText("the talks covered “practically everything.”").setSpeaker("both ministers")
                            .setCue("say").setForm(AttributionForm.MIXED).setArticle(ARTICLE))
                    .build());
        }

        @Override
        public void listEvents(ListEventsRequest request, StreamObserver<ListEventsResponse> response) {
            eventRequests.add(request);
            answer(response, ListEventsResponse.newBuilder()
                    .addEvents(EventRecord.newBuilder().setType(Event.Type.MEET).setTrigger("met")
                            .addActors(LAVROV).addParticipants(ERDOGAN).setDate("2021-04-08")
                            .setEventTime(TimeBound.parse("--from", "2021-04-08")).setArticle(ARTICLE))
                    .addEvents(EventRecord.newBuilder().setType(Event.Type.DISCUSS).setTrigger("discussed")
                            .addActors(ERDOGAN).addActors(LAVROV).setTopic("the pipeline")
                            .setLocation(EntityRef.newBuilder().setId(3).setName("Pakistan")
                                    .setType(Entity.Type.GPE))
                            .setEventTime(ARTICLE.getPublishedTime()).setArticle(ARTICLE))
                    .build());
        }
    });

    @Test
    void quotesAsksForTheFormAndShowsIt(QuarkusMainLauncher launcher) {
        LaunchResult table = launcher.launch("quotes", "--form", "Indirect", "--query", server.address());

        assertEquals(0, table.exitCode(), table.getErrorOutput());
        assertEquals(AttributionForm.INDIRECT, quoteRequests.get(0).getForm());
        assertTrue(hasRow(table, "SPEAKER +CUE +FORM +ARTICLE +DATE", "TEXT"), table.getOutput());
        // Reported content is not the speaker's own words: no quotation marks around it.
        assertTrue(hasRow(table, "Recep Tayyip Erdoğan +say +indirect +12 +2021-04-08",
                "the visit had opened a new chapter"), table.getOutput());
        assertTrue(hasRow(table, "Sergey Lavrov +remark +direct +12 +2021-04-08",
                "“We stand ready to deepen relations”"), table.getOutput());
        // A speaker that is no entity is shown as the article's words, marked.
        assertTrue(hasRow(table, "both ministers \\(no entity\\) +say +mixed +12 +2021-04-08",
                "the talks covered “practically everything.”"), table.getOutput());

        LaunchResult json = launcher.launch("quotes", "--json", "--query", server.address());
        assertEquals(0, json.exitCode(), json.getErrorOutput());
        assertEquals(AttributionForm.ATTRIBUTION_FORM_UNSPECIFIED, quoteRequests.get(1).getForm());
        JsonObject quote = JsonParser.parseString(json.getOutput()).getAsJsonObject().getAsJsonArray("quotes")
                .get(0).getAsJsonObject();
        assertEquals("INDIRECT", quote.get("form").getAsString());
    }

    @Test
    void aFormThatIsNotOneIsOneLineAndNoCall(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("quotes", "--form", "reported", "--query", server.address());

        assertEquals(1, result.exitCode());
        assertEquals("newsroom: --form: must be direct, mixed or indirect, not 'reported'",
                result.getErrorOutput().strip());
        assertEquals(List.of(), quoteRequests);
    }

    @Test
    void eventsAsksForTheEntityTypeAndPeriodAndShowsWhoTookPart(QuarkusMainLauncher launcher) {
        LaunchResult table = launcher.launch("events", "--entity", "7", "--type", "meet", "--from", "2021-04-01",
                "--to", "2021-05-01", "--limit", "5", "--query", server.address());

        assertEquals(0, table.exitCode(), table.getErrorOutput());
        ListEventsRequest request = eventRequests.get(0);
        assertEquals(7, request.getEntityId());
        assertEquals(Event.Type.MEET, request.getType());
        assertEquals(Instant.parse("2021-04-01T00:00:00Z").getEpochSecond(), request.getStartTime().getSeconds());
        assertEquals(Instant.parse("2021-05-01T00:00:00Z").getEpochSecond(), request.getEndTime().getSeconds());
        assertEquals(5, request.getPageSize());
        String output = table.getOutput();
        assertTrue(hasRow(table, "WHEN +TYPE +ACTORS +WITH +WHERE +ARTICLE", "TOPIC"), output);
        assertTrue(hasLine(table, "2021-04-08 +meet +Sergey Lavrov +Recep Tayyip Erdoğan +12"), output);
        assertTrue(hasRow(table, "2021-04-08 \\(published\\) +discuss +Recep Tayyip Erdoğan, Sergey Lavrov"
                + " +Pakistan +12", "the pipeline"), output);

        LaunchResult json = launcher.launch("events", "--entity", "7", "--json", "--query", server.address());
        assertEquals(0, json.exitCode(), json.getErrorOutput());
        assertEquals(Event.Type.TYPE_UNSPECIFIED, eventRequests.get(1).getType());
        assertEquals(50, eventRequests.get(1).getPageSize());
        JsonObject discussed = JsonParser.parseString(json.getOutput()).getAsJsonObject().getAsJsonArray("events")
                .get(1).getAsJsonObject();
        assertEquals("DISCUSS", discussed.get("type").getAsString());
        assertEquals("Pakistan", discussed.getAsJsonObject("location").get("name").getAsString());
        assertEquals(2, discussed.getAsJsonArray("actors").size());
    }

    @Test
    void aFailedArticleSaysWhyItsAnalysisFailed(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("article", "12", "--query", server.address());

        assertEquals(0, result.exitCode(), result.getErrorOutput());
        assertTrue(hasLine(result, "Status: +FAILED"), result.getOutput());
        assertTrue(hasLine(result, "Analysis failed: " + java.util.regex.Pattern.quote(POISON_FAILURE)),
                result.getOutput());

        LaunchResult json = launcher.launch("article", "12", "--json", "--query", server.address());
        assertEquals(0, json.exitCode(), json.getErrorOutput());
        // Scripts match the status's name: a renamed enum value must fail here.
        assertEquals("FAILED", JsonParser.parseString(json.getOutput()).getAsJsonObject().getAsJsonObject("article")
                .get("status").getAsString());
    }

    @Test
    void anArticleFromASourceShowsItsSourceAuthorCanonicalUrlAndAnEstimatedDate(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("article", "31", "--query", server.address());

        assertEquals(0, result.exitCode(), result.getErrorOutput());
        assertTrue(hasLine(result, "Source: +Example News \\(followed source 4, 'newsroom sources show 4'\\)"),
                result.getOutput());
        assertTrue(hasLine(result, "Author: +A\\. Reporter"), result.getOutput());
        assertTrue(hasLine(result, "Canonical: +https://news\\.example/2021/04/07/ministers-meet"), result.getOutput());
        assertTrue(hasLine(result, "Published: +2021-04-08T15:30:00Z \\(estimated: when it was stored; neither the item"
                + " nor the page said\\)"), result.getOutput());
    }

    @Test
    void eventsNeedsAnEntityAndAKnownType(QuarkusMainLauncher launcher) {
        LaunchResult noEntity = launcher.launch("events", "--query", server.address());
        assertEquals(2, noEntity.exitCode());
        assertTrue(noEntity.getErrorOutput().contains("--entity"), noEntity.getErrorOutput());

        LaunchResult badType = launcher.launch("events", "--entity", "7", "--type", "met", "--query", server.address());
        assertEquals(1, badType.exitCode());
        assertEquals("newsroom: --type: must be meet, visit, discuss, agree, criticize or announce, not 'met'",
                badType.getErrorOutput().strip());
        assertEquals(List.of(), eventRequests);
    }

    private static boolean hasLine(LaunchResult result, String regex) {
        return result.getOutputStream().stream().anyMatch(line -> line.strip().matches(regex));
    }

    /**
     * A table row: its last cell beside the others, or on the line below them where the
     * terminal is too narrow for it beside them (Table's stacked layout).
     */
    private static boolean hasRow(LaunchResult result, String leadingRegex, String lastRegex) {
        List<String> lines = result.getOutputStream().stream().map(String::strip).toList();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).matches(leadingRegex + " +" + lastRegex)
                    || lines.get(i).matches(leadingRegex) && i + 1 < lines.size() && lines.get(i + 1).matches(lastRegex)) {
                return true;
            }
        }
        return false;
    }


    /** A unary call's one answer. */
    private static <T> void answer(StreamObserver<T> response, T message) {
        response.onNext(message);
        response.onCompleted();
    }
}
