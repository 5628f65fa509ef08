package newsroom.ingest.grpc;

import newsroom.ingest.intake.ArticleIntake;
import newsroom.ingest.intake.IntakeOutcome;
import newsroom.ingest.intake.InvalidArticleException;
import newsroom.ingest.v1.ArticleStatus;
import newsroom.ingest.v1.IngestArticlesRequest;
import newsroom.ingest.v1.IngestArticlesResponse;
import newsroom.ingest.v1.IngestResult;

/**
 * Ingests the articles of one {@code IngestArticles} stream one at a time and
 * keeps only their small results: a rejected article becomes a REJECTED
 * result and the stream goes on. Other failures (the store being down) end
 * the stream; the client resubmits, and what was stored is found again.
 */
final class BulkIngestTally {

    private final ArticleIntake intake;
    private final IngestArticlesResponse.Builder response = IngestArticlesResponse.newBuilder();
    private int position;

    BulkIngestTally(ArticleIntake intake) {
        this.intake = intake;
    }

    void ingest(IngestArticlesRequest request) {
        String reference = request.getClientReference().isEmpty()
                ? Integer.toString(position)
                : request.getClientReference();
        position++;
        IngestResult.Builder result = IngestResult.newBuilder().setClientReference(reference);
        try {
            IntakeOutcome outcome = intake.ingest(request.hasArticle() ? request.getArticle() : null);
            result.setArticleId(outcome.articleId())
                    .setStatus(ProtoValues.status(outcome.status()))
                    .setAlreadyStored(outcome.alreadyStored())
                    .setDuplicateOf(outcome.duplicateOf());
            if (outcome.alreadyStored()) {
                response.setAlreadyStoredCount(response.getAlreadyStoredCount() + 1);
            } else {
                response.setAcceptedCount(response.getAcceptedCount() + 1);
            }
        } catch (InvalidArticleException e) {
            result.setStatus(ArticleStatus.REJECTED).setError(e.getMessage());
            response.setRejectedCount(response.getRejectedCount() + 1);
        }
        response.addResults(result);
    }

    IngestArticlesResponse response() {
        return response.build();
    }
}
