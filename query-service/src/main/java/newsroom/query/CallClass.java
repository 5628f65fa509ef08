package newsroom.query;

import java.time.Duration;
import java.util.Locale;

/**
 * How much database time a kind of call may take, and what to tell a client whose call
 * took longer ({@link StatementTimeouts}).
 */
public enum CallClass {

    /** One item by its id (GetArticle, GetEntity, GetStory, GetCoMentions): index lookups. */
    LOOKUP("lookups", "retry later; if it keeps failing, the store is overloaded"),
    /** A page of a list or search (SearchArticles, SearchEntities, ListQuotes, ListEvents, ListStories, GetEntityTimeline). */
    SEARCH("searches", "narrow the query: a shorter time range, fewer or rarer words, or an entity, source or"
            + " speaker filter"),
    /** One batch of ExportAnalyses. */
    EXPORT("exports", "narrow the export: a shorter time range, or an entity or source filter");

    private final String plural;
    private final String narrowing;

    CallClass(String plural, String narrowing) {
        this.plural = plural;
        this.narrowing = narrowing;
    }

    /** The setting that holds this class's limit. */
    public String setting() {
        return "newsroom.query.statement-timeout." + name().toLowerCase(Locale.ROOT);
    }

    /** What a client whose call ran too long should do, as a status message. */
    public String timedOut(Duration limit) {
        return "the query ran past the " + limit.toMillis() + " ms the store allows " + plural + " (" + setting()
                + "); " + narrowing;
    }
}
