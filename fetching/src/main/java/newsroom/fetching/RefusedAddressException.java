package newsroom.fetching;

/** A URL that may not be fetched; the message says why, for a person. */
public class RefusedAddressException extends Exception {

    public RefusedAddressException(String message) {
        super(message);
    }
}
