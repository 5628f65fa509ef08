package newsroom.bench.nlp;

/**
 * Maps Analysis spans (UTF-16 units into {@code cleanedText}) onto code-point
 * offsets of the reference text the gold annotations point into, as the
 * reference scorers' {@code analysis_io.SpanMapper} does: identical texts map
 * one to one, a cleaned text found inside the reference is shifted, anything
 * else is aligned (line by line here, where the python scorer uses difflib;
 * the benchmark checks both give the same figures).
 */
final class SpanMapper {

    private final String cleaned;
    private final int shift;
    private final int[] aligned;
    final String how;

    SpanMapper(String cleaned, String reference) {
        this.cleaned = cleaned;
        int[] a = cleaned.codePoints().toArray();
        int[] b = reference.codePoints().toArray();
        if (cleaned.equals(reference)) {
            shift = 0;
            aligned = null;
            how = "identical";
        } else {
            int at = cleaned.isEmpty() ? -1 : reference.indexOf(cleaned);
            if (at >= 0) {
                shift = reference.codePointCount(0, at);
                aligned = null;
                how = "substring";
            } else {
                shift = 0;
                aligned = align(a, b);
                how = "aligned";
            }
        }
    }

    /**
     * Line by line: each line of the cleaned text is looked up in the
     * reference after the previous one (cleaning drops whole lines and trims
     * them); a line not found verbatim (cleaning changed a character in it) is
     * matched character by character within a short window.
     */
    private static int[] align(int[] a, int[] b) {
        int[] map = new int[a.length];
        java.util.Arrays.fill(map, -1);
        // Cleaning turns no-break spaces into spaces: look lines up in a reference with the same change.
        String reference = new String(b, 0, b.length).replace('\u00A0', ' ');
        int pos = 0; // code point position in b
        int i = 0;
        while (i < a.length) {
            int lineEnd = i;
            while (lineEnd < a.length && a[lineEnd] != '\n') {
                lineEnd++;
            }
            String line = new String(a, i, lineEnd - i);
            int from = reference.offsetByCodePoints(0, Math.min(pos, b.length));
            int found = line.isEmpty() ? -1 : reference.indexOf(line, from);
            if (found >= 0) {
                int at = reference.codePointCount(0, found);
                for (int k = i; k < lineEnd; k++) {
                    map[k] = at + (k - i);
                }
                pos = at + (lineEnd - i);
            } else {
                for (int k = i; k < lineEnd; k++) {
                    for (int m = pos; m < Math.min(b.length, pos + 20); m++) {
                        if (a[k] == b[m] || a[k] == ' ' && b[m] == '\u00A0') {
                            map[k] = m;
                            pos = m + 1;
                            break;
                        }
                    }
                }
            }
            if (lineEnd < a.length) {
                for (int m = pos; m < Math.min(b.length, pos + 20); m++) {
                    if (b[m] == '\n') {
                        map[lineEnd] = m;
                        pos = m + 1;
                        break;
                    }
                }
            }
            i = lineEnd + 1;
        }
        return map;
    }

    int codePoint(int utf16) {
        int clamped = Math.max(0, Math.min(utf16, cleaned.length()));
        return cleaned.codePointCount(0, clamped);
    }

    /** The reference span {begin, end} in code points, or null when nothing of it survives. */
    int[] span(int begin, int end) {
        int b = codePoint(begin);
        int e = codePoint(end);
        if (e <= b) {
            return null;
        }
        if (aligned == null) {
            return new int[] {b + shift, e + shift};
        }
        int first = -1;
        int last = -1;
        for (int i = Math.max(b, 0); i < Math.min(e, aligned.length); i++) {
            if (aligned[i] >= 0) {
                if (first < 0) {
                    first = aligned[i];
                }
                last = aligned[i];
            }
        }
        return first < 0 ? null : new int[] {first, last + 1};
    }
}
