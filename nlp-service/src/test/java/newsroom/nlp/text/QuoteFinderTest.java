package newsroom.nlp.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class QuoteFinderTest {

    private static List<String> quoted(String text) {
        return new QuoteFinder().find(text).stream().map(s -> text.substring(s.begin(), s.end())).toList();
    }

    @Test
    void curlyStraightAndPtbMarks() {
        assertEquals(List.of("We will win,", "Not today."),
                quoted("\u201cWe will win,\u201d she said. He replied: \"Not today.\""));
        assertEquals(List.of("It is over"), quoted("The mayor said ``It is over'' and left."));
        assertEquals(List.of("never been closer"), quoted("Relations had ''never been closer'', he said."));
    }

    @Test
    void aQuoteOpenAtTheEndOfAParagraphEndsThereAndTheNextParagraphOpensAgain() {
        String text = "\u201cThe first part of it.\n\n\u201cThe second part,\u201d the judge said.";
        assertEquals(List.of("The first part of it.", "The second part,"), quoted(text));
        List<QuoteSpan> spans = new QuoteFinder().find(text);
        assertEquals(0, spans.get(0).outerBegin());
        assertEquals(text.indexOf("The second"), spans.get(1).begin());
    }

    @Test
    void mixedMarkStylesStillPair() {
        assertEquals(List.of("Deals are not a requirement,", "like candy"),
                quoted("\u201cDeals are not a requirement,\" the chairman said of deals handed out \"like candy.\u201d".replace(".\u201d", "\u201d.")));
        assertEquals(List.of("We are ashamed."), quoted("\u201dWe are ashamed.\u201d \u2015 Ana Ruiz"));
    }

    @Test
    void apostrophesAndSingleQuotesAreNotQuotationMarks() {
        assertEquals(List.of(), quoted("The minister's 'red line' was not crossed."));
    }
}
