package newsroom.ingest.grpc;

import java.util.ArrayList;
import java.util.List;
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
 * keeps only their small results: a rejected article becomes a REJECTED result
 * and the stream goes on. Valid articles are prepared at once and stored in
 * batches of up to {@link #BATCH_ARTICLES} (or {@link #BATCH_CHARS} characters
 * of text), one transaction and one commit per batch instead of one per
 * article; the reply is only sent once the last batch is committed. Other
 * failures (the store being down) end the stream; the client resubmits, and
 * what was stored is found again.
 */
final class BulkIngestTally {

    /** Why 32: the commit (a flush to disk) stops dominating well before; more only holds more memory. */
    static final int BATCH_ARTICLES = 32;
    /** At most this much text waits for a commit (the content limit is 1 MiB per article). */
    static final int BATCH_CHARS = 4 * 1024 * 1024;

    private final ArticleIntake intake;
    private final IngestArticlesResponse.Builder response = IngestArticlesResponse.newBuilder();
    private final List<IngestResult.Builder> results = new ArrayList<>();
    private final List<PreparedArticle> batch = new ArrayList<>();
    private final List<IngestResult.Builder> batchResults = new ArrayList<>();
    private int batchChars;

    BulkIngestTally(ArticleIntake intake) {
        this.intake = intake;
    }

    void ingest(IngestArticlesRequest request) {
        String reference = request.getClientReference().isEmpty()
                ? Integer.toString(results.size())
                : request.getClientReference();
        IngestResult.Builder result = IngestResult.newBuilder().setClientReference(reference);
        results.add(result);
        PreparedArticle prepared;
        try {
            prepared = intake.prepare(request.hasArticle() ? request.getArticle() : null);
        } catch (InvalidArticleException e) {
            result.setStatus(ArticleStatus.REJECTED).setError(e.getMessage());
            response.setRejectedCount(response.getRejectedCount() + 1);
            return;
        }
        batch.add(prepared);
        batchResults.add(result);
        batchChars += prepared.heldChars();
        if (batch.size() >= BATCH_ARTICLES || batchChars >= BATCH_CHARS) {
            storeBatch();
        }
    }

    /** Stores what is still waiting and tallies the stream. */
    IngestArticlesResponse response() {
        storeBatch();
        for (IngestResult.Builder result : results) {
            response.addResults(result);
        }
        return response.build();
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
