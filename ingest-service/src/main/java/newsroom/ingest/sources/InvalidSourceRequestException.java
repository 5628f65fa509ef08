package newsroom.ingest.sources;

/** A request about sources that cannot be served as asked (INVALID_ARGUMENT); the message names the field. */
public class InvalidSourceRequestException extends RuntimeException {

    public InvalidSourceRequestException(String field, String problem) {
        super(field + ": " + problem);
    }
}
