package newsroom.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.protobuf.InvalidProtocolBufferException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import newsroom.ingest.analysis.AnalysisWriter;
import newsroom.ingest.analysis.WrittenAnalysis;
import newsroom.ingest.v1.ArticleStatus;
import newsroom.ingest.v1.GetIngestStatusRequest;
import newsroom.ingest.v1.IngestServiceGrpc;
import newsroom.nlp.v1.Analysis;
import newsroom.nlp.v1.AttributionForm;
import newsroom.nlp.v1.Entity;
import newsroom.nlp.v1.Event;
import newsroom.nlp.v1.Quote;
import newsroom.store.StoredArticle;
import newsroom.store.StoredEntity;
import org.junit.jupiter.api.Test;

/**
 * AnalysisWriter stores each quote's form and the analysis' events with their
 * entities resolved to global ones, and replaces both when the article is
 * analysed again.
 */
@QuarkusTest
class FormsAndEventsTest {

    static final Instant PUBLISHED = Instant.parse("2021-04-07T09:00:00Z");

    private static final String TEXT = "Sergey Lavrov met Shah Mahmood Qureshi in Islamabad on Tuesday. "
            + "Qureshi said the talks had been very productive. \u201CRussia is a friend,\u201D Lavrov said. "
            + "Maria Zakharova announced a visit to Pakistan in May. ";

    @GrpcClient("ingest")
    IngestServiceGrpc.IngestServiceBlockingStub ingest;

    @Inject
    AnalysisWriter writer;

    @Test
    void aQuoteWithoutAFormIsStoredAsDirect() {
        long id = analyzed(TEXT + Articles.unique());

        // The test NLP service sets no form, as an analysis made before forms existed.
        assertEquals(List.of("Russia is a friend,|DIRECT"),
                rows("SELECT text || '|' || form FROM quote WHERE article_id = " + id + " ORDER BY begin_offset"));
    }

    @Test
    void formsAndEventsAreStoredWithGlobalEntitiesAndReplacedWhenAnalyzedAgain()
            throws InvalidProtocolBufferException {
        long id = analyzed(TEXT + Articles.unique());
        Analysis spotted = Analysis.parseFrom(Articles.stored(id).analysis);
        String lavrov = localId(spotted, "Sergey Lavrov");
        String qureshi = localId(spotted, "Shah Mahmood Qureshi");
        String zakharova = localId(spotted, "Maria Zakharova");
        String islamabad = localId(spotted, "Islamabad");
        String pakistan = localId(spotted, "Pakistan");
        String text = spotted.getCleanedText();
        Analysis analysis = spotted.toBuilder()
                // "Lavrov" again as an entity of its own, which resolves to Sergey Lavrov; and an entity with
                // no letters or digits, which resolves to nothing.
                .addEntities(Entity.newBuilder().setId("e90").setName("Lavrov").setType(Entity.Type.PERSON))
                .addEntities(Entity.newBuilder().setId("e91").setName("***").setType(Entity.Type.PERSON))
                .setQuotes(0, spotted.getQuotes(0).toBuilder().setForm(AttributionForm.DIRECT))
                .addQuotes(quote(text, "the talks had been very productive", qureshi, AttributionForm.INDIRECT))
                .addQuotes(quote(text, "Russia is a friend", lavrov, AttributionForm.MIXED))
                // Lavrov (twice over) met Qureshi and someone unknown.
                .addEvents(event(text, Event.Type.MEET, "met", "2021-04-06", List.of(lavrov),
                        List.of("e90", qureshi, "e42"), islamabad))
                .addEvents(event(text, Event.Type.ANNOUNCE, "announced", "2021-05", List.of(zakharova), List.of(),
                        pakistan).setTopic("a visit"))
                // No actor resolves: not stored.
                .addEvents(event(text, Event.Type.DISCUSS, "talks", "", List.of("e91"), List.of(qureshi), ""))
                // One of two actors resolves; the date names no day, so the event is placed at publication.
                .addEvents(event(text, Event.Type.VISIT, "met", "PRESENT_REF", List.of("e91", lavrov), List.of(), ""))
                .build();

        WrittenAnalysis written = writer.write(id, analysis);

        assertEquals(3, written.events());
        assertEquals(List.of("Russia is a friend,|DIRECT", "the talks had been very productive|INDIRECT",
                        "Russia is a friend|MIXED"),
                rows("SELECT text || '|' || form FROM quote WHERE article_id = " + id + " ORDER BY id"));
        String published = "2021-04-07 09:00:00";
        int firstSentenceEnd = text.indexOf('.') + 1;
        List<String> events = List.of(
                "MEET|met||" + global("Islamabad") + "|2021-04-06|2021-04-06|" + published + "|0|" + firstSentenceEnd,
                "ANNOUNCE|announced|a visit|" + global("Pakistan") + "|2021-05|2021-05-01|" + published
                        + "|" + text.indexOf("Maria") + "|" + (text.indexOf("May.") + 4),
                "VISIT|met|||PRESENT_REF||" + published + "|0|" + firstSentenceEnd);
        assertEquals(events, events(id));
        assertEquals(List.of(
                        "MEET|" + global("Sergey Lavrov") + "|ACTOR|0|2021-04-06 00:00:00",
                        "MEET|" + global("Shah Mahmood Qureshi") + "|PARTICIPANT|0|2021-04-06 00:00:00",
                        "ANNOUNCE|" + global("Maria Zakharova") + "|ACTOR|0|2021-05-01 00:00:00",
                        "VISIT|" + global("Sergey Lavrov") + "|ACTOR|0|" + published),
                eventEntities(id));

        writer.write(id, analysis);
        assertEquals(events, events(id));
        assertEquals(4, eventEntities(id).size());

        // Analysed again without the meeting, then with no events at all.
        writer.write(id, analysis.toBuilder().removeEvents(0).build());
        assertEquals(events.subList(1, 3), events(id));
        assertEquals(List.of("ANNOUNCE", "VISIT"),
                eventEntities(id).stream().map(row -> row.substring(0, row.indexOf('|'))).toList());
        writer.write(id, analysis.toBuilder().clearEvents().build());
        assertEquals(List.of(), events(id));
        assertEquals(List.of(), eventEntities(id));
        assertEquals(List.of(), rows("SELECT CAST(ee.event_id AS text) FROM event_entity ee"
                + " WHERE NOT EXISTS (SELECT 1 FROM event e WHERE e.id = ee.event_id)"));
    }

