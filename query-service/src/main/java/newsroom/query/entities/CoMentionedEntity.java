package newsroom.query.entities;

/**
 * An entity mentioned in the same articles as another.
 *
 * @param sharedArticles in how many articles both are mentioned
 * @param weight         {@code sharedArticles} over the articles of the entity asked about
 */
public record CoMentionedEntity(EntityIdentity entity, long sharedArticles, double weight) {
}
