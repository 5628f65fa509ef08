package newsroom.nlp.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EntityBuilderTest {

    private static final String TEXT = "Sergey Lavrov met Ayesha Khan. The Pakistani minister said Lavrov would return. She left.";

    private static NameMention name(String text, EntityType type) {
        int begin = TEXT.indexOf(text);
        return new NameMention(text, begin, begin + text.length(), type);
    }

    private static NameMention nameAt(String text, int from, EntityType type) {
        int begin = TEXT.indexOf(text, from);
        return new NameMention(text, begin, begin + text.length(), type);
    }

    @Test
    void buildsCanonicalNamesAliasesMentionsAndRanksBySalience() {
        List<NameMention> names = List.of(
                name("Sergey Lavrov", EntityType.PERSON), name("Ayesha Khan", EntityType.PERSON),
                name("Pakistani", EntityType.MISC), nameAt("Lavrov", 40, EntityType.PERSON));

        List<DocumentEntity> entities = new EntityBuilder().build(names, TEXT.length());

        DocumentEntity lavrov = entities.get(0);
        assertEquals("e1", lavrov.id());
        assertEquals("Sergey Lavrov", lavrov.name());
        assertEquals(List.of("Lavrov"), lavrov.aliases());
        assertEquals(1.0, lavrov.salience());
        DocumentEntity khan = entities.stream().filter(e -> e.name().equals("Ayesha Khan")).findFirst().orElseThrow();
        assertEquals(List.of(MentionKind.NAME), khan.mentions().stream().map(EntityMention::kind).toList());
        DocumentEntity withPronoun = khan.withMentions(List.of(new EntityMention("She", TEXT.indexOf("She"),
                TEXT.indexOf("She") + 3, MentionKind.PRONOMINAL)));
        assertEquals(List.of("Ayesha Khan", "She"), withPronoun.mentions().stream().map(EntityMention::text).toList());
        assertTrue(entities.stream().allMatch(e -> e.salience() >= 0 && e.salience() <= 1));
        assertEquals(3, entities.size());
        for (DocumentEntity e : entities) {
            for (EntityMention m : e.mentions()) {
                assertEquals(m.text(), TEXT.substring(m.begin(), m.end()));
            }
        }
    }

    @Test
    void canonicalNameIsTheFullestThenMostFrequentForm() {
        List<NameMention> names = List.of(
                new NameMention("Lavrov", 0, 6, EntityType.PERSON), new NameMention("Sergei Lavrov", 10, 23, EntityType.PERSON),
                new NameMention("Sergey Lavrov", 30, 43, EntityType.PERSON), new NameMention("Sergey Lavrov", 50, 63, EntityType.PERSON));
        assertEquals("Sergey Lavrov", EntityBuilder.canonicalName(names));
    }

    @Test
    void aCompanyIsNamedByItsFullForm() {
        List<NameMention> names = List.of(
                new NameMention("Apple", 0, 5, EntityType.ORGANIZATION), new NameMention("Apple Inc.", 10, 20, EntityType.ORGANIZATION),
                new NameMention("Apple", 30, 35, EntityType.ORGANIZATION));
        List<DocumentEntity> entities = new EntityBuilder().build(names, 40);
        assertEquals(1, entities.size());
        assertEquals("Apple Inc.", entities.get(0).name());
        assertEquals(List.of("Apple"), entities.get(0).aliases());
    }
}
