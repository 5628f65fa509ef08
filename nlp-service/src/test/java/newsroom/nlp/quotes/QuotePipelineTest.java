package newsroom.nlp.quotes;

import static org.junit.jupiter.api.Assertions.assertEquals;

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
import newsroom.nlp.v1.Quote;
import org.junit.jupiter.api.BeforeEach;

/**
 * What the attribution tests share: a short text written for the test, analysed for quotes by
 * the real pipeline without gRPC once the models are loaded, and an attribution's words,
 * speaker and cue checked together.
 */
abstract class QuotePipelineTest {

    @Inject
    CoreNlpPipeline pipeline;

    @Inject
    DocumentAnalyzer analyzer;

    @BeforeEach
    void modelsLoaded() {
        TestModels.awaitLoaded(pipeline);
    }

    Analysis analyze(String text) {
        return analyzer.analyze(AnalyzeDocumentRequest.newBuilder()
                .setDocument(Document.newBuilder().setType(Document.Type.PLAIN_TEXT).setContent(text))
                .setFeatures(Features.newBuilder().setExtractQuotes(true))
                .build());
    }

    List<Quote> quotes(String text) {
        return analyze(text).getQuotesList();
    }

    /** The attributions of one form, in order. */
    List<Quote> quotes(String text, AttributionForm form) {
        return quotes(text).stream().filter(q -> q.getForm() == form).toList();
    }

    static void assertQuote(Quote quote, String text, String speaker, String cue) {
        assertEquals(text, quote.getText());
        assertEquals(speaker, quote.getSpeaker(), "speaker of \"" + text + "\"");
        assertEquals(cue, quote.getCue(), "cue of \"" + text + "\"");
    }

    /** A speaker that is no one entity (several people, a group): the subject's words, no entity id. */
    static void assertSpeakerWithoutEntity(Quote quote, String words) {
        assertEquals(words, quote.getSpeaker());
        assertEquals("", quote.getSpeakerEntityId());
    }
}
