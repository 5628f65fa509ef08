package newsroom.query.articles;

/**
 * An article that matches a full-text search.
 *
 * @param rank    how well it matches, as {@code ArticleHit.rank} in query_service.proto defines it
 * @param snippet passages around the matches, matched words between {@code <b>} and {@code </b>} ({@link Snippet})
 */
public record SearchMatch(ArticleMetadata article, double rank, String snippet) {
}
