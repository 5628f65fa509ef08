package newsroom.ingest.story;

/**
 * An earlier article found to tell the same story.
 *
 * @param articleId  the earlier article that matched best
 * @param storyId    the story that article belongs to (its root's id): the new article's duplicate_of
 * @param similarity estimated Jaccard similarity of the two texts, in [0, 1]
 */
public record StoryMatch(long articleId, long storyId, double similarity) {
}
