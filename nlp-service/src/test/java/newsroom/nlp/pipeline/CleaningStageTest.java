package newsroom.nlp.pipeline;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import newsroom.nlp.v1.AnalyzeDocumentRequest;
import newsroom.nlp.v1.Document;
import org.junit.jupiter.api.Test;

/**
 * An article is cleaned once: ingest-service cleans it at intake and sends the stored text marked
 * {@code already_cleaned}, which the cleaning stage passes on as it is. A share line, which
 * cleaning would drop, shows which way the text went.
 */
class CleaningStageTest {

    private static final String TEXT = "Lavrov arrived in Islamabad on Tuesday.\n\nShare this article";

    @Test
    void alreadyCleanedTextIsAnalyzedAsSent() {
        assertEquals(TEXT, cleanedText(Document.newBuilder().setType(Document.Type.PLAIN_TEXT).setContent(TEXT)
                .setAlreadyCleaned(true).build()));
    }

    @Test
    void otherTextIsCleanedFirst() {
        String cleaned = cleanedText(Document.newBuilder().setType(Document.Type.PLAIN_TEXT).setContent(TEXT).build());
        assertTrue(cleaned.startsWith("Lavrov arrived"), cleaned);
        assertFalse(cleaned.contains("Share this article"), cleaned);
    }

    @Test
    void alreadyCleanedHtmlIsRefusedNamingTheField() {
        AnalyzeDocumentRequest request = AnalyzeDocumentRequest.newBuilder()
                .setDocument(Document.newBuilder().setType(Document.Type.HTML).setContent("<p>" + TEXT + "</p>")
                        .setAlreadyCleaned(true))
                .build();
        InvalidDocumentException refused = assertThrows(InvalidDocumentException.class,
                () -> new RequestValidator(1 << 20).validate(request));
        assertTrue(refused.getMessage().startsWith("document.already_cleaned: "), refused.getMessage());
    }

    private static String cleanedText(Document submitted) {
        DocumentLayers document = new DocumentLayers();
        document.set(Layers.DOCUMENT, submitted);
        new CleaningStage().run(document);
        return document.get(Layers.CLEANED_TEXT);
    }
}
