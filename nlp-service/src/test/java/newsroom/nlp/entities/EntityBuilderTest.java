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

    private static ChainMention chain(String text, MentionKind kind) {
        int begin = TEXT.indexOf(text);
        return new ChainMention(text, begin, begin + text.length(), kind, true);
    }

    @Test
    void buildsCanonicalNamesAliasesMentionsAndRanksBySalience() {
        List<NameMention> names = List.of(
                name("Sergey Lavrov", EntityType.PERSON), name("Ayesha Khan", EntityType.PERSON),
                name("Pakistani", EntityType.MISC), nameAt("Lavrov", 40, EntityType.PERSON));
        // A chain that wrongly joins both people, as CoreNLP does: nominal and pronoun
        // mentions must go to the person named nearest before them.
        List<List<ChainMention>> chains = List.of(List.of(
                chain("Sergey Lavrov", MentionKind.NAME), chain("Ayesha Khan", MentionKind.NAME),
                chain("The Pakistani minister", MentionKind.NOMINAL), chain("She", MentionKind.PRONOMINAL)));

        List<DocumentEntity> entities = new EntityBuilder().build(names, chains, TEXT.length());

        DocumentEntity lavrov = entities.get(0);
        assertEquals("e1", lavrov.id());
        assertEquals("Sergey Lavrov", lavrov.name());
        assertEquals(List.of("Lavrov"), lavrov.aliases());
        assertEquals(1.0, lavrov.salience());
        DocumentEntity khan = entities.stream().filter(e -> e.name().equals("Ayesha Khan")).findFirst().orElseThrow();
        assertEquals(List.of("Ayesha Khan", "The Pakistani minister", "She"),
                khan.mentions().stream().map(EntityMention::text).toList(),
                "a chain's descriptions and pronouns go to the person named nearest before them");
        assertEquals(List.of(MentionKind.NAME, MentionKind.NOMINAL, MentionKind.PRONOMINAL),
                khan.mentions().stream().map(EntityMention::kind).toList());
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
}
