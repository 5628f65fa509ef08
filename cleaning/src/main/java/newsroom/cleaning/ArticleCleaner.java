package newsroom.cleaning;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.select.NodeFilter;
import org.jsoup.select.NodeTraversor;

/**
 * The one way Newsroom turns submitted content into the text it stores and
 * analyses. Cleaning is idempotent: cleaning clean text returns it unchanged,
 * which is what lets ingest store the text and NLP report offsets into it.
 */
public final class ArticleCleaner {

    /**
     * How deep HTML elements may nest. Browsers' parsers (Blink, WebKit) stop nesting at this
     * depth too; real news pages stay well below 100.
     */
    public static final int MAX_NESTING_DEPTH = 512;

    private final MainText mainText = new MainText();
    private final BoilerplateFilter boilerplate = new BoilerplateFilter();

    /**
     * The article's clean text: paragraphs separated by one blank line.
     *
     * @throws NestingTooDeepException when HTML elements nest deeper than {@link #MAX_NESTING_DEPTH}
     */
    public String clean(String content, ContentKind kind) {
        return read(content, kind).text();
    }

    /**
     * The article's clean text and, for HTML, what the page says about itself.
     *
     * @throws NestingTooDeepException when HTML elements nest deeper than {@link #MAX_NESTING_DEPTH}
     */
    public CleanedArticle read(String content, ContentKind kind) {
        if (kind == ContentKind.PLAIN_TEXT) {
            return new CleanedArticle(boilerplate.clean(content), PageMetadata.NONE);
        }
        Document page = Jsoup.parse(content);
        refuseDeepNesting(page);
        // Metadata first: main-text extraction prunes the document in place.
        PageMetadata metadata = HtmlMetadata.of(page);
        return new CleanedArticle(boilerplate.clean(mainText.extract(page)), metadata);
    }

    /** jsoup's parser nests without limit (100 000 {@code <div>}s make a tree 100 000 deep). */
    private static void refuseDeepNesting(Document page) {
        NodeTraversor.filter((node, depth) -> {
            if (depth > MAX_NESTING_DEPTH && node instanceof Element) {
                throw new NestingTooDeepException(MAX_NESTING_DEPTH);
            }
            return NodeFilter.FilterResult.CONTINUE;
        }, page);
    }
}
