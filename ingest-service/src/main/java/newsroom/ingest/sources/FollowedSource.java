package newsroom.ingest.sources;

import java.time.Duration;
import java.time.Instant;
import newsroom.fetching.SourceKind;
import newsroom.fetching.Validators;

/**
 * A source as stored ({@code source} table, V14 migration).
 *
 * @param kind         null until a first successful fetch
 * @param lastOutcome  null before the first fetch
 * @param lastError    empty when the last fetch did not fail
 * @param validators   what the server sent last time, for conditional GET
 * @param bodySha256   hex SHA-256 of the last body parsed; null before the first
 */
public record FollowedSource(long id, String url, String name, SourceKind kind, Duration requestedInterval,
                             Duration interval, boolean paused, Instant createdAt, Instant lastFetchAt,
                             Instant nextFetchAt, SourceOutcome lastOutcome, String lastError,
                             int consecutiveFailures, long itemsSeen, long articlesAccepted, Instant lastNewItemAt,
                             Validators validators, String bodySha256) {
}
