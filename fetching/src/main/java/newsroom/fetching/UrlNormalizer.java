package newsroom.fetching;

import java.net.URI;

/**
 * One spelling for each address, so that the same page reached by two links is fetched once:
 * scheme and host lower case, the scheme's default port dropped, an empty path as "/", the
 * fragment dropped, and tracking parameters ({@code utm_*}, {@code fbclid}, {@code gclid} and
 * the like) removed; the other parameters keep their order.
 */
public final class UrlNormalizer {

    private UrlNormalizer() {
    }

    /**
     * @throws IllegalArgumentException for a string that is not an absolute http(s) URL, saying why
     */
    public static String normalize(String url) {
        throw new UnsupportedOperationException("TODO");
    }

    /** {@code link} resolved against {@code base} and normalised; null when it is not an http(s) link. */
    public static String resolve(URI base, String link) {
        throw new UnsupportedOperationException("TODO");
    }
}
