package newsroom.nlp.quotes;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the direct quotes of a text: words between double quotation marks.
 * Curly marks pair as “…”, PTB marks as ``…'', straight marks and NYT-style
 * {@code ''} pair with the next mark of their kind. Single quotes are not
 * quotation marks here (they are apostrophes far more often).
 *
 * <p>News convention for a quote running over several paragraphs: each
 * paragraph opens with a mark and only the last one closes. A quote still open
 * at a line break therefore ends with its paragraph, and the next paragraph
 * starts afresh. Found in place of CoreNLP's quote annotator, which needs its
 * coreference models to run at all.
 */
public final class QuoteFinder {

    /** Top-level quotes in text order. */
    public List<QuoteSpan> find(String text) {
        List<QuoteSpan> spans = new ArrayList<>();
        int open = -1;
        String closer = null;
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\n') {
                if (open >= 0) {
                    add(spans, text, open, open + openerLength(text, open), i, i);
                    open = -1;
                }
                i++;
                continue;
            }
            String mark = markAt(text, i);
            if (mark == null) {
                i++;
                continue;
            }
            if (open < 0) {
                String expectedCloser = closerOf(mark);
                if (expectedCloser != null) {
                    open = i;
                    closer = expectedCloser;
                }
            } else if (mark.equals(closer)) {
                add(spans, text, open, open + openerLength(text, open), i, i + mark.length());
                open = -1;
            }
            i += mark.length();
        }
        if (open >= 0) {
            add(spans, text, open, open + openerLength(text, open), text.length(), text.length());
        }
        return spans;
    }

    private static String markAt(String text, int i) {
        char c = text.charAt(i);
        if (c == '\u201c' || c == '\u201d' || c == '"') {
            return String.valueOf(c);
        }
        if (text.startsWith("``", i)) {
            return "``";
        }
        if (text.startsWith("''", i)) {
            return "''";
        }
        return null;
    }

    /** The mark that closes a quote this mark opens; null for a mark that cannot open one. */
    private static String closerOf(String opener) {
        return switch (opener) {
            case "\u201c" -> "\u201d";
            case "\"" -> "\"";
            case "``", "''" -> "''";
            default -> null;
        };
    }

    private static int openerLength(String text, int open) {
        return text.startsWith("``", open) || text.startsWith("''", open) ? 2 : 1;
    }

    private static void add(List<QuoteSpan> spans, String text, int outerBegin, int begin, int end, int outerEnd) {
        int b = begin;
        int e = end;
        while (b < e && Character.isWhitespace(text.charAt(b))) {
            b++;
        }
        while (e > b && Character.isWhitespace(text.charAt(e - 1))) {
            e--;
        }
        if (e > b) {
            spans.add(new QuoteSpan(outerBegin, b, e, outerEnd == end ? e : outerEnd));
        }
    }
}
