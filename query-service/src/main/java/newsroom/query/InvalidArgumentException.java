package newsroom.query;

/**
 * A request the service cannot answer as given. The message names the field
 * first ("page_size: must not be negative") so a caller knows what to fix.
 */
public class InvalidArgumentException extends RuntimeException {

    public InvalidArgumentException(String field, String problem) {
        super(field + ": " + problem);
    }
}
