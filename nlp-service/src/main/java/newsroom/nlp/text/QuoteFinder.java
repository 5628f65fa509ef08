package newsroom.nlp.text;

import java.util.ArrayList;
import java.util.List;

/**
 * Finds the direct quotes of a text: words between double quotation marks.
 * An opening mark (“, ", `` or NYT-style '') opens a quote and the next
 * closing mark (”, " or '') closes it, whatever its style: real text mixes
 * them (“…," is common). A second opening mark inside a quote is a typo or a
 * nested quote and is passed over. Single quotes are not quotation marks here
 * (they are apostrophes far more often).
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
                if (!mark.equals("\u201d") || opensAnyway(text, i)) {
                    open = i;
                }
            } else {
                if (!mark.equals("\u201c") && !mark.equals("``")) {
                    add(spans, text, open, open + openerLength(text, open), i, i + mark.length());
                    open = -1;
                }
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

    /** A closing curly mark typed at the start of a quotation: after a line start or space, before a letter. */
    private static boolean opensAnyway(String text, int i) {
        boolean before = i == 0 || Character.isWhitespace(text.charAt(i - 1));
        return before && i + 1 < text.length() && Character.isLetter(text.charAt(i + 1));
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
