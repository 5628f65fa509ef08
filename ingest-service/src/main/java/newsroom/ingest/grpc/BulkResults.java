package newsroom.ingest.grpc;

import java.util.ArrayList;
import java.util.List;
import newsroom.ingest.v1.ArticleStatus;
import newsroom.ingest.v1.IngestArticlesResponse;
import newsroom.ingest.v1.IngestResult;

/**
 * The per-article results an {@code IngestArticles} stream answers with, kept bounded so that
 * a stream of any length holds a fixed amount of memory: every result of the first
 * {@link #FIRST_RESULTS} articles, then only rejections, up to {@link #LATER_REJECTIONS} more.
 * What is left out is still counted (the response's counts cover every article) and the
 * response says the list was truncated. The bounds are part of the contract
 * ({@code ingest_service.proto}): clients that need every result send streams no longer
 * than {@link #FIRST_RESULTS}, as the CLI does.
 */
final class BulkResults {

    /** Why 10,000: twice the CLI's stream; about 3 MB of results with 256-byte references. */
    static final int FIRST_RESULTS = 10_000;
    /** Rejections are what a client must act on; past the first results only they are kept. */
    static final int LATER_REJECTIONS = 1_000;

    private final List<IngestResult.Builder> kept = new ArrayList<>();
    private int seen;
    private int laterRejections;
    private boolean truncated;

    /** The number of articles seen so far: the position the next one has in the stream. */
    int seen() {
        return seen;
    }

    /**
     * Counts one more article; returns the builder to fill its result in, kept or not. A result
     * left out is written to and dropped; its status must be known now (REJECTED) or it is one
     * of the first results, so the choice never depends on how a batch ends.
     */
    IngestResult.Builder add(IngestResult.Builder result) {
        seen++;
        if (seen <= FIRST_RESULTS) {
            kept.add(result);
        } else if (result.getStatus() == ArticleStatus.REJECTED && laterRejections < LATER_REJECTIONS) {
            laterRejections++;
            kept.add(result);
        } else {
            truncated = true;
        }
        return result;
    }

    /** Adds the kept results, in the order of the stream, to {@code response}. */
    void addTo(IngestArticlesResponse.Builder response) {
        for (IngestResult.Builder result : kept) {
            response.addResults(result);
        }
        response.setResultsTruncated(truncated);
    }
}
