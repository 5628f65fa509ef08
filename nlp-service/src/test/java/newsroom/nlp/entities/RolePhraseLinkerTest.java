package newsroom.nlp.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import newsroom.nlp.text.QuoteFinder;
import newsroom.nlp.text.Tokens;
import org.junit.jupiter.api.Test;

class RolePhraseLinkerTest {

    private final RolePhraseLinker linker = new RolePhraseLinker();

    /** An entity whose NAME mentions are every whole-word occurrence of {@code name} in the text. */
    private static DocumentEntity entity(String id, String name, EntityType type, Tokens text, String... pronouns) {
        List<EntityMention> mentions = new ArrayList<>();
        Matcher m = Pattern.compile("\\b" + Pattern.quote(name) + "\\b").matcher(text.text());
        while (m.find()) {
            mentions.add(new EntityMention(name, m.start(), m.end(), MentionKind.NAME));
        }
        for (String pronoun : pronouns) {
            int at = text.text().indexOf(" " + pronoun + " ") + 1;
            mentions.add(new EntityMention(pronoun, at, at + pronoun.length(), MentionKind.PRONOMINAL));
        }
        mentions.sort(java.util.Comparator.comparingInt(EntityMention::begin));
        return new DocumentEntity(id, name, type, List.of(), mentions, 1.0);
    }

    private List<DocumentEntity> link(Tokens text, DocumentEntity... entities) {
        List<DocumentEntity> linked = linker.link(List.of(entities), text.tokens(), text.text(),
                new QuoteFinder().find(text.text()));
        for (DocumentEntity e : linked) {
            for (EntityMention m : e.mentions()) {
                assertEquals(m.text(), text.text().substring(m.begin(), m.end()), "offsets point into the text");
            }
        }
        return linked;
    }

    private static final String RUSSIAN = "Russian/JJ/Russian/NATIONALITY";

    @Test
    void aRolePhraseJoinsThePersonTheTextGaveThatRole() {
        Tokens text = Tokens.of("Foreign/NNP Minister/NNP Shah/NNP Qureshi/NNP and/CC his/PRP$ " + RUSSIAN
                + " counterpart/NN Sergey/NNP Lavrov/NNP spoke/VBD ./. The/DT " + RUSSIAN + " foreign/JJ minister/NN"
                + " arrived/VBD ./. " + RUSSIAN + " Foreign/NNP Minister/NNP Sergey/NNP Lavrov/NNP left/VBD ./."
                + " Qureshi/NNP thanked/VBD his/PRP$ " + RUSSIAN + " counterpart/NN ./.");
        List<DocumentEntity> linked = link(text, entity("e1", "Shah Qureshi", EntityType.PERSON, text),
                entity("e2", "Sergey Lavrov", EntityType.PERSON, text), entity("e3", "Russian", EntityType.MISC, text),
                entity("e4", "Qureshi", EntityType.PERSON, text));
        DocumentEntity lavrov = linked.get(1);
        assertEquals(List.of("his Russian counterpart", "the Russian foreign minister"), lavrov.aliases());
        assertEquals(List.of("his Russian counterpart", "Sergey Lavrov", "The Russian foreign minister",
                "Sergey Lavrov", "his Russian counterpart"), lavrov.mentions().stream().map(EntityMention::text).toList());
        assertEquals(3, lavrov.mentions().stream().filter(m -> m.kind() == MentionKind.NOMINAL).count());
        assertEquals(List.of(), linked.get(0).aliases(), "Qureshi's title names no nationality");
        assertEquals(List.of(), linked.get(2).aliases(), "a nationality is not a person");
    }

    @Test
    void anAppositiveAfterANameIsAMentionOfIt() {
        Tokens text = Tokens.of("Sergey/NNP Lavrov/NNP ,/, the/DT " + RUSSIAN + " foreign/JJ minister/NN ,/, arrived/VBD ./.");
        DocumentEntity lavrov = link(text, entity("e1", "Sergey Lavrov", EntityType.PERSON, text)).get(0);
        assertEquals(List.of("the Russian foreign minister"), lavrov.aliases());
    }

    @Test
    void aPossessivePlaceGivesTheNationality() {
        Tokens text = Tokens.of("Russia/NNP 's/POS foreign/JJ minister/NN Sergey/NNP Lavrov/NNP spoke/VBD ./. The/DT "
                + RUSSIAN + " foreign/JJ minister/NN left/VBD ./.");
        List<DocumentEntity> linked = link(text, entity("e1", "Sergey Lavrov", EntityType.PERSON, text),
                entity("e2", "Russia", EntityType.GPE, text));
        assertEquals(List.of("the Russian foreign minister"), linked.get(0).aliases());
        assertEquals(List.of(), linked.get(1).aliases());
    }

