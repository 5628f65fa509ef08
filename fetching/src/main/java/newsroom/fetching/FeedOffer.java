package newsroom.fetching;

import java.net.URI;

/**
 * A feed or sitemap a site offers.
 *
 * @param url     its address, normalised
 * @param title   the link's title; null when none
 * @param kind    RSS or ATOM from a link's type, SITEMAP for the others
 * @param foundBy where it was found
 */
public record FeedOffer(URI url, String title, SourceKind kind, FoundBy foundBy) {

    /** Where a site says it has a feed. */
    public enum FoundBy {
        /** A {@code <link rel="alternate">} of an RSS or Atom type. */
        LINK_ALTERNATE,
        /** A {@code Sitemap:} line of robots.txt. */
        ROBOTS_SITEMAP,
        /** {@code /sitemap.xml}, which answered with a sitemap. */
        WELL_KNOWN_SITEMAP
    }
}
