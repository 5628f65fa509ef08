package newsroom.ingest.grpc;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import newsroom.ingest.intake.ArticleIntake;
import newsroom.ingest.intake.IntakeOutcome;
import newsroom.ingest.intake.InvalidArticleException;
import newsroom.ingest.intake.PreparedArticle;
import newsroom.ingest.v1.ArticleStatus;
import newsroom.ingest.v1.IngestArticlesRequest;
import newsroom.ingest.v1.IngestArticlesResponse;
import newsroom.ingest.v1.IngestResult;

/**
 * Ingests the articles of one {@code IngestArticles} stream as they arrive and
 * keeps only their counts and a bounded list of small results ({@link BulkResults}):
 * a rejected article becomes a REJECTED result and the stream goes on. Valid
 * articles are prepared at once and stored in batches of up to
 * {@code batchArticles} (or {@link #BATCH_CHARS} characters of text), one
 * transaction and one commit per batch instead of one per article; the reply is
 * only sent once the last batch is committed. Other failures (the store being
 * down) end the stream; the client resubmits, and what was stored is found again.
 */
final class BulkIngestTally {

    /** At most this much text waits for a commit (the content limit is 1 MiB per article). */
    static final int BATCH_CHARS = 4 * 1024 * 1024;
    /** A reference names a file or a line; a longer one is a client's mistake, and would cost memory per result. */
    static final int MAX_REFERENCE_BYTES = 256;

    private final ArticleIntake intake;
    /** Articles per batch at most (newsroom.ingest.intake.bulk-batch-articles; docs/tuning.md). */
    private final int batchArticles;
    private final IngestArticlesResponse.Builder response = IngestArticlesResponse.newBuilder();
    private final BulkResults results = new BulkResults();
    private final List<PreparedArticle> batch = new ArrayList<>();
    private final List<IngestResult.Builder> batchResults = new ArrayList<>();
    private int batchChars;

    BulkIngestTally(ArticleIntake intake, int batchArticles) {
        if (batchArticles < 1) {
            throw new IllegalArgumentException("newsroom.ingest.intake.bulk-batch-articles must be at least 1; it is "
                    + batchArticles);
        }
        this.intake = intake;
        this.batchArticles = batchArticles;
    }

    void ingest(IngestArticlesRequest request) {
        String position = Integer.toString(results.seen());
        int referenceBytes = request.getClientReferenceBytes().size();
        if (referenceBytes > MAX_REFERENCE_BYTES) {
            reject(IngestResult.newBuilder().setClientReference(position), String.format(Locale.ROOT,
                    "client_reference: is %,d bytes of UTF-8, at most %d are allowed", referenceBytes,
                    MAX_REFERENCE_BYTES));
            return;
        }
        int control = firstControlCharacter(request.getClientReference());
        if (control >= 0) {
            // The reference is echoed to the client, whose terminal or log would obey it.
            reject(IngestResult.newBuilder().setClientReference(position), String.format(Locale.ROOT,
                    "client_reference: must not contain control characters (U+%04X at character %d)",
                    (int) request.getClientReference().charAt(control), control));
            return;
        }
        IngestResult.Builder result = IngestResult.newBuilder().setClientReference(
                request.getClientReference().isEmpty() ? position : request.getClientReference());
        PreparedArticle prepared;
        try {
            prepared = intake.prepare(request.hasArticle() ? request.getArticle() : null);
        } catch (InvalidArticleException e) {
            reject(result, e.getMessage());
            return;
        }
        batch.add(prepared);
        batchResults.add(results.add(result));
        batchChars += prepared.heldChars();
        if (batch.size() >= batchArticles || batchChars >= BATCH_CHARS) {
            storeBatch();
        }
    }

    /** The index of the first C0 or C1 control character (NUL included), or -1. */
    private static int firstControlCharacter(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (Character.isISOControl(text.charAt(i))) {
                return i;
            }
        }
        return -1;
    }

    /** Stores what is still waiting and tallies the stream. */
    IngestArticlesResponse response() {
        storeBatch();
        results.addTo(response);
        return response.build();
    }

    private void reject(IngestResult.Builder result, String error) {
        results.add(result.setStatus(ArticleStatus.REJECTED).setError(error));
        response.setRejectedCount(response.getRejectedCount() + 1);
    }

    private void storeBatch() {
        if (batch.isEmpty()) {
            return;
        }
        List<IntakeOutcome> outcomes = intake.store(batch);
        for (int i = 0; i < outcomes.size(); i++) {
            IntakeOutcome outcome = outcomes.get(i);
            batchResults.get(i).setArticleId(outcome.articleId())
                    .setStatus(ProtoValues.status(outcome.status()))
                    .setAlreadyStored(outcome.alreadyStored())
                    .setDuplicateOf(outcome.duplicateOf());
            if (outcome.alreadyStored()) {
                response.setAlreadyStoredCount(response.getAlreadyStoredCount() + 1);
            } else {
                response.setAcceptedCount(response.getAcceptedCount() + 1);
            }
        }
        batch.clear();
        batchResults.clear();
        batchChars = 0;
    }
}