    @Test
    void aPhraseThatFitsTwoPeopleJoinsNeither() {
        Tokens text = Tokens.of("Foreign/NNP Minister/NNP Shah/NNP Qureshi/NNP met/VBD " + RUSSIAN
                + " Foreign/NNP Minister/NNP Sergey/NNP Lavrov/NNP ./. The/DT minister/NN left/VBD ./.");
        List<DocumentEntity> linked = link(text, entity("e1", "Shah Qureshi", EntityType.PERSON, text),
                entity("e2", "Sergey Lavrov", EntityType.PERSON, text));
        assertEquals(List.of(), linked.get(0).aliases());
        assertEquals(List.of(), linked.get(1).aliases());
    }

    @Test
    void anotherNationalityOrAnotherOfficeIsRejected() {
        Tokens text = Tokens.of(RUSSIAN + " Foreign/NNP Minister/NNP Sergey/NNP Lavrov/NNP spoke/VBD ./. The/DT "
                + "Pakistani/JJ/Pakistani/NATIONALITY minister/NN left/VBD ./. The/DT finance/NN minister/NN "
                + "stayed/VBD ./. The/DT " + RUSSIAN + " diplomat/NN smiled/VBD ./.");
        DocumentEntity lavrov = link(text, entity("e1", "Sergey Lavrov", EntityType.PERSON, text)).get(0);
        assertEquals(List.of("the Russian diplomat"), lavrov.aliases());
    }

    @Test
    void aGenderedRoleNeverJoinsAPersonOfTheOtherGender() {
        Tokens woman = Tokens.of("Government/NN spokeswoman/NN Smith/NNP spoke/VBD ./. Ms./NNP Smith/NNP "
                + "left/VBD ./. The/DT spokeswoman/NN returned/VBD ./.");
        assertEquals(List.of("the spokeswoman"),
                link(woman, entity("e1", "Smith", EntityType.PERSON, woman)).get(0).aliases());

        Tokens man = Tokens.of("Government/NN spokeswoman/NN Smith/NNP spoke/VBD ./. Mr./NNP Smith/NNP "
                + "left/VBD ./. The/DT spokeswoman/NN returned/VBD ./.");
        assertEquals(List.of(), link(man, entity("e1", "Smith", EntityType.PERSON, man)).get(0).aliases());

        Tokens he = Tokens.of("Government/NN spokeswoman/NN Smith/NNP spoke/VBD and/CC he/PRP left/VBD ./. "
                + "The/DT spokeswoman/NN returned/VBD ./.");
        assertEquals(List.of(), link(he, entity("e1", "Smith", EntityType.PERSON, he, "he")).get(0).aliases());
    }

    @Test
    void anotherOfficeOrAnotherCountrysLeaderIsNotTheSamePerson() {
        Tokens text = Tokens.of("Shadow/NNP home/NN secretary/NN David/NNP Davis/NNP spoke/VBD ./. The/DT home/NN "
                + "secretary/NN left/VBD ./. Italian/JJ/Italian/NATIONALITY Prime/NNP Minister/NNP Silvio/NNP "
                + "Berlusconi/NNP came/VBD ./. The/DT prime/JJ minister/NN stayed/VBD ./. The/DT secretary/NN of/IN "
                + "the/DT club/NN sang/VBD ./. ``/`` The/DT Italian/JJ/Italian/NATIONALITY minister/NN is/VBZ/be "
                + "here/RB ,/, ''/'' Davis/NNP said/VBD/say ./.");
        List<DocumentEntity> linked = link(text, entity("e1", "David Davis", EntityType.PERSON, text),
                entity("e2", "Silvio Berlusconi", EntityType.PERSON, text));
        assertEquals(List.of(), linked.get(0).aliases());
        assertEquals(List.of(), linked.get(1).aliases(), "no Italian in the phrase; a quote is the speaker's words");
    }

    @Test
    void onlyPeopleHaveRoles() {
        Tokens text = Tokens.of("The/DT chairman/NN Gazprom/NNP/Gazprom/ORGANIZATION said/VBD ./. "
                + "The/DT chairman/NN left/VBD ./.");
        assertEquals(List.of(), link(text, entity("e1", "Gazprom", EntityType.ORGANIZATION, text)).get(0).aliases());
    }

    @Test
    void nationalitiesMatchTheirCountries() {
        assertTrue(RolePhraseLinker.sameNationality("Russian", "Russia"));
        assertTrue(RolePhraseLinker.sameNationality("Pakistani", "Pakistan"));
        assertTrue(RolePhraseLinker.sameNationality("Chinese", "China"));
        assertTrue(!RolePhraseLinker.sameNationality("Austrian", "Australian"));
        assertTrue(!RolePhraseLinker.sameNationality("Iranian", "Iraqi"));
        assertTrue(!RolePhraseLinker.sameNationality("Russian", "Pakistani"));
    }
}
