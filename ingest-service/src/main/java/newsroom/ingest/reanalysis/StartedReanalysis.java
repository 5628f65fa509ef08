package newsroom.ingest.reanalysis;

/**
 * What starting a re-analysis came to.
 *
 * @param resumed true when an unfinished re-analysis of the same range was found and nothing was added
 */
public record StartedReanalysis(ReanalysisJob job, boolean resumed) {
}
