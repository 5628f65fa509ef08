package newsroom.fetching;

/**
 * A body that is not a feed or a sitemap Newsroom can read: an HTML page, malformed XML, an
 * image. The message says what it is instead, for a person (it becomes the source's last error).
 */
public class NotASourceException extends Exception {

    public NotASourceException(String message) {
        super(message);
    }
}
