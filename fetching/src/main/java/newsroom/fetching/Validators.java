package newsroom.fetching;

/**
 * What a server said about a response's version, sent back on the next request (conditional
 * GET): {@code If-None-Match} from the ETag, {@code If-Modified-Since} from Last-Modified.
 *
 * @param etag         the ETag header as sent; null when none
 * @param lastModified the Last-Modified header as sent; null when none
 */
public record Validators(String etag, String lastModified) {

    public static final Validators NONE = new Validators(null, null);
}
