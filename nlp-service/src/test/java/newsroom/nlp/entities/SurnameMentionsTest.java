package newsroom.nlp.entities;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import newsroom.nlp.text.Token;
import org.junit.jupiter.api.Test;

class SurnameMentionsTest {

    /** Tokens of a text split at spaces, tagged NNP when capitalised, NER PERSON before {@code personEnd}. */
    private static List<Token> tokens(String text, int personEnd) {
        List<Token> tokens = new ArrayList<>();
        int at = 0;
        for (String word : text.split(" ")) {
            int begin = text.indexOf(word, at);
            boolean capital = Character.isUpperCase(word.charAt(0));
            tokens.add(new Token(tokens.size(), 0, word, word, capital ? "NNP" : "NN",
                    begin < personEnd ? "PERSON" : "O", begin, begin + word.length()));
            at = begin + word.length();
        }
        return tokens;
    }

    @Test
    void aStandaloneSurnameOfAFullNameIsAMentionOfThatPerson() {
        String text = "Pat Caddell spoke . Later said Caddell and Hill Street";
        List<NameMention> names = List.of(new NameMention("Pat Caddell", 0, 11, EntityType.PERSON),
                new NameMention("Hill Street", text.indexOf("Hill"), text.length(), EntityType.LOCATION));
        List<NameMention> all = new SurnameMentions().addTo(names, tokens(text, 11));
        assertEquals(List.of("Pat Caddell", "Caddell", "Hill Street"), all.stream().map(NameMention::text).toList());
        assertEquals(text.indexOf("Caddell and"), all.get(1).begin());
        assertEquals(EntityType.PERSON, all.get(1).type());
    }

    @Test
    void nothingIsAddedWithoutAFullName() {
        String text = "Caddell spoke . Caddell left";
        List<NameMention> names = List.of(new NameMention("Caddell", 0, 7, EntityType.PERSON));
        assertEquals(1, new SurnameMentions().addTo(names, tokens(text, 7)).size());
    }
}
