package newsroom.query.stories;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import newsroom.query.articles.ArticleMetadata;
import newsroom.query.entities.SqlArray;

/**
 * A same-story cluster.
 *
 * @param firstReport  the story's root, whose id is the story's id
 * @param reportCount  how many reports it has, the root included
 * @param lastReport   publication time of its latest report
 * @param sources      its reports' distinct publishers, most reports first, then by name; at most
 *                     {@link StoryQueries#MAX_SOURCES}, empty names left out
 */
public record StoryCluster(ArticleMetadata firstReport, long reportCount, Instant lastReport, List<String> sources) {

    public StoryCluster {
        sources = List.copyOf(sources);
    }

    /** Reads {@link ArticleMetadata#COLUMNS}, then the report count, the latest time and the publishers. */
    static StoryCluster fromRow(Object[] row) {
        int at = ArticleMetadata.COLUMN_COUNT;
        List<String> sources = Arrays.stream(SqlArray.values(row[at + 2])).map(String.class::cast).toList();
        return new StoryCluster(ArticleMetadata.fromRow(row, 0), ((Number) row[at]).longValue(), (Instant) row[at + 1],
                sources);
    }
}
