package newsroom.ingest.reanalysis;

/** An article whose re-analysis was given up: it keeps its old analysis. */
public record FailedReanalysisArticle(long articleId, String error) {
}
