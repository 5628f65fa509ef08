package newsroom.ingest.intake;

/** No article has the id asked for. */
public class ArticleNotFoundException extends RuntimeException {

    public ArticleNotFoundException(long articleId) {
        super("article " + articleId + " does not exist");
    }
}
