package newsroom.ingest.analysis;

import java.time.Instant;

/**
 * What an article's earlier analysis attempts say about it, read when it is claimed.
 *
 * @param failedAttempts attempts that failed through the article's own fault (outages never count)
 * @param lastFailedAt   when its last failed attempt ended, counted or not; null before the first
 * @param waitingSince   when the article started waiting: accepted, or its re-analysis started
 */
public record FailureHistory(int failedAttempts, Instant lastFailedAt, Instant waitingSince) {
}
