package newsroom.cleaning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Pages built to make text extraction slow or overflow the stack: deep nesting, long chains of
 * nesting at the limit, huge attribute values. Each is refused or read in bounded time, and
 * read right.
 */
class PathologicalHtmlTest {

    /** A hang guard only, far above what the work takes; the old code took minutes or overflowed. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(60);
    private static final String SENTENCE = "Deep inside the page, the article says something, at last, "
            + "in a sentence long enough to count.";

    private final ArticleCleaner cleaner = new ArticleCleaner();

    @Test
    void aHundredThousandNestedElementsAreRefusedNamingTheLimit() {
        for (String tag : new String[] {"div", "blockquote", "span"}) {
            String page = ("<" + tag + ">").repeat(100_000) + "<p>" + SENTENCE + "</p>";

            NestingTooDeepException refused = assertTimeoutPreemptively(HANG_GUARD,
                    () -> assertThrows(NestingTooDeepException.class, () -> cleaner.clean(page, ContentKind.HTML)));

            assertEquals("nests HTML elements more than 512 levels deep; the limit is 512", refused.getMessage());
        }
    }

    @Test
    void nestingJustUnderTheLimitIsRead() {
        // <html> and <body> are two of the levels.
        int depth = ArticleCleaner.MAX_NESTING_DEPTH - 3;
        String page = "<div>".repeat(depth) + "<p>" + SENTENCE + "</p>" + "</div>".repeat(depth);

        assertEquals(SENTENCE, cleaner.clean(page, ContentKind.HTML));
        assertThrows(NestingTooDeepException.class, () -> cleaner.clean("<div>" + page, ContentKind.HTML));
    }

    @Test
    void classAndIdValuesOfMegabytesAreReadOnlyAsFarAsNamesGo() {
        // Each name pattern's find() cost the attribute's length times its alternatives: minutes here.
        String page = "<div class=\"" + "sharp ".repeat(1_500_000) + "\" id=\"" + "x".repeat(1_000_000) + "\">"
                + "<p>" + SENTENCE + "</p></div><div class=\"" + "sidebar ".repeat(100_000) + "\">"
                + "<p>A sidebar of links, teasers and other things that are not the article at all.</p></div>";

        // Ten megabytes to parse: a longer guard than the others, still well under the old code's time.
        String text = assertTimeoutPreemptively(HANG_GUARD.multipliedBy(2), () -> cleaner.clean(page, ContentKind.HTML));

        assertEquals(SENTENCE, text);
    }
}
