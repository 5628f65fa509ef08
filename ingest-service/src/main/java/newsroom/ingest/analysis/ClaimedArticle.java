package newsroom.ingest.analysis;

import java.time.Instant;

/**
 * An article a worker has claimed for analysis.
 *
 * @param attempts analysis attempts so far, this one included
 */
public record ClaimedArticle(long id, String cleanedText, Instant publishedAt, String language, int attempts) {
}
