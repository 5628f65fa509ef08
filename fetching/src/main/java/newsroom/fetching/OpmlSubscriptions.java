package newsroom.fetching;

import java.io.InputStream;
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
        throw new UnsupportedOperationException("TODO");
    }
}
