package newsroom.fetching;

import java.net.URI;

/**
 * Reads a fetched body as a feed (ROME: RSS 0.9x, 1.0, 2.0, Atom 1.0) or a sitemap
 * (crawler-commons: urlset, sitemap index, Google News). The kind comes from the content.
 */
public final class SourceDocuments {

    private SourceDocuments() {
    }

    /**
     * @param url         where the body came from (relative links resolve against it)
     * @param body        the body's bytes, as served (the XML declares its own encoding)
     * @param contentType the Content-Type header; null when none
     * @throws NotASourceException when the body is not a feed or sitemap, saying what it is
     */
    public static SourceDocument parse(URI url, byte[] body, String contentType) throws NotASourceException {
        throw new UnsupportedOperationException("TODO");
    }
}
