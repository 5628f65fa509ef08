package newsroom.ingest.sources;

/** A source with the same normalised URL is followed already (ALREADY_EXISTS); the message names it. */
public class SourceAlreadyFollowedException extends RuntimeException {

    public SourceAlreadyFollowedException(String url, long id) {
        super("url: " + url + " is followed already as source " + id);
    }
}
