package newsroom.nlp.pipeline;

/** The request cannot be analysed as sent; the message names the field and what is wrong. */
public final class InvalidDocumentException extends RuntimeException {

    public InvalidDocumentException(String field, String problem) {
        super(field + ": " + problem);
    }
}
