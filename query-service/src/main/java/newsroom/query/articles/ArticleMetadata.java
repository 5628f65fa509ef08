package newsroom.query.articles;

import java.time.Instant;
import newsroom.store.ArticleState;

/**
 * An article's metadata, without its text.
 *
 * @param url    empty when the article has none
 * @param storyId     the id of the story's first report; 0 while unassigned
 * @param duplicateOf the first report this article copies; 0 for a first report
 * @param author      the byline's name; empty when none
 * @param canonicalUrl the address the page names as its own, normalised; empty when none
 * @param publishedTimeEstimated true when nothing said when it was published ({@code publishedAt} is when it was stored)
 * @param sourceId    the followed source it was fetched from; 0 when a client submitted it
 */
public record ArticleMetadata(long id, String title, String source, String url, Instant publishedAt,
                              String language, ArticleState status, long storyId, long duplicateOf, String author,
                              String canonicalUrl, boolean publishedTimeEstimated, long sourceId) {

    /**
     * The columns {@link #fromRow} reads, for the {@code article} table aliased as {@code a}.
     * Queries that list articles select these first, in this order.
     */
    public static final String COLUMNS = "a.id, a.title, a.source, a.url, a.published_at, a.language, a.status, a.story_id, a.duplicate_of, "
            + "a.author, a.canonical_url, a.published_time_estimated, a.source_id";

    /** How many columns {@link #COLUMNS} holds. */
    public static final int COLUMN_COUNT = 13;

    /** Reads {@link #COLUMNS} from a native query's row, starting at {@code first}. */
    public static ArticleMetadata fromRow(Object[] row, int first) {
        return new ArticleMetadata(
                ((Number) row[first]).longValue(),
                (String) row[first + 1],
                (String) row[first + 2],
                row[first + 3] == null ? "" : (String) row[first + 3],
                (Instant) row[first + 4],
                (String) row[first + 5],
                ArticleState.valueOf((String) row[first + 6]),
                longOrZero(row[first + 7]),
                longOrZero(row[first + 8]),
                (String) row[first + 9],
                row[first + 10] == null ? "" : (String) row[first + 10],
                (Boolean) row[first + 11],
                longOrZero(row[first + 12]));
    }

    private static long longOrZero(Object column) {
        return column == null ? 0 : ((Number) column).longValue();
    }
}
