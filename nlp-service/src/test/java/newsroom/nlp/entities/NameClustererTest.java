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
        assertFalse(NameForm.of("Ian Smith").samePersonAs(NameForm.of("Jan Smith")));
    }

    @Test
    void surnameTransliterationsJoinWhenTheFirstNameAgrees() {
        var clusters = clusterer.cluster(mentions(
                EntityType.PERSON, "Volodymyr Zelenskyy", EntityType.PERSON, "Volodymyr Zelensky",
                EntityType.PERSON, "Mikhail Khodorkovsky", EntityType.PERSON, "Mikhail Hodorkovsky",
                EntityType.PERSON, "Sergei Aksyonov", EntityType.PERSON, "Sergey Axyonov",
                EntityType.PERSON, "Mikhail Gorbachev", EntityType.PERSON, "Mikhail Gorbachov",
                EntityType.PERSON, "Nursultan Nazarbayev", EntityType.PERSON, "Nursultan Nazarbaev",
                EntityType.PERSON, "Recep Tayyip Erdoğan", EntityType.PERSON, "Recep Tayyip Erdogan",
                EntityType.PERSON, "Ilham Əliyev", EntityType.PERSON, "Ilham Aliev"));
        assertEquals(List.of(List.of("Volodymyr Zelenskyy", "Volodymyr Zelensky"),
                List.of("Mikhail Khodorkovsky", "Mikhail Hodorkovsky"), List.of("Sergei Aksyonov", "Sergey Axyonov"),
                List.of("Mikhail Gorbachev", "Mikhail Gorbachov"), List.of("Nursultan Nazarbayev", "Nursultan Nazarbaev"),
                List.of("Recep Tayyip Erdoğan", "Recep Tayyip Erdogan"), List.of("Ilham Əliyev", "Ilham Aliev")),
                texts(clusters));
    }

    @Test
    void aTransliteratedSurnameAloneJoinsTheOnePersonWhoseFullNameEndsInIt() {
        var clusters = clusterer.cluster(mentions(
                EntityType.PERSON, "Volodymyr Zelenskyy", EntityType.PERSON, "Zelenskiy",
                EntityType.PERSON, "Mikhail Gorbachev", EntityType.PERSON, "Gorbachov"));
        assertEquals(List.of(List.of("Volodymyr Zelenskyy", "Zelenskiy"), List.of("Mikhail Gorbachev", "Gorbachov")),
                texts(clusters));
    }

    @Test
    void theSameTitleBeforeTwoSpellingsIsEvidenceToo() {
        List<NameMention> names = List.of(new NameMention("Zelensky", 10, 18, EntityType.PERSON, "president"),
                new NameMention("Zelenskiy", 40, 49, EntityType.PERSON, "president"),
                new NameMention("Zelenskyy", 70, 79, EntityType.PERSON, "prime minister"));
        assertEquals(List.of(List.of("Zelensky", "Zelenskiy"), List.of("Zelenskyy")), texts(clusterer.cluster(names)));
    }

    @Test
    void surnameVariantsWithoutEvidenceOrOfTwoPeopleStaySeparate() {
        // No full name: two spellings alone are no evidence of one person.
        assertEquals(List.of(List.of("Zelensky"), List.of("Zelenskiy")),
                texts(clusterer.cluster(mentions(EntityType.PERSON, "Zelensky", EntityType.PERSON, "Zelenskiy"))));
        // Different first names are different people, whatever the surname's spelling.
        assertEquals(List.of(List.of("Sergei Ivanov"), List.of("Viktor Ivanow")),
                texts(clusterer.cluster(mentions(EntityType.PERSON, "Sergei Ivanov", EntityType.PERSON, "Viktor Ivanow"))));
        // A feminine form is a wife or a daughter, not a spelling.
        assertEquals(List.of(List.of("Sergey Lavrov"), List.of("Lavrova")),
                texts(clusterer.cluster(mentions(EntityType.PERSON, "Sergey Lavrov", EntityType.PERSON, "Lavrova"))));
        assertEquals(List.of(List.of("Volodymyr Zelensky", "Zelenskyy"), List.of("Olena Zelenska", "Zelenska")),
                texts(clusterer.cluster(mentions(EntityType.PERSON, "Volodymyr Zelensky", EntityType.PERSON, "Olena Zelenska",
                        EntityType.PERSON, "Zelenskyy", EntityType.PERSON, "Zelenska"))));
        // Two people whose surnames both fit: no evidence which one is meant.
        assertEquals(List.of(List.of("Sergei Aksyonov"), List.of("Ivan Aksenov"), List.of("Axyonov")),
                texts(clusterer.cluster(mentions(EntityType.PERSON, "Sergei Aksyonov", EntityType.PERSON, "Ivan Aksenov",
                        EntityType.PERSON, "Axyonov"))));
    }

    @Test
    void transliterationKeys() {
        assertEquals(Transliteration.surnameKey("zelensky"), Transliteration.surnameKey("zelenskyy"));
        assertEquals(Transliteration.surnameKey("zelensky"), Transliteration.surnameKey("zelenskiy"));
        assertEquals(Transliteration.surnameKey("yanukovych"), Transliteration.surnameKey("yanukovitch"));
        assertEquals(Transliteration.givenNameKey("alexei"), Transliteration.givenNameKey("aleksey"));
        assertTrue(Transliteration.surnameVariants("lukashenko", "lukashenka"));
        assertFalse(Transliteration.surnameVariants("ivanov", "ivanova"));
        assertFalse(Transliteration.surnameVariants("khan", "khin"));
        assertTrue(NameForm.of("Alexei Navalny").samePersonAs(NameForm.of("Aleksei Navalnyy")));
        assertFalse(NameForm.of("Anna Ivanov").samePersonAs(NameForm.of("Anna Ivanova")));
    }

    @Test
    void aCompanyWithoutItsLegalFormJoinsTheFullName() {
        var clusters = clusterer.cluster(mentions(
                EntityType.ORGANIZATION, "Gazprom PJSC", EntityType.ORGANIZATION, "OAO Gazprom",
                EntityType.ORGANIZATION, "Gazprom", EntityType.ORGANIZATION, "Apple Inc.",
                EntityType.ORGANIZATION, "Deutsche Bank AG", EntityType.ORGANIZATION, "Apple",
                EntityType.ORGANIZATION, "Deutsche Bank", EntityType.ORGANIZATION, "Volkswagen Group",
                EntityType.ORGANIZATION, "Volkswagen", EntityType.ORGANIZATION, "International Business Machines Corp.",
                EntityType.ORGANIZATION, "IBM"));
        assertEquals(List.of(List.of("Gazprom PJSC", "OAO Gazprom", "Gazprom"), List.of("Apple Inc.", "Apple"),
                List.of("Deutsche Bank AG", "Deutsche Bank"), List.of("Volkswagen Group", "Volkswagen"),
                List.of("International Business Machines Corp.", "IBM")), texts(clusters));
    }

    @Test
    void aNameThatIsMoreThanTheCompanyStaysApart() {
        var clusters = clusterer.cluster(mentions(
                EntityType.ORGANIZATION, "Apple Records", EntityType.ORGANIZATION, "Apple",
                EntityType.ORGANIZATION, "Deutsche Bank AG", EntityType.ORGANIZATION, "Deutsche",
                EntityType.ORGANIZATION, "Group"));
        assertEquals(List.of(List.of("Apple Records"), List.of("Apple"), List.of("Deutsche Bank AG"), List.of("Deutsche"),
                List.of("Group")), texts(clusters));
    }
}
