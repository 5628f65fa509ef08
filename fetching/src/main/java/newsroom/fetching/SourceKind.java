package newsroom.fetching;

/** What a source's URL serves, read from its content (never from its address or its Content-Type). */
public enum SourceKind {
    RSS, ATOM, SITEMAP, SITEMAP_INDEX, GOOGLE_NEWS_SITEMAP
}
