package newsroom.query.stories;

import java.time.Instant;
import newsroom.query.articles.ArticleSummary;

/**
 * A same-story cluster.
 *
 * @param firstReport  the story's root, whose id is the story's id
 * @param reportCount  how many reports it has, the root included
 * @param lastReport   publication time of its latest report
 */
public record Story(ArticleSummary firstReport, long reportCount, Instant lastReport) {

    /** Reads {@link ArticleSummary#COLUMNS}, then the report count and the latest time. */
    static Story fromRow(Object[] row) {
        int at = ArticleSummary.COLUMN_COUNT;
        return new Story(ArticleSummary.fromRow(row, 0), ((Number) row[at]).longValue(), (Instant) row[at + 1]);
    }
}
