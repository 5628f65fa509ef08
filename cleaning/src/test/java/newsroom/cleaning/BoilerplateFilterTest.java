package newsroom.cleaning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BoilerplateFilterTest {

    /** A hang guard only, far above what the work takes. */
    private static final Duration HANG_GUARD = Duration.ofSeconds(30);
    private static final String BODY = "The council approved the new budget on Monday after a long debate.";

    private final BoilerplateFilter filter = new BoilerplateFilter();

    @Test
    void shareBarsAreDroppedAndSentencesThatStartLikeThemKept() {
        for (String bar : new String[] {"Share", "Share this article", "Share on Facebook", "share this story:",
                "Tweet", "Email | Print", "Facebook, Twitter, LinkedIn", "Share / Facebook / X!", "WhatsApp"}) {
            assertTrue(BoilerplateFilter.isShareBar(bar), bar);
        }
        for (String line : new String[] {"", "Share prices fell sharply", "share | ", "| share",
                "Facebook shares rose.", "email:: share", "this article"}) {
            assertFalse(BoilerplateFilter.isShareBar(line), line);
        }
    }

    @Test
    void aShareBarOfAHundredThousandWordsIsDroppedWithoutOverflowingTheStack() {
        // As a pattern, the share bar's repeated group recursed once per word: a StackOverflowError.
        String bar = "Share | Facebook | Twitter | Email ".repeat(25_000).strip() + "!";
        String sentence = "share ".repeat(100_000) + "this story, readers asked.";

        String cleaned = assertTimeoutPreemptively(HANG_GUARD,
                () -> filter.clean(BODY + "\n\n" + bar + "\n\n" + sentence));

        assertEquals(BODY + "\n\n" + sentence.strip(), cleaned);
    }
}
