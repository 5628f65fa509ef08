package newsroom.nlp.quotes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import newsroom.nlp.v1.Analysis;
import newsroom.nlp.v1.AttributionForm;
import newsroom.nlp.v1.Mention;
import newsroom.nlp.v1.Quote;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Reported speech, through the real pipeline without gRPC, on sentences written for the test. */
@QuarkusTest
@Order(5)
class ReportedSpeechTest extends QuotePipelineTest {

    private List<Quote> reported(String text) {
        return quotes(text, AttributionForm.INDIRECT);
    }

    private static void assertReported(Quote quote, String content, String speaker, String cue) {
        assertQuote(quote, content, speaker, cue);
        assertEquals(AttributionForm.INDIRECT, quote.getForm());
    }

    @Test
    void aSpeechVerbsClauseWithoutItsLeadingThat() {
        List<Quote> quotes = reported("Maria Novak said that the talks had been very productive.");
        assertEquals(1, quotes.size(), quotes.toString());
        assertReported(quotes.get(0), "the talks had been very productive", "Maria Novak", "say");
    }

    /** The first reported clause of a sentence: its words, its speaker and what reports it. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            the clause a reporting verb follows | The talks were very productive, Maria Novak said on Monday. | The talks were very productive | Maria Novak | say
            cognition verbs report too | Tom Becker believes that the agreement will hold until the elections. | the agreement will hold until the elections | Tom Becker | believe
            according to gives the rest of the sentence | According to Tom Becker, the budget will be balanced next year. | the budget will be balanced next year | Tom Becker | according to
            """)
    void aReportedClause(String rule, String text, String content, String speaker, String cue) {
        assertReported(reported(text).get(0), content, speaker, cue);
    }

    @Test
    void aPluralSourceKeepsItsWordsAndNoEntity() {
        assertSpeakerWithoutEntity(reported("Several senior officials said the vote would be delayed.").get(0),
                "Several senior officials");
    }

    @Test
    void aPronounIsResolvedAndBecomesAMentionOfTheSpeaker() {
        Analysis analysis = analyze("Maria Novak arrived in Berlin on Monday.\n\nShe said the vote would be held in June.");
        Quote quote = analysis.getQuotes(0);
        assertReported(quote, "the vote would be held in June", "Maria Novak", "say");
        assertTrue(analysis.getEntitiesList().stream().filter(e -> e.getId().equals(quote.getSpeakerEntityId()))
                .flatMap(e -> e.getMentionsList().stream())
                .anyMatch(m -> m.getKind() == Mention.Kind.PRONOMINAL && m.getText().equals("She")));
    }

    @Test
    void theCompanyIsTheOrganizationNamedBefore() {
        List<Quote> quotes = reported("Siemens reported higher profits on Thursday.\n\n"
                + "The company said demand for trains had recovered.");
        Quote quote = quotes.stream().filter(q -> q.getText().startsWith("demand")).findFirst().orElseThrow();
        assertReported(quote, "demand for trains had recovered", "Siemens", "say");
    }

    @Test
    void saidAddingThatIsTwoAttributionsNotOneThatHoldsTheOther() {
        List<Quote> quotes = reported("Tom Becker said the plan was sound, adding that it would cost less than expected.");
        assertEquals(List.of("the plan was sound", "it would cost less than expected"),
                quotes.stream().map(Quote::getText).toList());
        assertEquals("add", quotes.get(1).getCue());
        assertEquals("Tom Becker", quotes.get(1).getSpeaker());
    }

    @Test
    void aQuotationThatIsTheWholeClauseStaysDirect() {
        List<Quote> quotes = analyze("Maria Novak said: \u201cThe talks were productive.\u201d").getQuotesList();
        assertEquals(1, quotes.size(), quotes.toString());
        assertEquals(AttributionForm.DIRECT, quotes.get(0).getForm());
        assertEquals("The talks were productive.", quotes.get(0).getText());
    }

    @Test
    void aQuotationWithItsOwnCueInsideAReportedClauseStaysBesideIt() {
        List<Quote> quotes = analyze("The new ad shows Tom Becker saying at the debate, \u201cThat makes me smart.\u201d")
                .getQuotesList();
        assertTrue(quotes.stream().anyMatch(q -> q.getForm() == AttributionForm.DIRECT
                && q.getText().equals("That makes me smart.") && q.getSpeaker().equals("Tom Becker")), quotes.toString());
        assertTrue(quotes.stream().anyMatch(q -> q.getForm() == AttributionForm.MIXED && q.getText().startsWith("Tom Becker saying")),
                quotes.toString());
    }

    @Test
    void aQuotationInNarrativeMakesItsClauseMixed() {
        List<Quote> quotes = analyze("Tom Becker called Maria Novak a \u201cdangerous extremist\u201d on Monday.")
                .getQuotesList();
        assertEquals(1, quotes.size(), quotes.toString());
        assertEquals(AttributionForm.MIXED, quotes.get(0).getForm());
        assertEquals("Maria Novak a \u201cdangerous extremist\u201d", quotes.get(0).getText());
        assertEquals("Tom Becker", quotes.get(0).getSpeaker());
        assertEquals("call", quotes.get(0).getCue());
    }

    @Test
    void narrativeWithoutAReportingVerbIsNobodysWords() {
        assertEquals(List.of(), analyze("The storm closed three roads and the schools stayed shut on Friday.").getQuotesList());
    }
}
