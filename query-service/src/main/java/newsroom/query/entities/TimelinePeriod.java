package newsroom.query.entities;

import java.time.Instant;

/**
 * What was published about an entity in one period.
 *
 * @param start         the period's start, UTC
 * @param averageTone   the average tone of the period's articles that have one; 0 when none has
 * @param tonedArticles how many of the period's articles have a tone
 * @param allArticles   how many articles of the whole store were published in the period (and the
 *                      requested range), mentioning the entity or not; 0 where not counted (a tone trend)
 */
public record TimelinePeriod(Instant start, long mentions, long articles, double averageTone, long tonedArticles,
                             long allArticles) {
}
