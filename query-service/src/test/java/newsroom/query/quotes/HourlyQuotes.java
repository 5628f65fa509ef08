package newsroom.query.quotes;

import newsroom.query.ListPlans;

/**
 * The quotes a plan check of ListQuotes explains its statement over: {@link #COUNT} quotes
 * of one article, an hour apart from the start of 2021, with the partitions they fall in.
 */
final class HourlyQuotes {

    /** Enough quotes that reading them all is dearer than walking an index. */
    static final int COUNT = 20_000;

    private HourlyQuotes() {
    }

    /** The quotes of {@code articleId}, each of the form {@code form} gives (SQL over {@code g}, the quote's number). */
    static ListPlans.Rows of(long articleId, String form) {
        return sql -> sql.execute("""
                SELECT create_month_partitions(CAST(m AS date))
                FROM generate_series(timestamp '2021-01-01', timestamp '2023-04-01', interval '1 month') m;
                INSERT INTO quote (article_id, text, begin_offset, end_offset, published_at, form)
                SELECT %d, 'words ' || g, 0, 5, '2021-01-01T00:00:00Z'::timestamptz + g * interval '1 hour', %s
                FROM generate_series(1, %d) g""".formatted(articleId, form, COUNT));
    }
}
