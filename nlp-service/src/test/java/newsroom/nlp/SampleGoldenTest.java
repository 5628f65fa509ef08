package newsroom.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import com.google.protobuf.util.JsonFormat;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import newsroom.nlp.pipeline.CoreNlpPipeline;
import newsroom.nlp.pipeline.TestModels;
import newsroom.nlp.v1.AnalyzeDocumentRequest;
import newsroom.nlp.v1.Analysis;
import newsroom.nlp.v1.Document;
import newsroom.nlp.v1.Entity;
import newsroom.nlp.v1.Event;
import newsroom.nlp.v1.Mention;
import newsroom.nlp.v1.NlpServiceGrpc;
import newsroom.nlp.v1.AttributionForm;
import newsroom.nlp.v1.Quote;
import newsroom.nlp.v1.TemporalExpression;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The sample article (published Wednesday 2021-04-07) through a real gRPC client. */
@QuarkusTest
@Order(3)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SampleGoldenTest {

    private static final String QURESHI = "Shah Mahmood Qureshi";
    private static final String LAVROV = "Sergey Lavrov";

    @Inject
    CoreNlpPipeline pipeline;

    @GrpcClient("nlp")
    NlpServiceGrpc.NlpServiceBlockingStub nlp;

    private Analysis analysis;

    @BeforeAll
    void analyzeTheSample() throws Exception {
        TestModels.awaitLoaded(pipeline);
        String content = Files.readString(Path.of("../samples/pakistan-russia-2021-04-07.txt"));
        analysis = nlp.analyzeDocument(AnalyzeDocumentRequest.newBuilder()
                .setDocument(Document.newBuilder().setType(Document.Type.PLAIN_TEXT).setContent(content))
                .setPublicationTime(Timestamp.newBuilder()
                        .setSeconds(Instant.parse("2021-04-07T09:00:00Z").getEpochSecond()))
                .build()).getAnalysis();
        String json = JsonFormat.printer().print(analysis);
        Files.writeString(Path.of("target/sample-analysis.json"), json);
        System.out.println(json);
    }

    private List<Entity> entitiesMentioning(String word) {
        return analysis.getEntitiesList().stream()
                .filter(e -> e.getMentionsList().stream().anyMatch(m -> m.getText().contains(word)))
                .filter(e -> e.getType() == Entity.Type.PERSON)
                .toList();
    }

    private Entity entityNamed(String name) {
        return analysis.getEntitiesList().stream().filter(e -> e.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no entity " + name));
    }

    @Test
    void bothMinistersAreOnePersonEntityEach() {
        assertEquals(1, entitiesMentioning("Qureshi").size());
        assertEquals(1, entitiesMentioning("Lavrov").size());
        Entity qureshi = entityNamed(QURESHI);
        Entity lavrov = entityNamed(LAVROV);
        assertEquals(Entity.Type.PERSON, qureshi.getType());
        assertEquals(Entity.Type.PERSON, lavrov.getType());
        assertTrue(qureshi.getAliasesList().contains("Qureshi"), qureshi.getAliasesList().toString());
        assertTrue(lavrov.getAliasesList().containsAll(List.of("Lavrov", "Sergei Lavrov")), lavrov.getAliasesList().toString());
        assertFalse(lavrov.getAliasesList().contains(LAVROV), "the canonical name is not an alias");
        assertEquals(lavrov.getAliasesList().stream().distinct().count(), lavrov.getAliasesCount());
    }

    @Test
    void countriesAndCitiesAreGeopoliticalEntities() {
        for (String name : List.of("Pakistan", "Russia", "Islamabad", "Palestine", "Israel", "India", "Moscow")) {
            assertEquals(Entity.Type.GPE, entityNamed(name).getType(), name);
        }
    }

    @Test
    void entitiesAreRankedBySalienceWithSequentialIds() {
        List<Entity> entities = analysis.getEntitiesList();
        assertEquals(1.0, entities.get(0).getSalience());
        for (int i = 0; i < entities.size(); i++) {
            assertEquals("e" + (i + 1), entities.get(i).getId());
            assertTrue(entities.get(i).getSalience() >= 0 && entities.get(i).getSalience() <= 1);
            if (i > 0) {
                assertTrue(entities.get(i).getSalience() <= entities.get(i - 1).getSalience());
            }
        }
    }

    @Test
    void theDirectQuotesHaveTheRightSpeakers() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("We are keen to build a strong, multi-dimensional relationship with Russia", QURESHI);
        expected.put("We feel Russia is a factor of stability in the region and global stage", QURESHI);
        expected.put("We feel that within our framework, there are opportunities for interaction and we feel we can help each other", QURESHI);
        expected.put("We have discussed the fragility of our border with India, discussed Kashmir, and shared the positive development of ceasefire reaffirmation", QURESHI);
        expected.put("We have high-level commitments and dialogue", LAVROV);
        expected.put("We should not forget the task of establishing the state of Palestine", LAVROV);
        expected.put("Russia stands ready to facilitate direct dialogue between Palestine and Israel", LAVROV);
        expected.put("We stand ready to deepen relations with Pakistan", LAVROV);

        Map<String, String> attributed = new LinkedHashMap<>();
        for (Quote q : quotes(AttributionForm.DIRECT)) {
            if (!q.getSpeakerEntityId().isEmpty()) {
                attributed.put(withoutTrailingPunctuation(q.getText()), q.getSpeaker());
                assertEquals(q.getSpeaker(), entityById(q.getSpeakerEntityId()).getName());
            }
        }
        assertEquals(expected, attributed);

        Quote unattributed = quoteStarting("build a strong, multi-dimensional relationship that is based on trust");
        assertEquals("", unattributed.getSpeakerEntityId(), "\"both countries vowed\" has no single speaker");
        assertEquals("both countries", unattributed.getSpeaker(), "but the reader learns who vowed");
        assertEquals("remark", quoteStarting("We stand ready").getCue());
        assertEquals("", quoteStarting("Russia stands ready").getCue(), "it continues the previous quote");
    }

    @Test
    void partialQuotesAreMixedAttributionsOfTheirWholeClause() {
        Quote talks = quoteStarting("the talks with his Russian counterpart had been very productive");
        assertEquals(AttributionForm.MIXED, talks.getForm());
        assertTrue(talks.getText().endsWith("covered \u201cpractically everything.\u201d"), talks.getText());
        assertEquals(QURESHI, talks.getSpeaker());
        assertEquals("say", talks.getCue());
        Quote sky = quoteStarting("In strengthening ties, the \u201csky is the limit");
        assertEquals(AttributionForm.MIXED, sky.getForm());
        assertEquals(QURESHI, sky.getSpeaker());
        assertEquals("add", sky.getCue());
        assertTrue(quotes(AttributionForm.DIRECT).stream().noneMatch(q -> q.getText().startsWith("practically")),
                "the partial quote is part of its clause, not a quote of its own");
    }

    @Test
    void qureshisAndLavrovsReportedStatementsAreTheirs() {
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("it will be approached with a new mindset", QURESHI);
        expected.put("Pakistan intends to build a relationship of trust with Russia", QURESHI);
        expected.put("his talks with the Russian diplomat covered cooperation in defence and counter-terror, "
                + "as well as the Afghan peace process", QURESHI);
        expected.put("the ministers discussed the European troika, as well as the possibility of a Moscow format meeting",
                QURESHI);
        expected.put("relations between Pakistan and Russia are mutually beneficial", LAVROV);
        expected.put("he is satisfied by the increase in mutual trade", LAVROV);
        Map<String, String> reported = new LinkedHashMap<>();
        for (Quote q : quotes(AttributionForm.INDIRECT)) {
            if (expected.containsKey(q.getText())) {
                reported.put(q.getText(), q.getSpeaker());
                assertEquals(q.getSpeaker(), entityById(q.getSpeakerEntityId()).getName());
            }
        }
        assertEquals(expected, reported);
        assertTrue(quoteStarting("both countries should further play their roles").getSpeaker().equals(LAVROV),
                "\"He said that both countries should ...\" is Lavrov's");
    }

    @Test
    void offsetsPointIntoTheCleanedText() {
        String text = analysis.getCleanedText();
        for (Entity e : analysis.getEntitiesList()) {
            for (Mention m : e.getMentionsList()) {
                assertEquals(m.getText(), text.substring(m.getBegin(), m.getEnd()));
            }
        }
        for (Quote q : analysis.getQuotesList()) {
            assertEquals(q.getText(), text.substring(q.getBegin(), q.getEnd()));
        }
        for (TemporalExpression t : analysis.getTemporalExpressionsList()) {
            assertEquals(t.getText(), text.substring(t.getBegin(), t.getEnd()));
        }
    }

    @Test
    void relativeDatesAreResolvedAgainstThePublicationDate() {
        assertEquals("2021-04-07", temporal("Wednesday").getValue(), "discussed on Wednesday, published that day");
        assertEquals("2021-04-06", temporal("yesterday").getValue());
        assertEquals(TemporalExpression.Type.DATE, temporal("yesterday").getType());
    }

    @Test
    void theCommentFormIsNotPartOfTheText() {
        assertFalse(analysis.getCleanedText().contains("Please enter your comment!"));
        assertFalse(analysis.getCleanedText().contains("Please enter your name here"));
        assertTrue(analysis.getCleanedText().endsWith("Sergei Lavrov remarked."));
    }

    @Test
    void noBoilerplateIsAnalyzed() {
        List<String> outputs = new java.util.ArrayList<>();
        for (Entity e : analysis.getEntitiesList()) {
            outputs.add(e.getName());
            outputs.addAll(e.getAliasesList());
            e.getMentionsList().forEach(m -> outputs.add(m.getText()));
        }
        analysis.getQuotesList().forEach(q -> outputs.add(q.getText()));
        analysis.getKeyPhrasesList().forEach(p -> outputs.add(p.getText()));
        analysis.getEventsList().forEach(e -> outputs.add(e.getTopic()));
        for (String output : outputs) {
            String lower = output.toLowerCase(java.util.Locale.ROOT);
            assertFalse(lower.contains("comment") || lower.contains("please enter") || lower.contains("name here"),
                    output);
        }
    }

    @Test
    void roleAndDescriptionPhrasesAreAliasesOfTheMinisterTheyDescribe() {
        Entity lavrov = entityNamed(LAVROV);
        assertTrue(lavrov.getAliasesList().containsAll(
                List.of("his Russian counterpart", "the Russian foreign minister", "the Russian diplomat")),
                lavrov.getAliasesList().toString());
        assertTrue(lavrov.getMentionsList().stream().anyMatch(m -> m.getKind() == Mention.Kind.NOMINAL
                && m.getText().equals("The Russian foreign minister")));
        Entity qureshi = entityNamed(QURESHI);
        assertTrue(qureshi.getAliasesList().stream().noneMatch(a -> a.contains("Russian")),
                qureshi.getAliasesList().toString());
        assertTrue(analysis.getEntitiesList().stream().filter(e -> e.getType() != Entity.Type.PERSON)
                .allMatch(e -> e.getMentionsList().stream().allMatch(m -> m.getKind() == Mention.Kind.NAME)),
                "no role phrase joins a country, organization or nationality");
    }

    @Test
    void theMinistersReadPositiveInTheirOwnSentences() {
        for (String name : List.of(QURESHI, LAVROV, "Pakistan", "Russia")) {
            Entity entity = entityNamed(name);
            assertTrue(entity.hasSentiment(), name);
            assertTrue(entity.getSentiment().getScore() > 0.3, name + " " + entity.getSentiment());
            assertTrue(entity.getSentiment().getMagnitude() > 0, name);
        }
        assertEquals(0, entityNamed("Moscow").getSentiment().getMagnitude(), "a neutral mention carries no tone");
    }

    @Test
    void theTalksTheVisitAndTheMeetingAreEvents() {
        String pakistan = entityNamed("Pakistan").getId();
        String russia = entityNamed("Russia").getId();
        String qureshi = entityNamed(QURESHI).getId();
        String lavrov = entityNamed(LAVROV).getId();
        String islamabad = entityNamed("Islamabad").getId();
        String text = analysis.getCleanedText();

        Event discussed = event(Event.Type.DISCUSS, "discussed");
        assertEquals(List.of(pakistan, russia), discussed.getActorEntityIdsList());
        assertEquals("the Afghan peace process", discussed.getTopic());
        assertEquals("2021-04-07", discussed.getDate());
        assertTrue(text.substring(discussed.getBegin(), discussed.getEnd()).startsWith("Pakistan and Russia discussed"));

        Event arrived = event(Event.Type.VISIT, "arrived");
        assertEquals(List.of(lavrov), arrived.getActorEntityIdsList(), "the Russian foreign minister is Lavrov");
        assertEquals(islamabad, arrived.getLocationEntityId());
        assertEquals("2021-04-06", arrived.getDate());

        Event met = event(Event.Type.MEET, "talks");
        assertEquals(List.of(qureshi), met.getActorEntityIdsList());
        assertEquals(List.of(lavrov), met.getParticipantEntityIdsList());
        assertEquals(islamabad, met.getLocationEntityId());
        assertTrue(text.substring(met.getBegin(), met.getEnd()).startsWith("Addressing a joint press conference"));
        for (Event e : analysis.getEventsList()) {
            assertFalse(e.getActorEntityIdsList().isEmpty(), e.toString());
            e.getActorEntityIdsList().forEach(this::entityById);
            e.getParticipantEntityIdsList().forEach(this::entityById);
        }
    }

    @Test
    void keyPhrasesToneAndCounts() {
        assertEquals("en", analysis.getLanguage());
        assertTrue(analysis.getWordCount() > 350 && analysis.getWordCount() < 400, "" + analysis.getWordCount());
        assertEquals(1.0, analysis.getKeyPhrases(0).getScore());
        assertTrue(analysis.getKeyPhrasesList().stream().anyMatch(p -> p.getText().equals("Afghan peace process")),
                analysis.getKeyPhrasesList().toString());
        assertTrue(analysis.getKeyPhrasesList().stream().noneMatch(p -> p.getText().contains("Lavrov")),
                "names are entities, not key phrases");
        assertTrue(analysis.getSentiment().getScore() > 0, "productive diplomatic talks read positive");
        assertTrue(analysis.getSentiment().getMagnitude() > 0);
    }

    private Entity entityById(String id) {
        return analysis.getEntitiesList().stream().filter(e -> e.getId().equals(id)).findFirst().orElseThrow();
    }

    private Event event(Event.Type type, String trigger) {
        return analysis.getEventsList().stream().filter(e -> e.getType() == type && e.getTrigger().equals(trigger))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type + " event " + trigger));
    }

    private List<Quote> quotes(AttributionForm form) {
        return analysis.getQuotesList().stream().filter(q -> q.getForm() == form).toList();
    }

    private Quote quoteStarting(String start) {
        return analysis.getQuotesList().stream().filter(q -> q.getText().startsWith(start)).findFirst()
                .orElseThrow(() -> new AssertionError("no quote " + start));
    }

    private TemporalExpression temporal(String text) {
        return analysis.getTemporalExpressionsList().stream().filter(t -> t.getText().equals(text)).findFirst()
                .orElseThrow(() -> new AssertionError("no temporal expression " + text));
    }

    private static String withoutTrailingPunctuation(String text) {
        return text.replaceAll("[\\s.,;:!?]+$", "");
    }
}
