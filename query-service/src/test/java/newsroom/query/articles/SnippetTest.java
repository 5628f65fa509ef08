package newsroom.query.articles;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class SnippetTest {

    // Lexemes as PostgreSQL's english configuration makes them: "companies" and "company" give "compani".
    @Test
    void highlightsEveryInflectionOfAQueryWordAndNothingThatOnlyStartsLikeIt() {
        Snippet snippet = new Snippet(List.of("compani", "run"));
        assertEquals("The <b>Companies</b> said a <b>company</b> <b>runs</b> the runway, <b>running</b> late.",
                snippet.of("The Companies said a company runs the runway, running late."));
    }

    @Test
    void comparesWordsOfAnyScriptCaseInsensitively() {
        assertEquals("Talks in <b>ZÜRICH</b> and <b>Zürich</b>'s mayor.",
                new Snippet(List.of("zürich")).of("Talks in ZÜRICH and Zürich's mayor."));
    }

    @Test
    void aPassageStartsAFewWordsBeforeTheFirstMatchAndHoldsAtMostMaxWords() {
        String text = words("early", 100) + " The oil price rose. " + words("late", 100);
        String snippet = new Snippet(List.of("oil")).of(text);

        assertTrue(snippet.startsWith(words("early", Snippet.LEAD_WORDS - 1) + " The <b>oil</b> price rose."),
                snippet);
        assertEquals(Snippet.MAX_WORDS, snippet.replace("<b>", "").replace("</b>", "").split("\\W+").length,
                snippet);
        assertFalse(snippet.contains(Snippet.DELIMITER), "one match, one passage: " + snippet);
    }

    @Test
    void theSecondPassageShowsAQueryWordTheFirstLacks() {
        String text = "Oil rose. " + words("filler", 60) + " Oil fell. " + words("filler", 60) + " Gas rose.";
        String snippet = new Snippet(List.of("oil", "gas")).of(text);

        String[] passages = snippet.split(Snippet.DELIMITER);
        assertEquals(2, passages.length, snippet);
        assertTrue(passages[0].startsWith("<b>Oil</b> rose."), snippet);
        assertTrue(passages[1].endsWith("<b>Gas</b> rose."), snippet);
        assertFalse(snippet.contains("<b>Oil</b> fell"), snippet);
    }

    @Test
    void withEveryQueryWordShownTheSecondPassageShowsTheNextMatch() {
        String text = "Oil rose. " + words("filler", 60) + " Oil fell. " + words("filler", 60);
        String[] passages = new Snippet(List.of("oil")).of(text).split(Snippet.DELIMITER);

        assertEquals(2, passages.length);
        assertTrue(passages[1].contains("<b>Oil</b> fell."), passages[1]);
    }

    @Test
    void withoutAMatchTheSnippetIsTheTextsFirstWords() {
        // The query matched the title only.
        String text = "Nothing else is said here about it. " + words("more", 100);
        String snippet = new Snippet(List.of("platypus")).of(text);

        assertTrue(snippet.startsWith("Nothing else is said here about it. more"), snippet);
        assertFalse(snippet.contains("<b>"));
        assertEquals(Snippet.MAX_WORDS, snippet.split("\\W+").length);
        assertEquals("Short text.", new Snippet(List.of()).of("Short text."));
        assertEquals("", new Snippet(List.of("oil")).of(""));
        assertEquals("", new Snippet(List.of("oil")).of(" … "));
    }

    @Test
    void keepsTheTextBetweenWordsAsItIs() {
        assertEquals("\"<b>Oil</b>,\" he said -- twice!\n\nThen:",
                new Snippet(List.of("oil")).of("\"Oil,\" he said -- twice!\n\nThen:"));
    }

    private static String words(String word, int count) {
        return String.join(" ", java.util.Collections.nCopies(count, word));
    }
}
