package newsroom.query;

/** The request names something that is not stored ("article 42 does not exist"). */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String what, long id) {
        super(what + " " + id + " does not exist");
    }

    /** With a hint that says what the caller may have meant. */
    public NotFoundException(String what, long id, String hint) {
        super(what + " " + id + " does not exist; " + hint);
    }
}
