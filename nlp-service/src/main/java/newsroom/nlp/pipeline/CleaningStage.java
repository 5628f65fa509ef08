package newsroom.nlp.pipeline;

import java.util.Set;
import newsroom.cleaning.ArticleCleaner;
import newsroom.cleaning.ContentKind;
import newsroom.cleaning.NestingTooDeepException;
import newsroom.nlp.v1.Document;

/**
 * Stage 1: HTML to text, web boilerplate dropped ({@link ArticleCleaner}); refuses a document with
 * nothing left. Text the client has already cleaned ({@code Document.already_cleaned}: ingest-service
 * sends an article's stored cleaned text) passes as it is, so an article is cleaned once, at intake.
 */
final class CleaningStage extends SingleLayerStage<String> {

    private final ArticleCleaner cleaner = new ArticleCleaner();

    CleaningStage() {
        super("cleaning", Set.of(Layers.DOCUMENT), Layers.CLEANED_TEXT);
    }

    @Override
    String compute(DocumentLayers document) {
        Document submitted = document.get(Layers.DOCUMENT);
        String cleaned;
        if (submitted.getAlreadyCleaned()) {
            cleaned = submitted.getContent();
        } else {
            try {
                cleaned = cleaner.clean(submitted.getContent(),
                        submitted.getType() == Document.Type.HTML ? ContentKind.HTML : ContentKind.PLAIN_TEXT);
            } catch (NestingTooDeepException e) {
                throw new InvalidDocumentException("document.content", e.getMessage());
            }
        }
        if (cleaned.isBlank()) {
            throw new InvalidDocumentException("document.content",
                    "nothing is left to analyse once markup and boilerplate are removed");
        }
        return cleaned;
    }
}
