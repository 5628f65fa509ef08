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
final class CleaningStage implements Stage {

    private final ArticleCleaner cleaner = new ArticleCleaner();

    @Override
    public String name() {
        return "cleaning";
    }

    @Override
    public Set<Layer<?>> requires() {
        return Set.of(Layers.DOCUMENT);
    }

    @Override
    public Set<Layer<?>> provides() {
        return Set.of(Layers.CLEANED_TEXT);
    }

    @Override
    public void run(DocumentLayers document) {
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
        document.set(Layers.CLEANED_TEXT, cleaned);
    }
}
