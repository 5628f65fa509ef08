package newsroom.bench.query;

import static newsroom.bench.query.StoreCopy.copy;
import static newsroom.bench.query.StoreCopy.row;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.YearMonth;
import java.util.Set;
import java.util.TreeSet;
import newsroom.store.MonthPartitions;

/**
 * One batch of analysed articles' rows in COPY's text format, for every table an analysed
 * article writes to, and the months they fall in; {@link #write} copies them in one go.
 */
public final class ArticleCopyBatch {

    private final String articleColumns;
    private final StringBuilder articles = new StringBuilder();
    private final StringBuilder links = new StringBuilder();
    private final StringBuilder mentions = new StringBuilder();
    private final StringBuilder quotes = new StringBuilder();
    private final StringBuilder entityArticles = new StringBuilder();
    private final Set<YearMonth> months = new TreeSet<>();

    /** {@code articleColumns}: the article table and the columns its rows' values fill, in their order. */
    public ArticleCopyBatch(String articleColumns) {
        this.articleColumns = articleColumns;
    }

    public void article(Instant published, Object... values) {
        months.add(MonthPartitions.monthOf(published));
        row(articles, values);
    }

    public void link(Object... values) {
        row(links, values);
    }

    public void mention(Object... values) {
        row(mentions, values);
    }

    public void quote(Object... values) {
        row(quotes, values);
    }

    public void entityArticle(Object... values) {
        row(entityArticles, values);
    }

    public void write(Connection connection) throws SQLException, IOException {
        // Rows go to their months' partitions (V15), which must exist first: the search rows
        // too, written by the store's trigger with the articles.
        for (YearMonth month : months) {
            MonthPartitions.create(connection, month);
        }
        copy(connection, articleColumns, articles);
        copy(connection, "article_entity (article_id, local_entity_id, entity_id, salience)", links);
        copy(connection, "mention (article_id, entity_id, text, begin_offset, end_offset, kind, published_at)",
                mentions);
        copy(connection, "quote (article_id, speaker_entity_id, speaker, text, cue, begin_offset, end_offset,"
                + " published_at)", quotes);
        copy(connection, "entity_article (entity_id, article_id, published_at, mention_count, tone)",
                entityArticles);
    }
}
