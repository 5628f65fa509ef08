package newsroom.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.google.protobuf.ByteString;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;
import newsroom.cli.grpc.ServiceChannel;
import newsroom.cli.run.Service;
import newsroom.ingest.v1.Article;
import newsroom.ingest.v1.ArticleStatus;
import newsroom.ingest.v1.GetIngestStatusRequest;
import newsroom.ingest.v1.GetReanalysisRequest;
import newsroom.ingest.v1.GetIngestStatusResponse;
import newsroom.ingest.v1.IngestArticleRequest;
import newsroom.ingest.v1.IngestArticleResponse;
import newsroom.ingest.v1.IngestServiceGrpc;
import newsroom.ingest.v1.Reanalysis;
import newsroom.ingest.v1.StartReanalysisRequest;
import newsroom.ingest.v1.StartReanalysisResponse;
import newsroom.nlp.v1.Analysis;
import newsroom.nlp.v1.AttributionForm;
import newsroom.nlp.v1.Entity;
import newsroom.nlp.v1.Event;
import newsroom.query.v1.ArticleHit;
import newsroom.query.v1.EntityRef;
import newsroom.query.v1.EventRecord;
import newsroom.query.v1.GetArticleRequest;
import newsroom.query.v1.GetArticleResponse;
import newsroom.query.v1.GlobalEntity;
import newsroom.query.v1.ListEventsRequest;
import newsroom.query.v1.ListEventsResponse;
import newsroom.query.v1.ListQuotesRequest;
import newsroom.query.v1.ListQuotesResponse;
import newsroom.query.v1.QueryServiceGrpc;
import newsroom.query.v1.QuoteRecord;
import newsroom.query.v1.SearchArticlesRequest;
import newsroom.query.v1.SearchArticlesResponse;
import newsroom.query.v1.SearchEntitiesRequest;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The whole suite as a user runs it: the three services as real processes (their
 * built quarkus-run.jar) on a real PostgreSQL, talking gRPC. The sample article is
 * ingested while nlp-service is down, waits, and is analysed once nlp-service comes up;
 * then Lavrov's quotes, both ministers and the article itself can be found, the ministers'
 * reported speech and events too, and a re-analysis of the sample's day replaces its
 * quotes and events with the same ones.
 */
class IngestToQueryIT {


    /** Bounds, not expectations: a slow CI machine may need all of them. */
    private static final Duration SERVICE_START_LIMIT = Duration.ofMinutes(3);
    private static final Duration NLP_START_LIMIT = Duration.ofMinutes(5);
    private static final Duration ANALYSIS_LIMIT = Duration.ofMinutes(5);
    /** How long to watch the article while nlp-service is down, unless the worker tries it sooner. */
    private static final Duration NLP_DOWN_WATCH = Duration.ofSeconds(20);

    @RegisterExtension
    static final SuiteUnderTest SUITE = new SuiteUnderTest();
    private static ServiceChannel ingest;
    private static ServiceChannel query;

    @BeforeAll
    static void startDatabaseIngestAndQuery() throws Exception {
        SUITE.create(SuiteUnderTest.LOGS);
        SUITE.startAndAwait(SERVICE_START_LIMIT, Service.INGEST, Service.QUERY);
        ingest = SUITE.channel(Service.INGEST);
        query = SUITE.channel(Service.QUERY);
    }

    @Test
    void sampleIngestedWhileNlpIsDownIsAnalyzedWhenItComesUpAndCanBeQueried() throws Exception {
        IngestArticleResponse ingested = ingestStub().ingestArticle(IngestArticleRequest.newBuilder()
                .setArticle(Article.newBuilder()
                        .setSource("Dawn")
                        .setPublishedTime(com.google.protobuf.Timestamp.newBuilder()
                                .setSeconds(Instant.parse("2021-04-07T00:00:00Z").getEpochSecond()))
                        .setContentType(Article.ContentType.PLAIN_TEXT)
                        .setContent(ByteString.copyFrom(Files.readAllBytes(SuiteUnderTest.SAMPLE))))
                .build());
        long articleId = ingested.getArticleId();
        assertNotEquals(0, articleId, "ingest returns the new article's id");
        assertEquals(ArticleStatus.ACCEPTED, ingested.getStatus());

        assertWaitsWhileNlpIsDown(articleId);

        SUITE.startAndAwait(NLP_START_LIMIT, Service.NLP);
        GetIngestStatusResponse analyzed = SuiteUnderTest.awaitFinalStatus(ingest, articleId, ANALYSIS_LIMIT);
        assertEquals(ArticleStatus.ANALYZED, analyzed.getStatus(), () -> "analysis failed: " + analyzed.getError());

        assertLavrovsQuotes(articleId);
        assertBothMinistersArePeople(articleId);
        assertSearchFinds("Kashmir", articleId);

        long qureshi = personId("Qureshi");
        long lavrov = personId("Lavrov");
        assertReportedSpeech(articleId, qureshi, lavrov);
        List<String> lavrovsEvents = assertTheMinistersEvents(articleId, qureshi, lavrov);
        assertReanalysisKeepsQuotesAndEvents(articleId, lavrov, lavrovsEvents);
    }

