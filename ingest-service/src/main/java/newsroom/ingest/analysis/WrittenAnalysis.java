package newsroom.ingest.analysis;

/** What {@link AnalysisWriter} stored for one article. */
public record WrittenAnalysis(int entities, int mentions, int quotes) {
}
