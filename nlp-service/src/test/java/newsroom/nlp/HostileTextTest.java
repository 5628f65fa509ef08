package newsroom.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import newsroom.nlp.pipeline.CoreNlpPipeline;
import newsroom.nlp.pipeline.TestModels;
import newsroom.nlp.v1.AnalyzeDocumentRequest;
import newsroom.nlp.v1.Analysis;
import newsroom.nlp.v1.AttributionForm;
import newsroom.nlp.v1.Document;
import newsroom.nlp.v1.NlpServiceGrpc;
import newsroom.nlp.v1.Quote;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * Text built to make an analysis blow up, through the real service: each is
 * analysed (with the caps of docs/nlp.md, "Caps") or refused with
 * INVALID_ARGUMENT, and the service answers the next request as before.
 */
@QuarkusTest
@Order(6)
class HostileTextTest {

    @Inject
    CoreNlpPipeline pipeline;

    @GrpcClient("nlp")
    NlpServiceGrpc.NlpServiceBlockingStub nlp;

    @BeforeEach
    void modelsLoaded() {
        TestModels.awaitLoaded(pipeline);
    }

    private Analysis analyze(String text) {
        return nlp.analyzeDocument(AnalyzeDocumentRequest.newBuilder()
                .setDocument(Document.newBuilder().setType(Document.Type.PLAIN_TEXT).setContent(text)).build())
                .getAnalysis();
    }

    @Test
    void aSentenceOfFiveThousandTokensIsAnalyzedInPieces() {
        String sentence = "Maria Novak said that " + "the talks with the minister were productive and ".repeat(625)
                + "ended.";
        Analysis analysis = analyze(sentence);
        assertTrue(analysis.getWordCount() > 5000, "words: " + analysis.getWordCount());
        assertTrue(analysis.getQuotesList().stream().anyMatch(q -> q.getSpeaker().equals("Maria Novak")),
                "the reported speech of its first piece is still found");
        assertEquals(sentence, analysis.getCleanedText(), "the text is analysed whole, only CoreNLP sees it in pieces");
    }

    @Test
    void tenThousandNestedQuotationMarksAreOneQuote() {
        Analysis curly = analyze("Maria Novak said " + "\u201c".repeat(5000) + "yes" + "\u201d".repeat(5000) + " on Monday.");
        assertEquals(1, curly.getQuotesCount(), curly.getQuotesList().toString());
        Analysis straight = analyze("He said " + "\"".repeat(10000) + " and left.");
        assertTrue(straight.getQuotesCount() <= 1, straight.getQuotesList().toString());
        Analysis spaced = analyze("She said " + "\u201c ".repeat(10000) + "yes.");
        assertTrue(spaced.getQuotesCount() <= 1, spaced.getQuotesList().toString());
    }

    @Test
    void anAttributionLoopGivesEachClauseItsSpeakerWithoutRunningAway() {
        Analysis analysis = analyze("Tom Becker said " + "he said she said ".repeat(1000) + "that it rained.");
        List<Quote> quotes = analysis.getQuotesList();
        assertTrue(quotes.size() <= 3000, "at most a few attributions per clause: " + quotes.size());
        assertTrue(quotes.stream().allMatch(q -> q.getForm() == AttributionForm.INDIRECT), "no quotation marks, no quotes");
        assertTrue(quotes.stream().allMatch(q -> analysis.getCleanedText().substring(q.getBegin(), q.getEnd())
                .equals(q.getText())), "offsets point into the text");
    }

    @Test
    void textWithoutSentencesHasNothingToAttribute() {
        Analysis analysis = analyze("\u2014 \u2014 \u2014 \u2026 \u2026 \u00b7\u00b7 ".repeat(200));
        assertEquals(0, analysis.getWordCount());
        assertEquals(0, analysis.getQuotesCount());
        assertEquals(0, analysis.getEntitiesCount());
    }

    @Test
    void moreTokensThanTheCapIsRefusedWithTheCapNamed() {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
                () -> analyze("word ".repeat(100_001)));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
        assertTrue(e.getStatus().getDescription().contains("the limit is 100000 (newsroom.nlp.max-tokens)"),
                e.getStatus().getDescription());
        assertEquals("Lavrov arrived in Islamabad.", analyze("Lavrov arrived in Islamabad.").getCleanedText(),
                "the service answers the next request");
    }
}
