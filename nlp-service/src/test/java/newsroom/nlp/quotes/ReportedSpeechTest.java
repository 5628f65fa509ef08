package newsroom.nlp.quotes;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import newsroom.nlp.pipeline.CoreNlpPipeline;
import newsroom.nlp.pipeline.DocumentAnalyzer;
import newsroom.nlp.pipeline.TestModels;
import newsroom.nlp.v1.AnalyzeDocumentRequest;
import newsroom.nlp.v1.Analysis;
import newsroom.nlp.v1.AttributionForm;
import newsroom.nlp.v1.Document;
import newsroom.nlp.v1.Features;
import newsroom.nlp.v1.Mention;
import newsroom.nlp.v1.Quote;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Reported speech, through the real pipeline without gRPC, on sentences written for the test. */
@QuarkusTest
@Order(5)
class ReportedSpeechTest {

    @Inject
    CoreNlpPipeline pipeline;

    @Inject
    DocumentAnalyzer analyzer;

    @BeforeEach
    void modelsLoaded() {
        TestModels.awaitLoaded(pipeline);
    }

    private Analysis analyze(String text) {
        return analyzer.analyze(AnalyzeDocumentRequest.newBuilder()
                .setDocument(Document.newBuilder().setType(Document.Type.PLAIN_TEXT).setContent(text))
                .setFeatures(Features.newBuilder().setExtractQuotes(true))
                .build());
    }

    private List<Quote> reported(String text) {
        return analyze(text).getQuotesList().stream().filter(q -> q.getForm() == AttributionForm.INDIRECT).toList();
    }

    private static void assertReported(Quote quote, String content, String speaker, String cue) {
        assertEquals(content, quote.getText());
        assertEquals(speaker, quote.getSpeaker(), "speaker of \"" + content + "\"");
        assertEquals(cue, quote.getCue(), "cue of \"" + content + "\"");
        assertEquals(AttributionForm.INDIRECT, quote.getForm());
    }

    @Test
    void aSpeechVerbsClauseWithoutItsLeadingThat() {
        List<Quote> quotes = reported("Maria Novak said that the talks had been very productive.");
        assertEquals(1, quotes.size(), quotes.toString());
        assertReported(quotes.get(0), "the talks had been very productive", "Maria Novak", "say");
    }

    @Test
    void theClauseAReportingVerbFollows() {
        List<Quote> quotes = reported("The talks were very productive, Maria Novak said on Monday.");
        assertReported(quotes.get(0), "The talks were very productive", "Maria Novak", "say");
    }

    @Test
    void cognitionVerbsReportToo() {
        List<Quote> quotes = reported("Tom Becker believes that the agreement will hold until the elections.");
        assertReported(quotes.get(0), "the agreement will hold until the elections", "Tom Becker", "believe");
    }

    @Test
    void accordingToGivesTheRestOfTheSentence() {
        List<Quote> quotes = reported("According to Tom Becker, the budget will be balanced next year.");
        assertReported(quotes.get(0), "the budget will be balanced next year", "Tom Becker", "according to");
    }

    @Test
    void aPluralSourceKeepsItsWordsAndNoEntity() {
        List<Quote> quotes = reported("Several senior officials said the vote would be delayed.");
        assertEquals("Several senior officials", quotes.get(0).getSpeaker());
        assertEquals("", quotes.get(0).getSpeakerEntityId());
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
