package newsroom.ingest.story;

/** A new article about to be stored (its id already drawn) and its same-story signature. */
public record SignedArticle(long articleId, ShingleSignature signature) {
}
