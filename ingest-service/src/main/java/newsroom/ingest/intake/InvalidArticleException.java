package newsroom.ingest.intake;

/** A submitted article that cannot be stored; the message names the field and what is wrong. */
public class InvalidArticleException extends RuntimeException {

    private final String field;

    public InvalidArticleException(String field, String problem) {
        super(field + ": " + problem);
        this.field = field;
    }

    /** The field at fault, as the API names it ({@code article.content}). */
    public String field() {
        return field;
    }
}
