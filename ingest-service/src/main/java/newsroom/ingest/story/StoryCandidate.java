package newsroom.ingest.story;

/** A stored article that shares at least one band key with a new one. */
public record StoryCandidate(long articleId, long storyId, ShingleSignature signature) {
}
