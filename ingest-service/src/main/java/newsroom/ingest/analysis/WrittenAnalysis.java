package newsroom.ingest.analysis;

/**
 * What {@link AnalysisWriter} stored for one article.
 *
 * @param events the events stored: those with at least one actor resolved to a global entity
 */
public record WrittenAnalysis(int entities, int mentions, int quotes, int events) {
}
