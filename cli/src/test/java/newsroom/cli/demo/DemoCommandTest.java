package newsroom.cli.demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Optional;
import newsroom.nlp.v1.Analysis;
import newsroom.nlp.v1.Entity;
import newsroom.query.v1.GetArticleResponse;
import org.junit.jupiter.api.Test;

/** The demo's closing hint names Lavrov's global entity, the id {@code events --entity} takes. */
class DemoCommandTest {

    private static final Analysis ANALYSIS = Analysis.newBuilder()
            .addEntities(Entity.newBuilder().setId("e1").setName("Russia").setType(Entity.Type.GPE))
            .addEntities(Entity.newBuilder().setId("e2").setName("Lavrov Street").setType(Entity.Type.LOCATION))
            .addEntities(Entity.newBuilder().setId("e4").setName("Sergey Lavrov").setType(Entity.Type.PERSON))
            .build();

    @Test
    void lavrovsIdIsTheGlobalIdOfThePersonNotTheDocumentOne() {
        GetArticleResponse article = GetArticleResponse.newBuilder().setAnalysis(ANALYSIS)
                .putGlobalEntityIds("e1", 1).putGlobalEntityIds("e2", 2).putGlobalEntityIds("e4", 17).build();
        assertEquals(Optional.of(17L), DemoCommand.lavrovsId(article));
    }

    @Test
    void withoutAGlobalIdThereIsNoHint() {
        GetArticleResponse article = GetArticleResponse.newBuilder().setAnalysis(ANALYSIS)
                .putGlobalEntityIds("e2", 2).build();
        assertEquals(Optional.empty(), DemoCommand.lavrovsId(article));
    }
}
