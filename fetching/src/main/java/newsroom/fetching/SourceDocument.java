package newsroom.fetching;

import java.net.URI;
import java.util.List;

/**
 * A parsed feed or sitemap.
 *
 * @param kind     what it is
 * @param title    the feed's own title; null for sitemaps and untitled feeds
 * @param items    its entries, in document order, each key once
 * @param sitemaps for a {@link SourceKind#SITEMAP_INDEX}, the sitemaps it lists (normalised); empty otherwise
 */
public record SourceDocument(SourceKind kind, String title, List<SourceItem> items, List<URI> sitemaps) {

    public SourceDocument {
        items = List.copyOf(items);
        sitemaps = List.copyOf(sitemaps);
    }
}
