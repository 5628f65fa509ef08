package newsroom.fetching;

import java.net.URI;

/** What one polite GET came to. HTTP and network failures are results, not exceptions. */
public sealed interface FetchResult {

    /**
     * A 2xx response, read whole (within the size cap) and un-gzipped.
     *
     * @param url         the address finally fetched, after redirects
     * @param contentType the Content-Type header; null when none
     * @param body        the body's bytes
     * @param validators  the response's ETag and Last-Modified, for the next conditional GET
     */
    record Fetched(URI url, String contentType, byte[] body, Validators validators) implements FetchResult {

        /**
         * The body as text, in the charset the response declares: the Content-Type's charset,
         * else a byte-order mark, else an HTML {@code <meta charset>} or an XML declaration's
         * encoding, else UTF-8.
         */
        public String text() {
            return Charsets.decode(body, contentType);
        }

        /** Whether the body is an HTML page, by its Content-Type (or its start, when none). */
        public boolean isHtml() {
            return Charsets.isHtml(body, contentType);
        }
    }

    /** 304 Not Modified: the validators sent still hold. */
    record NotModified(URI url) implements FetchResult {
    }

    /** robots.txt does not allow the URL for Newsroom's user agent; nothing was requested. */
    record Disallowed(URI url) implements FetchResult {
    }

    /**
     * The fetch failed; {@code error} says how, for a person ("HTTP 500 Internal Server Error",
     * "more than 5 redirects", "body larger than 10 MiB", "timed out after 30 s", "refused:
     * example.internal resolves to 10.0.0.7, a private address").
     */
    record Failed(URI url, String error) implements FetchResult {
    }
}
