package newsroom.ingest.sources;

/**
 * A claim on a source for one fetch: only the holder of {@code owner} may renew or release it.
 * Each claim has an owner token of its own (the process and a counter), so that a fetch whose
 * lease lapsed cannot release the claim another fetch (of this replica or another) holds since.
 */
public record SourceLease(FollowedSource source, String owner) {
}
