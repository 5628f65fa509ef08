package newsroom.ingest.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import newsroom.nlp.v1.Entity;
import newsroom.nlp.v1.Mention;
import org.junit.jupiter.api.Test;

class EntityNameTest {

    @Test
    void rolePhrasesStayInTheirDocument() {
        Entity lavrov = Entity.newBuilder().setId("e1").setName("Sergey Lavrov").setType(Entity.Type.PERSON)
                .addAllAliases(List.of("Lavrov", "Sergei Lavrov", "his Russian counterpart", "the Russian foreign minister"))
                .addMentions(Mention.newBuilder().setText("Sergey Lavrov").setKind(Mention.Kind.NAME))
                .addMentions(Mention.newBuilder().setText("his Russian counterpart").setKind(Mention.Kind.NOMINAL))
                .addMentions(Mention.newBuilder().setText("The Russian foreign minister").setKind(Mention.Kind.NOMINAL))
                .build();
        assertEquals(new EntityName("PERSON", "Sergey Lavrov", List.of("Lavrov", "Sergei Lavrov")),
                EntityName.of(lavrov));
    }

    @Test
    void anUnknownTypeIsUnspecified() {
        Entity unknown = Entity.newBuilder().setName("X").setTypeValue(99).build();
        assertEquals("TYPE_UNSPECIFIED", EntityName.of(unknown).type());
    }
}
