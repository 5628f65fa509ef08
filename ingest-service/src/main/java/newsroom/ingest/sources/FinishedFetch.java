package newsroom.ingest.sources;

/** A fetch of a source, done and recorded: the source as it is now, and what the fetch found. */
public record FinishedFetch(FollowedSource source, FetchReport report) {
}
