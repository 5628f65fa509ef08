package newsroom.query.entities;

import java.time.Instant;

/**
 * What was published about an entity in one period.
 *
 * @param start         the period's start, UTC
 * @param averageTone   the average tone of the period's articles that have one; 0 when none has
 * @param tonedArticles how many of the period's articles have a tone
 */
public record TimelineBucket(Instant start, long mentions, long articles, double averageTone, long tonedArticles) {
}
