package newsroom.cleaning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class HtmlArticleTest {

    static final String BODY = """
            <p>ISLAMABAD: Russian Foreign Minister Sergey Lavrov arrived in Pakistan on Tuesday, the first visit \
            by a Russian foreign minister in nine years, officials said.</p>
            <p>\u201CWe are ready to strengthen cooperation,\u201D Lavrov told reporters after the talks, adding \
            that Moscow would supply more equipment to Islamabad.</p>
            <blockquote>Pakistan and Russia share a vision of a peaceful region, the minister said.</blockquote>
            <p>Shah Mahmood Qureshi, his Pakistani counterpart, called the visit a turning point, and said \
            the two countries would sign a gas pipeline agreement soon.</p>""";

    static final String PAGE = """
            <!doctype html><html lang="en-GB"><head>
            <title>Lavrov in Islamabad | Example News</title>
            <meta property="og:title" content="Lavrov arrives in Islamabad">
            <meta name="author" content="Jane Reporter">
            <link rel="canonical" href="https://news.example.org/2021/04/lavrov-islamabad">
            <script type="application/ld+json">{"@type":"NewsArticle","headline":"Lavrov arrives",
              "datePublished":"2021-04-07T09:30:00+05:00","author":{"@type":"Person","name":"Jane Reporter"}}</script>
            </head><body>
            <header><nav><a href="/">Home</a> <a href="/world">World</a> <a href="/sport">Sport</a></nav></header>
            <div class="cookie-banner">We use cookies to improve your experience. Accept all cookies</div>
            <main><article class="story">
            <h1>Lavrov arrives in Islamabad</h1>
            <div class="share-bar"><a href="#">Share on Facebook</a> <a href="#">Tweet</a></div>
            <div class="article-body">%s</div>
            <section class="comments"><h3>Comments</h3><p>What a great visit, said one reader, this is \
            fantastic news for everyone.</p></section>
            </article>
            <aside class="related"><h3>Related</h3><ul><li><a href="/a">Qureshi visits Moscow again, and more</a></li>
            <li><a href="/b">Gas pipeline deal close, ministers say</a></li></ul></aside></main>
            <footer><p>Copyright 2021 Example News. All rights reserved.</p></footer>
            <script>var tracking = "This sentence is inside a script and must never show up in the text.";</script>
            </body></html>""".formatted(BODY);

    final ArticleCleaner cleaner = new ArticleCleaner();

    @Test
    void theBodyIsKeptAndTheChromeDropped() {
        String text = cleaner.clean(PAGE, ContentKind.HTML);

        assertTrue(text.contains("Russian Foreign Minister Sergey Lavrov arrived in Pakistan"), text);
        assertTrue(text.contains("\u201CWe are ready to strengthen cooperation,\u201D Lavrov told reporters"), text);
        assertTrue(text.contains("Pakistan and Russia share a vision"), text);
        assertTrue(text.contains("gas pipeline agreement soon."), text);
        for (String chrome : new String[] {"Home", "cookies", "Share on Facebook", "great visit", "Related",
                "Gas pipeline deal close", "Copyright", "inside a script"}) {
            assertFalse(text.contains(chrome), chrome + " in:\n" + text);
        }
    }

    @Test
    void metadataComesFromMetaTagsAndJsonLd() {
        PageMetadata metadata = cleaner.read(PAGE, ContentKind.HTML).metadata();

        assertEquals("Lavrov arrives in Islamabad", metadata.title());
        assertEquals("Jane Reporter", metadata.author());
        assertEquals(Instant.parse("2021-04-07T04:30:00Z"), metadata.publishedTime());
        assertEquals("https://news.example.org/2021/04/lavrov-islamabad", metadata.canonicalUrl());
        assertEquals("en-GB", metadata.language());
    }

    @Test
    void hugeOrMalformedJsonLdIsReadWithoutBlowingUp() {
        // Regex bombs: a 200 000-character headline (a regex group per character overflowed
        // the stack), an unterminated one, and many author objects that never close.
        String longHeadline = "<html><head><script type=\"application/ld+json\">{\"headline\":\""
                + "Lavrov \\\"arrives\\\" ".repeat(10_000) + "\"}</script></head><body><article>" + BODY
                + "</article></body></html>";
        String unterminated = "<html><head><script type=\"application/ld+json\">{\"headline\":\""
                + "x".repeat(200_000) + "</script></head><body><article>" + BODY + "</article></body></html>";
        String unclosedAuthors = "<html><head><script type=\"application/ld+json\">"
                + "{\"author\":{\"x\":1, ".repeat(50_000) + "</script></head><body><article>" + BODY
                + "</article></body></html>";

        PageMetadata headline = cleaner.read(longHeadline, ContentKind.HTML).metadata();
        assertEquals(1000, headline.title().length());
        assertTrue(headline.title().startsWith("Lavrov \"arrives\" Lavrov"), headline.title().substring(0, 40));
        assertNull(cleaner.read(unterminated, ContentKind.HTML).metadata().title());
        assertNull(cleaner.read(unclosedAuthors, ContentKind.HTML).metadata().author());
        assertTrue(cleaner.clean(unclosedAuthors, ContentKind.HTML).contains("Sergey Lavrov arrived in Pakistan"));
    }

    @Test
    void timeElementsAndTitleTagsAreTheFallbacks() {
        String page = "<html><head><title>Only a title tag</title></head><body><article>"
                + "<time datetime=\"2021-04-07\">7 April</time>" + BODY + "</article></body></html>";

        PageMetadata metadata = cleaner.read(page, ContentKind.HTML).metadata();

        assertEquals("Only a title tag", metadata.title());
        assertEquals(Instant.parse("2021-04-07T00:00:00Z"), metadata.publishedTime());
        assertNull(metadata.author());
        assertNull(metadata.canonicalUrl());
    }

    @Test
    void unusableMetadataIsLeftOut() {
        String page = "<html><head><meta property=\"article:published_time\" content=\"last Tuesday\">"
                + "<link rel=canonical href=\"/relative/path\"></head><body>" + BODY + "</body></html>";

        PageMetadata metadata = cleaner.read(page, ContentKind.HTML).metadata();

        assertNull(metadata.publishedTime());
        assertNull(metadata.canonicalUrl());
        assertNull(metadata.title());
    }

    @Test
    void aBodySplitOverSeveralBlocksIsKeptWhole() {
        String page = "<html><body><div class=menu><a href=/>Home</a></div><div id=content>"
                + "<div class=part>" + BODY + "</div><div class=part>" + BODY.replace("Lavrov", "The minister")
                + "</div></div></body></html>";

        String text = cleaner.clean(page, ContentKind.HTML);

        assertTrue(text.contains("Sergey Lavrov arrived") && text.contains("Sergey The minister arrived"), text);
    }

    @Test
    void aBodySplitOverGridRowsThatAreNotSiblingsIsKeptWholeAndInOrder() {
        String page = "<html><body><div class=menu><a href=/>Home</a></div><div class=chunks>"
                + "<div class=row><div class='body chunk'>" + BODY + "</div><div class=rail>Ad</div></div>"
                + "<div class=row><div class='list'><a href=/a>Another story</a></div></div>"
                + "<div class=row><div class='body chunk'>" + BODY.replace("Lavrov", "The minister") + "</div></div>"
                + "</div></body></html>";

        String text = cleaner.clean(page, ContentKind.HTML);

        int first = text.indexOf("Sergey Lavrov arrived");
        int second = text.indexOf("Sergey The minister arrived");
        assertTrue(first >= 0 && second > first, text);
        assertFalse(text.contains("Another story"), text);
        assertEquals(first, text.lastIndexOf("Sergey Lavrov arrived"), "each chunk once: " + text);
    }

    @Test
    void aPageWrappedInOneFormIsStillRead() {
        String page = "<html><body><form id=aspnetForm><div class=wrapper-header-style-2><article>" + BODY
                + "</article></div></form><form class=search><input name=q><label>Search the site</label></form>"
                + "</body></html>";

        String text = cleaner.clean(page, ContentKind.HTML);

        assertTrue(text.contains("Sergey Lavrov arrived"), text);
        assertFalse(text.contains("Search the site"), text);
    }

    @Test
    void cleaningExtractedTextAgainChangesNothing() {
        String text = cleaner.clean(PAGE, ContentKind.HTML);

        assertEquals(text, cleaner.clean(text, ContentKind.PLAIN_TEXT));
    }
}
