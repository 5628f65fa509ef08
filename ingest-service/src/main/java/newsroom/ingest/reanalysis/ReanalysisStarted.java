package newsroom.ingest.reanalysis;

/** A CDI event, fired in the transaction that starts a re-analysis: its articles wait for the worker. */
public record ReanalysisStarted(long reanalysisId) {
}
