package newsroom.ingest.intake;

import newsroom.store.ArticleState;

/**
 * What became of a submitted article.
 *
 * @param alreadyStored true when the same URL or content had been submitted
 *                      before and nothing new was stored
 * @param status        ACCEPTED for a new article; the stored article's status otherwise
 */
public record IntakeOutcome(long articleId, ArticleState status, boolean alreadyStored) {
}