    private long analyzed(String text) {
        long id = ingest.ingestArticle(Articles.request(Articles.plainText(text)
                .setPublishedTime(Articles.timestamp(PUBLISHED)))).getArticleId();
        Articles.await("article " + id + " to be ANALYZED", () -> ingest.getIngestStatus(
                GetIngestStatusRequest.newBuilder().setArticleId(id).build()).getStatus() == ArticleStatus.ANALYZED);
        return id;
    }

    private static String localId(Analysis analysis, String name) {
        return analysis.getEntitiesList().stream().filter(entity -> entity.getName().equals(name)).findFirst()
                .orElseThrow(() -> new AssertionError("no entity " + name)).getId();
    }

    private static Quote quote(String text, String words, String speaker, AttributionForm form) {
        int begin = text.indexOf(words);
        return Quote.newBuilder().setText(words).setBegin(begin).setEnd(begin + words.length())
                .setSpeakerEntityId(speaker).setCue("say").setForm(form).build();
    }

    // The event's sentence: the one its trigger is in.
    private static Event.Builder event(String text, Event.Type type, String trigger, String date, List<String> actors,
                                       List<String> participants, String location) {
        int at = text.indexOf(trigger);
        int begin = text.lastIndexOf(". ", at) < 0 ? 0 : text.lastIndexOf(". ", at) + 2;
        int end = text.indexOf('.', at) + 1;
        return Event.newBuilder().setType(type).setTrigger(trigger).setDate(date).addAllActorEntityIds(actors)
                .addAllParticipantEntityIds(participants).setLocationEntityId(location).setBegin(begin).setEnd(end);
    }

    private static long global(String name) {
        return QuarkusTransaction.requiringNew().call(() -> StoredEntity
                .<StoredEntity>find("name", name).singleResult().id);
    }

    private static List<String> events(long articleId) {
        return rows("""
                SELECT concat_ws('|', type, trigger, topic, coalesce(CAST(location_entity_id AS text), ''), date_value,
                                 coalesce(CAST(date_first_day AS text), ''), %s, begin_offset, end_offset)
                FROM event WHERE article_id = %d ORDER BY id""".formatted(utc("published_at"), articleId));
    }

    private static List<String> eventEntities(long articleId) {
        return rows("""
                SELECT concat_ws('|', ee.event_type, ee.entity_id, ee.role, ee.position, %s)
                FROM event_entity ee JOIN event e ON e.id = ee.event_id
                WHERE e.article_id = %d AND ee.article_id = e.article_id AND ee.begin_offset = e.begin_offset
                ORDER BY ee.event_id, ee.role, ee.position""".formatted(utc("ee.happened_at"), articleId));
    }

    private static String utc(String column) {
        return "CAST(" + column + " AT TIME ZONE 'UTC' AS text)";
    }

    @SuppressWarnings("unchecked")
    private static List<String> rows(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> ((List<Object>) StoredArticle.getEntityManager()
                .createNativeQuery(sql).getResultList()).stream()
                .map(String::valueOf).collect(Collectors.toList()));
    }
}
