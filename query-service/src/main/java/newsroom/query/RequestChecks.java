package newsroom.query;

/** The checks every RPC applies to its identifiers and free-text fields. */
public final class RequestChecks {

    private RequestChecks() {
    }

    public static long positiveId(String field, long id) {
        if (id <= 0) {
            throw new InvalidArgumentException(field, "must be positive");
        }
        return id;
    }

    /** An optional id: 0 means "not given", negative ids are rejected. */
    public static long nonNegativeId(String field, long id) {
        if (id < 0) {
            throw new InvalidArgumentException(field, "must not be negative");
        }
        return id;
    }

    /** A required text: not blank and at most {@code maxLength} characters. */
    public static String requiredText(String field, String text, int maxLength) {
        if (text.isBlank()) {
            throw new InvalidArgumentException(field, "must not be empty");
        }
        return optionalText(field, text, maxLength);
    }

    /**
     * An optional text (empty means "not given"), at most {@code maxLength} characters.
     * Other control characters are plain text; NUL is refused because PostgreSQL's text
     * cannot hold it (the query would fail inside the database).
     */
    public static String optionalText(String field, String text, int maxLength) {
        if (text.length() > maxLength) {
            throw new InvalidArgumentException(field,
                    "must be at most " + maxLength + " characters, was " + text.length());
        }
        int nul = text.indexOf('\u0000');
        if (nul >= 0) {
            throw new InvalidArgumentException(field, "must not contain the NUL character (U+0000), found at"
                    + " position " + nul);
        }
        return text.strip();
    }
}
