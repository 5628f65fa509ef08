package newsroom.cleaning;

/**
 * HTML whose elements nest deeper than {@link ArticleCleaner#MAX_NESTING_DEPTH}: refused before
 * it is read, as no article needs such markup and a hostile page uses it to make every walk of
 * the tree slow. The message says what is wrong and the limit, for the caller to prefix with
 * the field it came from.
 */
public final class NestingTooDeepException extends IllegalArgumentException {

    public NestingTooDeepException(int limit) {
        super("nests HTML elements more than " + limit + " levels deep; the limit is " + limit);
    }
}
