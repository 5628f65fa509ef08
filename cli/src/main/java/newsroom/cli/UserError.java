package newsroom.cli;

/**
 * A failure the user can act on, reported as one line ("newsroom: ...") without a
 * stack trace.
 */
public class UserError extends RuntimeException {

    public UserError(String message) {
        super(message);
    }

    public UserError(String message, Throwable cause) {
        super(message, cause);
    }
}
