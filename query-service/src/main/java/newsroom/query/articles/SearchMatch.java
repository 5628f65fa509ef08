package newsroom.query.articles;

/**
 * An article that matches a full-text search.
 *
 * @param rank    {@code ts_rank_cd} of the match; comparable only within one round of one search
 * @param snippet passages around the matches, matched words between {@code <b>} and {@code </b>} ({@link Snippet})
 */
public record SearchMatch(ArticleMetadata article, double rank, String snippet) {
}
