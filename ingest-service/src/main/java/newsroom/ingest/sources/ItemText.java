package newsroom.ingest.sources;

/**
 * Text a feed says about itself or an item (titles, names, authors), made fit for an article's
 * one-line fields: a feed is someone else's markup, and an odd title must not cost its article.
 */
final class ItemText {

    private ItemText() {
    }

    /**
     * {@code text} on one line (control characters and runs of white space become one space),
     * trimmed, cut to {@code maxChars} code points; empty for null.
     */
    static String oneLine(String text, int maxChars) {
        if (text == null) {
            return "";
        }
        String line = text.replaceAll("[\\p{Cntrl}\\s]+", " ").strip();
        if (line.codePointCount(0, line.length()) <= maxChars) {
            return line;
        }
        return line.substring(0, line.offsetByCodePoints(0, maxChars)).strip();
    }
}
