package newsroom.cleaning;

/**
 * The one way Newsroom turns submitted content into the text it stores and
 * analyses. Cleaning is idempotent: cleaning clean text returns it unchanged,
 * which is what lets ingest store the text and NLP report offsets into it.
 */
public final class ArticleCleaner {

    private final HtmlText htmlText = new HtmlText();
    private final BoilerplateFilter boilerplate = new BoilerplateFilter();

    /** The article's clean text: paragraphs separated by one blank line. */
    public String clean(String content, ContentKind kind) {
        String text = kind == ContentKind.HTML ? htmlText.toText(content) : content;
        return boilerplate.clean(text);
    }
}
