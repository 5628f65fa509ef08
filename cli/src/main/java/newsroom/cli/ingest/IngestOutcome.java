package newsroom.cli.ingest;

import com.google.gson.JsonObject;
import java.nio.file.Path;

/**
 * What happened to one submitted file.
 *
 * @param articleId  0 when it was rejected
 * @param status     ACCEPTED, ANALYZED, FAILED or REJECTED
 * @param error      why it was rejected or failed; empty otherwise
 */
public record IngestOutcome(Path file, long articleId, String status, boolean alreadyStored,
                            long duplicateOf, String error) {

    public static IngestOutcome rejected(Path file, String error) {
        return new IngestOutcome(file, 0, "REJECTED", false, 0, error);
    }

    public IngestOutcome withStatus(String newStatus, String newError) {
        return new IngestOutcome(file, articleId, newStatus, alreadyStored, duplicateOf, newError);
    }

    public boolean isRejected() {
        return status.equals("REJECTED");
    }

    /** One line of {@code ingest --json}. */
    public JsonObject toJson() {
        JsonObject json = new JsonObject();
        json.addProperty("file", file.toString());
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
