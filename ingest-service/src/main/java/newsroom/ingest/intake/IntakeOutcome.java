package newsroom.ingest.intake;

import newsroom.store.ArticleState;

/**
 * What became of a submitted article.
 *
 * @param alreadyStored true when the same URL or content had been submitted
 *                      before and nothing new was stored
 * @param status        ACCEPTED or UNSUPPORTED_LANGUAGE for a new article; the stored article's status otherwise
 * @param duplicateOf   the root of the story this article is a copy of; 0 when it is a story's first report
 */
public record IntakeOutcome(long articleId, ArticleState status, boolean alreadyStored, long duplicateOf) {
}
