package newsroom.nlp.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import edu.stanford.nlp.ling.CoreAnnotations;
import edu.stanford.nlp.ling.CoreLabel;
import edu.stanford.nlp.pipeline.Annotation;
import edu.stanford.nlp.pipeline.StanfordCoreNLP;
import edu.stanford.nlp.util.CoreMap;
import java.util.List;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The caps on what CoreNLP is given, on text built to break them (CoreNLP's tokenizer only, no models). */
class InputGuardTest {

    @Test
    void ordinaryTextIsGivenAsItIs() {
        String text = "Lavrov said the talks \u201cwere productive\u201d... and left!!! https://example.com/a/b?c=d";
        assertSame(text, InputGuard.forTokenizer(text));
    }

    @Test
    void theGuardedTextKeepsEveryOffset() {
        String text = "He said " + "\"".repeat(10_000) + " and " + "x".repeat(500) + " left.";
        String guarded = InputGuard.forTokenizer(text);
        assertEquals(text.length(), guarded.length());
        assertTrue(guarded.startsWith("He said "));
        assertTrue(guarded.endsWith(" left."));
    }

    @Test
    void runsOfPunctuationAreCutWithOrWithoutSpaces() {
        String nested = InputGuard.forTokenizer("\u201c".repeat(5000) + "yes" + "\u201d".repeat(5000));
        assertEquals(InputGuard.LONGEST_PUNCTUATION * 2, nested.chars().filter(c -> c == '\u201c' || c == '\u201d').count());
        assertTrue(nested.contains("yes"));
        String spaced = InputGuard.forTokenizer("\u201c ".repeat(10_000) + "yes");
        assertEquals(InputGuard.LONGEST_PUNCTUATION, spaced.chars().filter(c -> c == '\u201c').count());
    }

    @Test
    void noWordIsLongerThanTheCap() {
        String guarded = InputGuard.forTokenizer("a\"".repeat(5000));
        for (String word : guarded.split("\\s+")) {
            assertTrue(word.length() <= InputGuard.LONGEST_WORD, word.length() + " characters");
        }
    }

    @Test
    void aLongSentenceIsCutAfterAClauseMarkNearTheCapAndRenumbered() {
        Properties properties = new Properties();
        properties.setProperty("annotators", "tokenize,ssplit");
        StanfordCoreNLP tokenizer = new StanfordCoreNLP(properties);
        String text = "It began. " + "one two three four five six seven eight nine, ".repeat(100) + "end. Then it stopped.";
        Annotation annotation = new Annotation(text);
        tokenizer.annotate(annotation);
        InputGuard.cutLongSentences(annotation);
        List<CoreMap> sentences = annotation.get(CoreAnnotations.SentencesAnnotation.class);
        assertTrue(sentences.size() >= 5, sentences.size() + " sentences");
        int documentToken = 0;
        for (int s = 0; s < sentences.size(); s++) {
            CoreMap sentence = sentences.get(s);
            List<CoreLabel> tokens = sentence.get(CoreAnnotations.TokensAnnotation.class);
            assertTrue(tokens.size() <= InputGuard.LONGEST_SENTENCE);
            assertEquals(s, sentence.get(CoreAnnotations.SentenceIndexAnnotation.class));
            assertEquals(documentToken, sentence.get(CoreAnnotations.TokenBeginAnnotation.class));
            for (int t = 0; t < tokens.size(); t++) {
                assertEquals(t + 1, tokens.get(t).index());
                assertEquals(s, tokens.get(t).sentIndex());
            }
            int begin = sentence.get(CoreAnnotations.CharacterOffsetBeginAnnotation.class);
            int end = sentence.get(CoreAnnotations.CharacterOffsetEndAnnotation.class);
            assertEquals(text.substring(begin, end), sentence.get(CoreAnnotations.TextAnnotation.class));
            documentToken += tokens.size();
        }
        List<CoreLabel> pieceEnds = sentences.subList(1, sentences.size() - 2).stream()
                .map(s -> s.get(CoreAnnotations.TokensAnnotation.class))
                .map(tokens -> tokens.get(tokens.size() - 1)).toList();
        assertTrue(pieceEnds.stream().allMatch(t -> t.word().equals(",")), "cut after commas: " + pieceEnds);
        assertEquals("Then it stopped.", sentences.get(sentences.size() - 1).get(CoreAnnotations.TextAnnotation.class));
    }
}
