package newsroom.nlp.phrases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import newsroom.nlp.text.Tokens;
import org.junit.jupiter.api.Test;

class KeyPhraseExtractorTest {

    private final KeyPhraseExtractor extractor = new KeyPhraseExtractor();

    private static List<String> texts(List<ScoredPhrase> phrases) {
        return phrases.stream().map(ScoredPhrase::text).toList();
    }

    @Test
    void repeatedEarlyPhrasesRankFirstAndTheBestScoresOne() {
        Tokens tokens = Tokens.of("Leaders/NNS/leader discussed/VBD/discuss the/DT Afghan/JJ peace/NN process/NN ./.")
                .add("They/PRP also/RB discussed/VBD/discuss trade/NN ./.")
                .add("The/DT Afghan/JJ peace/NN process/NN needs/VBZ/need time/NN ./.");
        List<ScoredPhrase> phrases = extractor.extract(tokens.text(), tokens.tokens());
        assertEquals("Afghan peace process", phrases.get(0).text());
        assertEquals(1.0, phrases.get(0).score());
        assertTrue(phrases.stream().allMatch(p -> p.score() > 0 && p.score() <= 1));
        assertTrue(texts(phrases).contains("trade"));
        assertFalse(texts(phrases).contains("time"), "generic nouns alone are not topics");
    }

    @Test
    void hyphenatedCompoundsStayWhole() {
        Tokens tokens = Tokens.of("They/PRP discussed/VBD/discuss the/DT North/NNP -/HYPH South/NNP gas/NN pipeline/NN")
                .add("and/CC high/JJ -/HYPH level/NN commitments/NNS/commitment ./.");
        List<String> phrases = texts(extractor.extract(tokens.text(), tokens.tokens()));
        assertTrue(phrases.contains("North-South gas pipeline"), phrases.toString());
        assertTrue(phrases.contains("high-level commitments"), phrases.toString());
    }

    @Test
    void peopleAreLeftToEntitiesAndAtMostTenPhrasesAreKept() {
        Tokens tokens = Tokens.of("Sergey/NNP/Sergey/PERSON Lavrov/NNP/Lavrov/PERSON praised/VBD/praise the/DT deal/NN ./.");
        for (int i = 0; i < 20; i++) {
            tokens.add("topic" + i + "/NN matters/VBZ/matter ./.");
        }
        List<ScoredPhrase> phrases = extractor.extract(tokens.text(), tokens.tokens());
        assertFalse(texts(phrases).contains("Sergey Lavrov"));
        assertEquals(KeyPhraseExtractor.MAX_PHRASES, phrases.size());
    }
}
