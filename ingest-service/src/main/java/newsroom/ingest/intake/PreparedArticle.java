package newsroom.ingest.intake;

import java.util.Optional;
import newsroom.ingest.story.ShingleSignature;

/**
 * A validated, cleaned article ready to store, with its language and same-story
 * signature (see {@link ArticleIntake#prepare}).
 */
public record PreparedArticle(ValidArticle article, String cleanedText, String language,
                              Optional<ShingleSignature> signature) {

    /** Characters of text held (raw and cleaned): what a batch of prepared articles keeps in memory. */
    public int heldChars() {
        return article.content().length() + cleanedText.length();
    }
}
