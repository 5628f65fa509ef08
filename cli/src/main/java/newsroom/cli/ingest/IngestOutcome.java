package newsroom.cli.ingest;

import com.google.gson.JsonObject;

/**
 * What happened to one submitted article.
 *
 * @param reference  the file, or {@code file:line} for a line of a .jsonl file
 * @param articleId  0 when it was rejected
 * @param status     ACCEPTED, ANALYZED, FAILED or REJECTED
 * @param error      why it was rejected or failed; empty otherwise
 */
public record IngestOutcome(String reference, long articleId, String status, boolean alreadyStored,
                            long duplicateOf, String error) {

    public static IngestOutcome rejected(String reference, String error) {
        return new IngestOutcome(reference, 0, "REJECTED", false, 0, error);
    }

    public IngestOutcome withStatus(String newStatus, String newError) {
        return new IngestOutcome(reference, articleId, newStatus, alreadyStored, duplicateOf, newError);
    }

    public boolean isRejected() {
        return status.equals("REJECTED");
    }

    /** One line of {@code ingest --json}. */
    public JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("file", reference);
        json.addProperty("id", articleId);
        json.addProperty("status", status);
        json.addProperty("alreadyStored", alreadyStored);
        json.addProperty("duplicateOf", duplicateOf);
        if (!error.isEmpty()) {
            json.addProperty("error", error);
        }
        return json;
    }
}
