package newsroom.nlp.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class NameClustererTest {

    private final NameClusterer clusterer = new NameClusterer();

    /** Mentions placed one after another, as if in a text. */
    private static List<NameMention> mentions(Object... typeAndText) {
        List<NameMention> mentions = new ArrayList<>();
        int offset = 0;
        for (int i = 0; i < typeAndText.length; i += 2) {
            String text = (String) typeAndText[i + 1];
            mentions.add(new NameMention(text, offset, offset + text.length(), (EntityType) typeAndText[i]));
            offset += text.length() + 10;
        }
        return mentions;
    }

    private static List<List<String>> texts(List<List<NameMention>> clusters) {
        return clusters.stream().map(c -> c.stream().map(NameMention::text).toList()).toList();
    }

    @Test
    void surnameAndSpellingVariantJoinTheFullName() {
        var clusters = clusterer.cluster(mentions(
                EntityType.PERSON, "Sergey Lavrov", EntityType.PERSON, "Ayesha Khan",
                EntityType.PERSON, "Lavrov", EntityType.PERSON, "Sergei Lavrov"));
        assertEquals(List.of(List.of("Sergey Lavrov", "Lavrov", "Sergei Lavrov"), List.of("Ayesha Khan")), texts(clusters));
    }

    @Test
    void middleNamesAndDiacriticsDoNotSplitAPerson() {
        var clusters = clusterer.cluster(mentions(
                EntityType.PERSON, "Shah Mahmood Qureshi", EntityType.PERSON, "Mahmood Qureshi",
                EntityType.PERSON, "Ms. Yıldırım", EntityType.PERSON, "Elif Yildirim"));
        assertEquals(List.of(List.of("Shah Mahmood Qureshi", "Mahmood Qureshi"), List.of("Ms. Yıldırım", "Elif Yildirim")),
                texts(clusters));
    }

    @Test
    void conflictingFirstNamesStaySeparateAndASurnameJoinsTheNearestBefore() {
        var clusters = clusterer.cluster(mentions(
                EntityType.PERSON, "Imran Khan", EntityType.PERSON, "Khan",
                EntityType.PERSON, "Sadiq Khan", EntityType.PERSON, "Khan"));
        assertEquals(List.of(List.of("Imran Khan", "Khan"), List.of("Sadiq Khan", "Khan")), texts(clusters));
    }

    @Test
    void typesNeverMixAndAcronymsJoinTheirName() {
        var clusters = clusterer.cluster(mentions(
                EntityType.ORGANIZATION, "United Nations", EntityType.GPE, "Washington",
                EntityType.PERSON, "George Washington", EntityType.ORGANIZATION, "UN"));
        assertEquals(List.of(List.of("United Nations", "UN"), List.of("Washington"), List.of("George Washington")),
                texts(clusters));
    }

    @Test
    void firstNamesOneLetterApartNeedTheSameSurname() {
        assertTrue(NameForm.of("Sergey Lavrov").samePersonAs(NameForm.of("Sergei Lavrov")));
        assertFalse(NameForm.of("Sergey Lavrov").samePersonAs(NameForm.of("Sergei Ivanov")));
        assertTrue(NameForm.of("Anna Weber").samePersonAs(NameForm.of("Hanna Weber")));
        assertFalse(NameForm.of("Jan Novak").samePersonAs(NameForm.of("Jon Novak")));
    }
}
