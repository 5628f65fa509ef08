package newsroom.ingest.intake;

import java.time.Instant;
import newsroom.store.ArticleState;

/**
 * Where a stored article is in its life.
 *
 * @param lastError  the last analysis error; null when there was none
 * @param analyzedAt null until the article is ANALYZED
 * @param duplicateOf the root of the story this article copies; null for a story's first report
 * @param failedAttempts attempts that failed through the article's own fault
 * @param failureReason the gRPC code it was given up for; null unless FAILED
 */
public record ArticleProgress(long articleId, ArticleState status, int attempts, String lastError,
                              Instant acceptedAt, Instant analyzedAt, Long duplicateOf, int failedAttempts,
                              String failureReason) {
}
