package newsroom.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import newsroom.nlp.v1.Analysis;
import newsroom.nlp.v1.AttributionForm;
import newsroom.nlp.v1.Entity;
import newsroom.nlp.v1.Event;
import newsroom.nlp.v1.Quote;
import org.junit.jupiter.api.Test;

class AnalysisReportTest {

    private static final Quote MIXED = quote(AttributionForm.MIXED, "e1", "Shah Mahmood Qureshi", "say",
            "the talks had been very productive and covered “practically everything.”");
    private static final Quote GROUP = quote(AttributionForm.DIRECT, "", "both countries", "vow",
            "build a strong, multi-dimensional relationship that is based on trust.");
    private static final Quote DIRECT = quote(AttributionForm.DIRECT, "e1", "Shah Mahmood Qureshi", "say",
            "We feel Russia is a factor of stability in the region and global stage,");
    private static final Quote INDIRECT = quote(AttributionForm.INDIRECT, "e1", "Shah Mahmood Qureshi", "say",
            "Pakistan intends to build a relationship of trust with Russia");
    private static final Quote LAVROV = quote(AttributionForm.INDIRECT, "e2", "Sergey Lavrov", "add",
            "relations between Pakistan and Russia are mutually beneficial");
    /** An analysis stored before forms existed: no form, which means a direct quote. */
    private static final Quote OLD = quote(AttributionForm.ATTRIBUTION_FORM_UNSPECIFIED, "e2", "Sergey Lavrov", "",
            "We stand ready to deepen relations with Pakistan,");
    private static final Quote NOBODY = quote(AttributionForm.INDIRECT, "", "", "according to",
            "the talks will resume in May");

    @Test
    void onlyDirectQuotesAreInQuotationMarksAndEveryFormIsNamed() {
        Analysis analysis = Analysis.newBuilder()
                .addQuotes(GROUP).addQuotes(MIXED).addQuotes(DIRECT).addQuotes(INDIRECT).addQuotes(OLD)
                .addQuotes(NOBODY).build();
        assertEquals("""
                SPEAKER                     CUE           FORM      TEXT
                both countries (no entity)  vow           direct    “build a strong, multi-dimensional relationship that is based on trust.”
                Shah Mahmood Qureshi        say           mixed     the talks had been very productive and covered “practically everything.”
                Shah Mahmood Qureshi        say           direct    “We feel Russia is a factor of stability in the region and global stage,”
                Shah Mahmood Qureshi        say           indirect  Pakistan intends to build a relationship of trust with Russia
                Sergey Lavrov                             direct    “We stand ready to deepen relations with Pakistan,”
                (unattributed)              according to  indirect  the talks will resume in May
                """, AnalysisReport.quotes(analysis.getQuotesList()).render(200));
    }

    @Test
    void whoSaidWhatGroupsBySpeakerTheMostFirstWithTheWordsAligned() {
        Analysis analysis = Analysis.newBuilder()
                .addQuotes(GROUP).addQuotes(MIXED).addQuotes(LAVROV).addQuotes(DIRECT).addQuotes(INDIRECT)
                .addQuotes(OLD).build();
        assertEquals("""
                Shah Mahmood Qureshi
                  say  mixed     the talks had been very productive and covered “practically
                                 everything.”
                  say  direct    “We feel Russia is a factor of stability in the region and
                                 global stage,”
                  say  indirect  Pakistan intends to build a relationship of trust with Russia
                Sergey Lavrov
                  add  indirect  relations between Pakistan and Russia are mutually beneficial
                       direct    “We stand ready to deepen relations with Pakistan,”
                both countries (no entity)
                  vow  direct    “build a strong, multi-dimensional relationship that is based
                                 on trust.”
                """, AnalysisReport.whoSaidWhat(analysis.getQuotesList(), 80));
    }

    @Test
    void eventsNameTheirEntities() {
        Analysis analysis = Analysis.newBuilder()
                .addEntities(Entity.newBuilder().setId("e1").setName("Shah Mahmood Qureshi"))
                .addEntities(Entity.newBuilder().setId("e2").setName("Sergey Lavrov"))
                .addEntities(Entity.newBuilder().setId("e3").setName("Islamabad"))
                .addEvents(Event.newBuilder().setType(Event.Type.MEET).setTrigger("talks").addActorEntityIds("e1")
                        .addParticipantEntityIds("e2").setLocationEntityId("e3").setDate("2021-04-07"))
                .addEvents(Event.newBuilder().setType(Event.Type.DISCUSS).setTrigger("discussed")
                        .addActorEntityIds("e1").addActorEntityIds("e2").setTopic("Kashmir"))
                .build();
        assertEquals("""
                EVENT    WHO                                  WITH           WHERE      WHEN        WHAT
                MEET     Shah Mahmood Qureshi                 Sergey Lavrov  Islamabad  2021-04-07  (talks)
                DISCUSS  Shah Mahmood Qureshi, Sergey Lavrov                                        Kashmir
                """, AnalysisReport.events(analysis).render(120));
    }

    private static Quote quote(AttributionForm form, String speakerEntityId, String speaker, String cue, String text) {
        return Quote.newBuilder().setForm(form).setSpeakerEntityId(speakerEntityId).setSpeaker(speaker).setCue(cue)
                .setText(text).build();
    }
}
