package newsroom.cleaning;

import java.time.Instant;

/**
 * What an HTML page says about itself, from its meta tags, JSON-LD and
 * {@code <time>} elements. Every field is null when the page does not say.
 *
 * @param title         the headline (og:title, JSON-LD headline, the first {@code <h1>}, {@code <title>})
 * @param author        the byline's name
 * @param publishedTime when the article was first published
 * @param canonicalUrl  the page's canonical address, absolute http(s)
 * @param language      the declared language, a BCP-47 code as written by the page
 */
public record PageMetadata(String title, String author, Instant publishedTime, String canonicalUrl,
                           String language) {

    /** Nothing known: what plain text carries. */
    public static final PageMetadata NONE = new PageMetadata(null, null, null, null, null);
}
