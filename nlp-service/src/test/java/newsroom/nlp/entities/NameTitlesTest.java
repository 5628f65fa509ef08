package newsroom.nlp.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import newsroom.nlp.text.Tokens;
import org.junit.jupiter.api.Test;

class NameTitlesTest {

    @Test
    void aPersonTakesTheTitleRightBeforeTheName() {
        Tokens t = Tokens.of("Ukrainian/JJ/ukrainian/NATIONALITY President/NNP/president/TITLE Zelenskiy/NNP/zelenskiy/PERSON"
                + " met/VBD Foreign/NNP/foreign/TITLE Minister/NNP/minister/TITLE Lavrov/NNP/lavrov/PERSON and/CC"
                + " Kuleba/NNP/kuleba/PERSON in/IN President/NNP/president/TITLE Hotel/NNP/hotel/ORGANIZATION ./.");
        String text = t.text();
        List<NameMention> names = List.of(name(text, "Zelenskiy", EntityType.PERSON), name(text, "Lavrov", EntityType.PERSON),
                name(text, "Kuleba", EntityType.PERSON), name(text, "Hotel", EntityType.ORGANIZATION));
        assertEquals(List.of("president", "foreign minister", "", ""),
                new NameTitles().addTo(names, t.tokens()).stream().map(NameMention::title).toList());
    }

    private static NameMention name(String text, String name, EntityType type) {
        int begin = text.indexOf(name);
        return new NameMention(name, begin, begin + name.length(), type);
    }
}
