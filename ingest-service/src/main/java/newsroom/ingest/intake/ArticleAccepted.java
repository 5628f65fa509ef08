package newsroom.ingest.intake;

/** A CDI event: a new article was committed and waits for analysis. */
public record ArticleAccepted(long articleId) {
}
