package newsroom.store;

import jakarta.persistence.Column;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * A row the analysis found at one span of an article's cleaned text: a mention, a quote, an
 * event. Each copies its article's publication time.
 */
@MappedSuperclass
public abstract class ArticleSpanEntity extends GeneratedIdEntity {

    @Column(name = "article_id")
    public Long articleId;

    /**
     * The article's publication time, copied so lists order by date on one index (V4); the mention
     * and quote tables are partitioned by it (V15), so reads of an article's rows touch one partition.
     */
    @Column(name = "published_at")
    public Instant publishedAt;

    /** Start of the span in the article's cleaned text, UTF-16 code units, inclusive. */
    @Column(name = "begin_offset")
    public int begin;

    /** End of the span, UTF-16 code units, exclusive. */
    @Column(name = "end_offset")
    public int end;

    /** Places the row at [{@code begin}, {@code end}) of the article's cleaned text, with the article's time. */
    public void placeIn(StoredArticle article, int begin, int end) {
        this.articleId = article.id;
        this.publishedAt = article.publishedAt;
        this.begin = begin;
        this.end = end;
    }
}
