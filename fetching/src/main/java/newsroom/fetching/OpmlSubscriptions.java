package newsroom.fetching;

import com.rometools.opml.feed.opml.Opml;
import com.rometools.opml.feed.opml.Outline;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.ParsingFeedException;
import com.rometools.rome.io.WireFeedInput;
import com.rometools.rome.feed.WireFeed;
import org.xml.sax.InputSource;

import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;

/** Reads an OPML subscription list (OPML 1.0 and 2.0, with ROME): every outline with an {@code xmlUrl}, nested ones too. */
public final class OpmlSubscriptions {

    /** One subscription: the feed's URL as written, and its title (text) or null. */
    public record Subscription(String url, String title) {
    }

    private OpmlSubscriptions() {
    }

    /** @throws NotASourceException when the file is not OPML, saying why (line and column when known) */
    public static List<Subscription> read(InputStream opml) throws NotASourceException {
        WireFeedInput input = new WireFeedInput();
        // No doctypes, so no entities: an OPML file is someone else's file.
        input.setAllowDoctypes(false);
        WireFeed document;
        try {
            document = input.build(new InputSource(opml));
        } catch (ParsingFeedException e) {
            throw new NotASourceException("not well-formed XML (line " + e.getLineNumber() + ", column "
                    + e.getColumnNumber() + ": " + rootCause(e) + ")");
        } catch (FeedException | IllegalArgumentException e) {
            throw new NotASourceException("not an OPML file (" + e.getMessage() + ")");
        }
        if (!(document instanceof Opml list)) {
            throw new NotASourceException("not an OPML file: it is a " + document.getFeedType() + " feed; "
                    + "add it with `newsroom sources add URL` instead");
        }
        List<Subscription> subscriptions = new ArrayList<>();
        collect(list.getOutlines(), subscriptions);
        return List.copyOf(subscriptions);
    }

    private static void collect(List<Outline> outlines, List<Subscription> into) {
        for (Outline outline : outlines) {
            String url = outline.getXmlUrl();
            if (url != null && !url.isBlank()) {
                String title = outline.getText() != null && !outline.getText().isBlank() ? outline.getText()
                        : outline.getTitle();
                into.add(new Subscription(url.strip(), title == null || title.isBlank() ? null : title.strip()));
            }
            collect(outline.getChildren(), into);
        }
    }

    private static String rootCause(Throwable e) {
        Throwable cause = e;
        while (cause.getCause() != null) {
            cause = cause.getCause();
        }
        return cause.getMessage();
    }
}
