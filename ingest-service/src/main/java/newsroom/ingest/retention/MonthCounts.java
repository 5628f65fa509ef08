package newsroom.ingest.retention;

import java.time.YearMonth;

/**
 * What one publication month holds: its articles and the rows of the partitioned tables (V15)
 * that belong to them.
 *
 * @param articles   articles published in the month, every status
 * @param mentions   rows of {@code mention} in the month
 * @param quotes     rows of {@code quote} in the month
 * @param searchRows rows of {@code article_search} in the month
 * @param entityDays rows of {@code entity_day} for the month's days
 */
public record MonthCounts(YearMonth month, long articles, long mentions, long quotes, long searchRows,
                          long entityDays) {
}