    /**
     * While nlp-service is down the article must stay ACCEPTED: not FAILED, not lost.
     * Watches until the worker has tried it at least once, or for a while.
     */
    private static void assertWaitsWhileNlpIsDown(long articleId) throws InterruptedException {
        long deadline = System.nanoTime() + NLP_DOWN_WATCH.toNanos();
        GetIngestStatusResponse status;
        do {
            status = ingestStub().getIngestStatus(GetIngestStatusRequest.newBuilder().setArticleId(articleId).build());
            assertEquals(ArticleStatus.ACCEPTED, status.getStatus(),
                    "with nlp-service down the article waits as ACCEPTED; last error: " + status.getError());
            if (status.getAttempts() > 0) {
                break;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
    }


    private static void assertLavrovsQuotes(long articleId) {
        ListQuotesResponse response = queryStub().listQuotes(ListQuotesRequest.newBuilder()
                .setSpeakerName("Lavrov")
                .setPageSize(100)
                .build());
        List<QuoteRecord> quotes = response.getQuotesList();
        List<String> texts = quotes.stream().map(QuoteRecord::getText).toList();
        List<String> direct = quotes.stream().filter(quote -> quote.getForm() == AttributionForm.DIRECT)
                .map(QuoteRecord::getText).toList();
        assertEquals(4, direct.size(), "Lavrov's four direct quotes, got: " + texts);
        assertTrue(direct.stream().anyMatch(text -> text.contains("We stand ready to deepen relations with Pakistan")),
                "\"We stand ready to deepen relations with Pakistan\" is among " + direct);
        assertTrue(direct.stream().anyMatch(text -> text.contains("We have high-level commitments and dialogue")),
                "\"We have high-level commitments and dialogue\" is among " + direct);
        for (QuoteRecord quote : quotes) {
            assertTrue(quote.getSpeaker().contains("Lavrov"), "speaker of " + quote.getText() + ": " + quote.getSpeaker());
            assertEquals(articleId, quote.getArticle().getId());
        }
        List<String> qureshis = List.of("We are keen to build", "We feel Russia is a factor of stability",
                "sky is the limit", "We feel that within our framework", "We have discussed the fragility",
                "practically everything", "Pakistan intends to build a relationship of trust");
        for (String qureshi : qureshis) {
            assertTrue(texts.stream().noneMatch(text -> text.contains(qureshi)),
                    "Qureshi's \"" + qureshi + "\" is not Lavrov's: " + texts);
        }
    }

    /** The global id of the one PERSON entity whose name holds this name. */
    private static long personId(String name) {
        List<GlobalEntity> people = queryStub().searchEntities(SearchEntitiesRequest.newBuilder()
                .setQuery(name).setType(Entity.Type.PERSON).build()).getEntitiesList().stream()
                .filter(entity -> entity.getName().contains(name)).toList();
        assertEquals(1, people.size(), () -> "one person named " + name + ": " + people);
        return people.get(0).getId();
    }

    /**
     * Reported speech is stored and found like quotes. Qureshi's and Lavrov's
     * reported statements come back with the form INDIRECT and their speaker, and quote
     * search covers reported content.
     */
    private static void assertReportedSpeech(long articleId, long qureshi, long lavrov) {
        List<QuoteRecord> indirect = quotes(ListQuotesRequest.newBuilder().setForm(AttributionForm.INDIRECT));
        for (QuoteRecord quote : indirect) {
            assertEquals(AttributionForm.INDIRECT, quote.getForm(), "form filter: " + quote);
            assertEquals(articleId, quote.getArticle().getId());
        }
        assertSaid(indirect, qureshi, "Shah Mahmood Qureshi",
                "Pakistan intends to build a relationship of trust with Russia");
        assertSaid(indirect, lavrov, "Sergey Lavrov", "relations between Pakistan and Russia are mutually beneficial");
        // A direct quote is not reported speech.
        assertTrue(indirect.stream().noneMatch(quote -> quote.getText().contains("We stand ready")),
                "no direct quote among the indirect ones: " + texts(indirect));

        List<QuoteRecord> mixed = quotes(ListQuotesRequest.newBuilder().setForm(AttributionForm.MIXED));
        assertSaid(mixed, qureshi, "Shah Mahmood Qureshi", "covered “practically everything.”");

        List<QuoteRecord> found = quotes(ListQuotesRequest.newBuilder().setTextQuery("mutually beneficial"));
        assertEquals(1, found.size(), "one quote says 'mutually beneficial': " + texts(found));
        assertEquals(AttributionForm.INDIRECT, found.get(0).getForm());
        assertEquals(lavrov, found.get(0).getSpeakerEntityId());
    }

    private static void assertSaid(List<QuoteRecord> quotes, long speakerId, String speaker, String words) {
        QuoteRecord said = quotes.stream().filter(quote -> quote.getText().contains(words)).findFirst()
                .orElseThrow(() -> new AssertionError("\"" + words + "\" is among " + texts(quotes)));
        assertEquals(speaker, said.getSpeaker(), () -> "speaker of " + said.getText());
        assertEquals(speakerId, said.getSpeakerEntityId(), () -> "speaker entity of " + said.getText());
    }

    /**
     * Events are stored and listed by entity. Lavrov arrived in Islamabad the day
     * before the article ("yesterday") and held talks with Qureshi; the talks are Qureshi's
     * events too. Returns Lavrov's events, one line each.
     */
    private static List<String> assertTheMinistersEvents(long articleId, long qureshi, long lavrov) {
        List<EventRecord> lavrovs = events(lavrov);
        List<String> lines = lavrovs.stream().map(IngestToQueryIT::line).toList();
        for (EventRecord event : lavrovs) {
            assertEquals(articleId, event.getArticle().getId());
        }
        assertTrue(lines.contains("VISIT 2021-04-06 [Sergey Lavrov] with [] in Islamabad"), "Lavrov's events: " + lines);
        assertTrue(lines.stream().anyMatch(line -> line.startsWith("MEET ") && line.contains(
                "[Shah Mahmood Qureshi] with [Sergey Lavrov]")), "Lavrov's events: " + lines);
        assertTrue(lines.stream().allMatch(line -> line.startsWith("VISIT ") || line.startsWith("MEET ")
                || line.startsWith("DISCUSS ")), "Lavrov's events: " + lines);

        List<String> qureshis = events(qureshi).stream().map(IngestToQueryIT::line).toList();
        assertTrue(qureshis.stream().anyMatch(line -> line.startsWith("MEET ") && line.contains(
                "[Shah Mahmood Qureshi] with [Sergey Lavrov]")), "Qureshi's events: " + qureshis);
        assertTrue(qureshis.stream().noneMatch(line -> line.startsWith("VISIT ")),
                "Lavrov's visit is not Qureshi's: " + qureshis);
        return lines;
    }

    private static String line(EventRecord event) {
        return event.getType() + " " + event.getDate() + " "
                + event.getActorsList().stream().map(EntityRef::getName).toList() + " with "
                + event.getParticipantsList().stream().map(EntityRef::getName).toList()
                + (event.hasLocation() ? " in " + event.getLocation().getName() : "");
    }

    /**
     * A re-analysis of the sample's day has it analysed again by the running
     * nlp-service; its quotes and events are replaced by the same ones, not added to.
     */
    private static void assertReanalysisKeepsQuotesAndEvents(long articleId, long lavrov, List<String> lavrovsEvents)
            throws InterruptedException {
        List<String> before = quotes(ListQuotesRequest.newBuilder()).stream().map(IngestToQueryIT::line).sorted()
                .toList();
        StartReanalysisResponse started = ingestStub().startReanalysis(StartReanalysisRequest.newBuilder()
                .setStartTime(timestamp("2021-04-07T00:00:00Z"))
                .setEndTime(timestamp("2021-04-08T00:00:00Z"))
                .build());
        assertEquals(1, started.getReanalysis().getTotalCount(), "the sample is the day's one article");
        Reanalysis done = awaitReanalysis(started.getReanalysis().getReanalysisId());
        assertEquals(1, done.getDoneCount(), () -> "re-analysed; failures: " + done.getFailuresList());
        assertEquals(0, done.getFailedCount());

        List<String> after = quotes(ListQuotesRequest.newBuilder()).stream().map(IngestToQueryIT::line).sorted()
                .toList();
        assertEquals(before, after, "the same quotes, forms and speakers after re-analysis");
        assertEquals(lavrovsEvents, events(lavrov).stream().map(IngestToQueryIT::line).toList(),
                "the same events after re-analysis");
        assertEquals(ArticleStatus.ANALYZED, queryStub()
                .getArticle(GetArticleRequest.newBuilder().setArticleId(articleId).build()).getArticle().getStatus());
    }

    private static String line(QuoteRecord quote) {
        return quote.getForm() + " " + quote.getSpeaker() + " (" + quote.getCue() + "): " + quote.getText();
    }

    private static Reanalysis awaitReanalysis(long reanalysisId) throws InterruptedException {
        long deadline = System.nanoTime() + ANALYSIS_LIMIT.toNanos();
        Reanalysis reanalysis;
        do {
            reanalysis = ingestStub().getReanalysis(GetReanalysisRequest.newBuilder().setReanalysisId(reanalysisId)
                    .build()).getReanalysis();
            if (reanalysis.getState() == Reanalysis.State.DONE) {
                return reanalysis;
            }
            Thread.sleep(500);
        } while (System.nanoTime() < deadline);
        fail("re-analysis " + reanalysisId + " not done within " + ANALYSIS_LIMIT.toMinutes() + " min: " + reanalysis);
        return reanalysis;
    }

    /** Every quote the request finds (the sample has fewer than a page of them). */
    private static List<QuoteRecord> quotes(ListQuotesRequest.Builder request) {
        ListQuotesResponse response = queryStub().listQuotes(request.setPageSize(100).build());
        assertEquals("", response.getNextPageToken(), "one page holds them all");
        return response.getQuotesList();
    }

    private static List<EventRecord> events(long entityId) {
        ListEventsResponse response = queryStub().listEvents(ListEventsRequest.newBuilder()
                .setEntityId(entityId).setPageSize(100).build());
        assertEquals("", response.getNextPageToken(), "one page holds them all");
        return response.getEventsList();
    }

    private static List<String> texts(List<QuoteRecord> quotes) {
        return quotes.stream().map(QuoteRecord::getText).toList();
    }

    private static com.google.protobuf.Timestamp timestamp(String instant) {
        return com.google.protobuf.Timestamp.newBuilder().setSeconds(Instant.parse(instant).getEpochSecond()).build();
    }

    private static void assertBothMinistersArePeople(long articleId) {
        GetArticleResponse article = queryStub().getArticle(GetArticleRequest.newBuilder().setArticleId(articleId).build());
        assertEquals(ArticleStatus.ANALYZED, article.getArticle().getStatus());
        assertTrue(article.hasAnalysis(), "an analysed article comes with its analysis");
        List<String> people = article.getAnalysis().getEntitiesList().stream()
                .filter(entity -> entity.getType() == Entity.Type.PERSON)
                .map(Entity::getName)
                .toList();
        assertTrue(people.stream().anyMatch(name -> name.contains("Qureshi")), "Qureshi is a PERSON among " + people);
        assertTrue(people.stream().anyMatch(name -> name.contains("Lavrov")), "Lavrov is a PERSON among " + people);

        // The stored analysis is served whole: the talks of the two ministers come back as an event.
        Analysis analysis = article.getAnalysis();
        List<String> meetings = analysis.getEventsList().stream()
                .filter(event -> event.getType() == Event.Type.MEET)
                .map(event -> nameOf(analysis, event.getActorEntityIds(0)) + " with "
                        + event.getParticipantEntityIdsList().stream().map(id -> nameOf(analysis, id)).toList())
                .toList();
        assertTrue(meetings.contains("Shah Mahmood Qureshi with [Sergey Lavrov]"), "meetings: " + meetings);
    }

    private static String nameOf(Analysis analysis, String entityId) {
        return analysis.getEntitiesList().stream().filter(e -> e.getId().equals(entityId)).map(Entity::getName)
                .findFirst().orElse("(no entity " + entityId + ")");
    }

    private static void assertSearchFinds(String words, long articleId) {
        SearchArticlesResponse response = queryStub().searchArticles(
                SearchArticlesRequest.newBuilder().setQuery(words).build());
        ArticleHit hit = response.getHitsList().stream().filter(h -> h.getArticle().getId() == articleId)
                .findFirst().orElseThrow(() -> new AssertionError(
                        "searching " + words + " finds article " + articleId + ": " + response.getHitsList()));
        // The word is in the text: the snippet shows it highlighted.
        assertTrue(hit.getSnippet().contains("<b>" + words + "</b>"), hit.getSnippet());
    }

    private static IngestServiceGrpc.IngestServiceBlockingStub ingestStub() {
        return IngestServiceGrpc.newBlockingStub(ingest.channel()).withDeadlineAfter(30, TimeUnit.SECONDS);
    }

    private static QueryServiceGrpc.QueryServiceBlockingStub queryStub() {
        return QueryServiceGrpc.newBlockingStub(query.channel()).withDeadlineAfter(30, TimeUnit.SECONDS);
    }
}
