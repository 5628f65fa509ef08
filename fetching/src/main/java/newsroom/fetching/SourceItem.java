package newsroom.fetching;

import java.time.Instant;

/**
 * One entry of a feed or sitemap: a page to fetch.
 *
 * @param key       the item's identity: its guid (RSS) or id (Atom) when it has one, else its
 *                  normalised link; a changed title or date leaves it the same item
 * @param link      the page's address, normalised ({@link UrlNormalizer})
 * @param title     the item's title; null when it has none
 * @param author    the item's author; null when it has none
 * @param published when the item says the article was published (RSS pubDate, Atom published,
 *                  news:publication_date); null when it does not say
 * @param updated   when the item says it last changed (Atom updated, sitemap lastmod); null when
 *                  it does not say. Not a publication time: used only when nothing else is known.
 */
public record SourceItem(String key, String link, String title, String author, Instant published,
                         Instant updated) {
}
