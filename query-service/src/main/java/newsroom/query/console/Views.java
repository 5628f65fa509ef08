package newsroom.query.console;

import io.quarkus.qute.RawString;
import java.util.List;

/**
 * What the console's templates show: plain values taken from the query service's messages,
 * so the templates print text (escaped) and never reach into a message.
 */
public final class Views {

    private Views() {
    }

    /** What every page carries: its title, and the sign-out form's token when signed in. */
    public record Chrome(String title, boolean signedIn, String formToken) {

        /** The same chrome under a page's own title (an article's, an entity's name). */
        public Chrome titled(String pageTitle) {
            return new Chrome(pageTitle.isBlank() ? title : pageTitle, signedIn, formToken);
        }
    }

    /** A link to an article, with what a list shows of it. */
    public record ArticleLink(long id, String title, String source, String published) {
    }

    /** A link to an entity, with a count (articles in common, mentions) where the list has one. */
    public record EntityLink(long id, String name, String type, long count) {
    }

    /** A quote with its speaker and article. */
    public record QuoteView(String text, long speakerId, String speaker, String cue, boolean direct, ArticleLink article) {
    }

    /** A chart: its container's id, title and data. */
    public record Chart(String id, String title, RawString json) {
    }

    /** The link to a list's next page, empty on the last page. */
    public record Paging(String nextUrl) {

        /** The paging of a list shown by {@code list}, whose next page (if any) {@code nextPageToken} asks for. */
        static Paging after(Links list, String nextPageToken) {
            return new Paging(nextPageToken.isEmpty() ? "" : list.with("page_token", nextPageToken).toString());
        }

        public boolean hasNext() {
            return !nextUrl.isEmpty();
        }
    }

    /**
     * Search: the form as filled in, then the results, their count and facets.
     * With totalIsLowerBound more than total articles match, and the facets
     * are those of the total newest.
     */
    public record SearchPage(String q, String source, String language, String entity, String from, String to,
                      boolean searched, long total, boolean totalKnown, boolean totalIsLowerBound,
                      List<SearchResult> results,
                      List<SourceCount> topSources, List<EntityLink> topEntities, String csvUrl, Paging paging) {
    }

    /** One search result: the article and its snippet with the matched words marked. */
    public record SearchResult(ArticleLink article, List<TextPiece> snippet) {
    }

    /** A publisher and how many results are theirs. */
    public record SourceCount(String source, long count, String searchUrl) {
    }

    /** An article with its text, quotes, dates and siblings. */
    public record ArticlePage(ArticleLink article, String url, String author, String language, String status,
                       String failure, List<TextPiece> text, List<QuoteView> quotes, List<DateView> dates,
                       long storyId, List<ArticleLink> sameStory) {
    }

    /** A time expression of the text and what it was resolved to. */
    public record DateView(String text, String value, String type) {
    }

    /** An entity's profile, chart and lists. */
    public record EntityPage(long id, String name, String type, List<String> aliases, long mentionCount,
                      long articleCount, long quoteCount, String firstSeen, String lastSeen, String by,
                      Chart chart, List<EntityLink> coMentions, List<QuoteView> quotes, List<ArticleLink> recent,
                      String timelineCsvUrl, String coMentionsCsvUrl, String quotesCsvUrl, String recentCsvUrl) {
    }

    /** Compare: the form and, once two to five entities are chosen, their chart. */
    public record ComparePage(List<String> entities, String from, String to, String by, String scale,
                       List<EntityLink> compared, Chart chart, int seriesCount) {
    }

    /** Quotes: the filters and a page of quotes. */
    public record QuotesPage(String speaker, String q, String from, String to, List<QuoteView> quotes, String csvUrl,
                      Paging paging) {
    }

    /** Stories: a page of same-story clusters. */
    public record StoriesPage(String from, String to, int minReports, List<StoryView> stories, String csvUrl,
                       Paging paging) {
    }

    /** A story: its first report, counts and publishers. */
    public record StoryView(long id, ArticleLink firstReport, long reportCount, String lastReport, List<String> sources) {
    }

    /** A story and its reports. */
    public record StoryPage(StoryView story, List<ArticleLink> reports) {
    }
}
