package newsroom.ingest.sources;

import newsroom.fetching.SourceKind;
import newsroom.fetching.Validators;

/**
 * What one fetch of a source found, to store with the source and to answer FetchSource with.
 *
 * @param error            why the fetch failed; null unless {@code outcome} is FAILED
 * @param kind             what the body was; null when it was not parsed
 * @param title            the feed's own title; null when none or not parsed
 * @param validators       the response's validators; null to keep the stored ones
 * @param bodySha256       the body's hash; null to keep the stored one
 * @param newItems         items handled that the source had not listed before
 * @param articlesAccepted new articles stored from their pages
 * @param itemsSkipped     new items whose page was not stored
 */
public record FetchReport(SourceOutcome outcome, String error, SourceKind kind, String title,
                          Validators validators, String bodySha256, int newItems, int articlesAccepted,
                          int itemsSkipped) {

    static FetchReport failed(String error) {
        return new FetchReport(SourceOutcome.FAILED, error, null, null, null, null, 0, 0, 0);
    }

    static FetchReport notModified(Validators validators) {
        return new FetchReport(SourceOutcome.NOT_MODIFIED, null, null, null, validators, null, 0, 0, 0);
    }

    static FetchReport disallowed() {
        return new FetchReport(SourceOutcome.DISALLOWED_BY_ROBOTS, null, null, null, null, null, 0, 0, 0);
    }
}
