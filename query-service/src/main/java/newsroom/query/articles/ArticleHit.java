package newsroom.query.articles;

/**
 * An article that matches a full-text search.
 *
 * @param rank    {@code ts_rank_cd} of the match; comparable only within one search
 * @param snippet a passage around the matches, matched words between {@code <b>} and {@code </b>}
 */
public record ArticleHit(ArticleSummary article, double rank, String snippet) {
}
