package newsroom.cleaning;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * The one way Newsroom turns submitted content into the text it stores and
 * analyses. Cleaning is idempotent: cleaning clean text returns it unchanged,
 * which is what lets ingest store the text and NLP report offsets into it.
 */
public final class ArticleCleaner {

    private final MainText mainText = new MainText();
    private final BoilerplateFilter boilerplate = new BoilerplateFilter();

    /** The article's clean text: paragraphs separated by one blank line. */
    public String clean(String content, ContentKind kind) {
        return read(content, kind).text();
    }

    /** The article's clean text and, for HTML, what the page says about itself. */
    public CleanedArticle read(String content, ContentKind kind) {
        if (kind == ContentKind.PLAIN_TEXT) {
            return new CleanedArticle(boilerplate.clean(content), PageMetadata.NONE);
        }
        Document page = Jsoup.parse(content);
        // Metadata first: main-text extraction prunes the document in place.
        PageMetadata metadata = HtmlMetadata.of(page);
        return new CleanedArticle(boilerplate.clean(mainText.extract(page)), metadata);
    }
}
