package newsroom.cli.ingest;

import com.google.gson.JsonObject;
import newsroom.ingest.v1.ArticleStatus;

/**
 * What happened to one submitted article.
 *
 * @param reference  the file, or {@code file:line} for a line of a .jsonl file
 * @param articleId  0 when it was rejected
 * @param status     ACCEPTED, UNSUPPORTED_LANGUAGE, ANALYZED, FAILED or REJECTED
 * @param error      why it was rejected or failed; empty otherwise
 */
public record IngestOutcome(String reference, long articleId, ArticleStatus status, boolean alreadyStored,
                            long duplicateOf, String error) {

    public static IngestOutcome rejected(String reference, String error) {
        return new IngestOutcome(reference, 0, ArticleStatus.REJECTED, false, 0, error);
    }

    public IngestOutcome withStatus(ArticleStatus newStatus, String newError) {
        return new IngestOutcome(reference, articleId, newStatus, alreadyStored, duplicateOf, newError);
    }

    public boolean isRejected() {
        return status == ArticleStatus.REJECTED;
    }

    /** One line of {@code ingest --json}. */
    public JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("file", reference);
        json.addProperty("id", articleId);
        json.addProperty("status", status.name());
        json.addProperty("alreadyStored", alreadyStored);
        json.addProperty("duplicateOf", duplicateOf);
        if (!error.isEmpty()) {
            json.addProperty("error", error);
        }
        return json;
    }
}
