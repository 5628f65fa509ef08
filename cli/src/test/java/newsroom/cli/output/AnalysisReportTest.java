package newsroom.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import newsroom.nlp.v1.Analysis;
import newsroom.nlp.v1.Entity;
import newsroom.nlp.v1.Event;
import org.junit.jupiter.api.Test;

class AnalysisReportTest {

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
}
