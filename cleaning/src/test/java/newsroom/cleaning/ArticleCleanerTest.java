package newsroom.cleaning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class ArticleCleanerTest {

    private final ArticleCleaner cleaner = new ArticleCleaner();

    @Test
    void dropsCommentFormAndKeepsBody() {
        String text = "Pakistan and Russia discussed the peace process.\r\n\r\n"
                + "\u201cWe feel Russia is a factor of stability,\u201d he said.\n\n\n"
                + "Please enter your comment!\nPlease enter your name here";
        String cleaned = cleaner.clean(text, ContentKind.PLAIN_TEXT);
        assertEquals("Pakistan and Russia discussed the peace process.\n\n"
                + "\u201cWe feel Russia is a factor of stability,\u201d he said.", cleaned);
    }

    @Test
    void keepsSentencesThatOnlyMentionBoilerplateWords() {
        String text = "Readers were asked to share their views on the cookie tax.\n\nRelated talks continue.";
        assertEquals(text, cleaner.clean(text, ContentKind.PLAIN_TEXT));
    }

    @Test
    void dropsShareCopyrightAndTeaserLines() {
        String text = "Body sentence one.\n\nShare this article\n\nRead more: Ten things about Kashmir\n\n"
                + "Advertisement\n\n\u00a9 2021 Dawn. All rights reserved.\n\nBody sentence two.";
        assertEquals("Body sentence one.\n\nBody sentence two.", cleaner.clean(text, ContentKind.PLAIN_TEXT));
    }

    @Test
    void dropsTimeStampAndNewsletterLinesButKeepsDatesAndFiguresOfTheBody() {
        String text = "Updated Nov 19, 6:55 AM; Posted Nov 19, 6:51 AM\n\n20 Nov, 2019 05:47\n\n"
                + "The exhibition runs until March.\n\n29 November 2018 | 20 January 2019\n\n5040\n\n"
                + "On Monday, 4 March, at 10:30 the council met.\n\n"
                + "Start your day with the Opening Bell. Sign up for the free daily newsletter.\n\n"
                + "Like this story? Share it with a friend!\n\n"
                + "The newsletter's editor said she would not sign up for the new plan.";
        assertEquals("The exhibition runs until March.\n\n29 November 2018 | 20 January 2019\n\n5040\n\n"
                + "On Monday, 4 March, at 10:30 the council met.\n\n"
                + "The newsletter's editor said she would not sign up for the new plan.",
                cleaner.clean(text, ContentKind.PLAIN_TEXT));
    }

    @Test
    void isIdempotent() {
        String text = "  A  line.  \n\n\n\nAnother\nline.\n\nPlease enter your comment!";
        String once = cleaner.clean(text, ContentKind.PLAIN_TEXT);
        assertEquals(once, cleaner.clean(once, ContentKind.PLAIN_TEXT));
    }

    @Test
    void htmlKeepsParagraphsAndDropsNavigationAndScripts() {
        String html = "<html><head><title>t</title><script>var x = 'secret';</script></head><body>"
                + "<nav><a href='/'>Home</a><a href='/world'>World</a></nav>"
                + "<article><h1>Ministers meet</h1><p>Qureshi met Lavrov in <b>Islamabad</b>.</p>"
                + "<p>They discussed trade.</p></article>"
                + "<footer>\u00a9 2021 Dawn</footer><form>Please enter your comment!</form></body></html>";
        String cleaned = cleaner.clean(html, ContentKind.HTML);
        assertEquals("Ministers meet\n\nQureshi met Lavrov in Islamabad.\n\nThey discussed trade.", cleaned);
        assertFalse(cleaned.contains("secret"));
        assertTrue(cleaned.contains("Islamabad"));
    }
}
