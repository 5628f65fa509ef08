package newsroom.ingest.retention;

/** A retention request that cannot be served as asked (INVALID_ARGUMENT); the message names the field. */
public class InvalidRetentionRequestException extends RuntimeException {

    public InvalidRetentionRequestException(String field, String problem) {
        super(field + ": " + problem);
    }
}
