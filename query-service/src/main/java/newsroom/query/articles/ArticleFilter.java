package newsroom.query.articles;

import newsroom.query.TimeRange;

/**
 * Which articles a search keeps besides matching its words; the parts given combine with AND.
 *
 * @param entityId only articles mentioning this global entity; 0 means any
 * @param source   only this publisher, exactly as stored; empty means any
 * @param language only this language code; empty means any
 * @param range    only articles published in this range
 */
public record ArticleFilter(long entityId, String source, String language, TimeRange range) {

    public static final ArticleFilter NONE = new ArticleFilter(0, "", "", TimeRange.ALL);
}
