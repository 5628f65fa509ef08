package newsroom.bench.nlp;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The text rules of the reference PolNeAR scorers ({@code polnear_quotes.py},
 * which {@code polnear_attributions.py} imports), ported one by one: name
 * tokens, named and pronoun sources, quotation marks, and the forms of an
 * attribution's Content.
 */
final class PolnearRules {

    private static final Set<String> PRONOUNS = Set.of("i", "me", "my", "myself", "we", "us", "our", "ourselves",
            "you", "your", "yourself", "yourselves", "he", "him", "his", "himself", "she", "her", "herself", "it",
            "its", "itself", "they", "them", "their", "themselves", "who", "whom", "whose", "which", "that", "this",
            "these", "those");
    /** Capitalised words that do not identify a source: function words, titles, party adjectives. */
    private static final Set<String> STOP = Stream.concat(PRONOUNS.stream(), Stream.of("the", "a", "an", "and",
            "or", "but", "of", "in", "on", "at", "for", "to", "from", "by", "with", "as", "according", "also", "both",
            "all", "some", "many", "most", "several", "other", "another", "such", "former", "then", "now", "new",
            "top", "senior", "said", "says", "mr", "mrs", "ms", "miss", "dr", "sir", "sen", "senator", "rep",
            "representative", "gov", "governor", "president", "presidential", "vice", "secretary", "speaker", "mayor",
            "judge", "justice", "chairman", "chairwoman", "chair", "director", "minister", "prime", "gen", "general",
            "attorney", "candidate", "nominee", "leader", "spokesman", "spokeswoman", "spokesperson", "official",
            "officials", "chief", "republican", "democratic", "democrat")).collect(Collectors.toSet());
    private static final Pattern LETTERS = Pattern.compile("\\p{L}+");
    private static final Pattern WORD_CHAR = Pattern.compile("[\\p{L}\\p{N}_]");
    /** polnear_attributions.py's QUOTE_CHARS: a quotation mark anywhere makes reported content mixed. */
    private static final Pattern QUOTE_CHARS = Pattern.compile("[\u201c\u201d\"]|``|''");

    /** How an attribution's Content is quoted (polnear_attributions.py's form_of). */
    enum Form {
        /** Every Content segment is one quotation. */
        DIRECT,
        /** Some segments are quotations and some not, or a quotation sits inside narrative content. */
        MIXED,
        /** No quotation marks at all: reported speech. */
        INDIRECT;

        String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    private PolnearRules() {
    }

    /** x of n as the reference scorers print it ("12.5%", "n/a" when n is 0). */
    static String pct(double x, int n) {
        return n == 0 ? "n/a" : oneDecimal(100.0 * x / n) + "%";
    }

    /**
     * Python's {@code "%.1f"}: the double's exact binary value rounded half-even,
     * where {@code String.format} rounds its shortest decimal form half-up
     * (12.25 prints 12.2 in Python, 12.3 in Java). NaN, no figure, prints "n/a".
     */
    static String oneDecimal(double value) {
        if (!Double.isFinite(value)) {
            return "n/a";
        }
        return new BigDecimal(value).setScale(1, RoundingMode.HALF_EVEN).toPlainString();
    }

    static Form form(List<String> segments) {
        if (segments.stream().allMatch(PolnearRules::enclosed)) {
            return Form.DIRECT;
        }
        if (segments.stream().anyMatch(s -> enclosed(s) || QUOTE_CHARS.matcher(s).find())) {
            return Form.MIXED;
        }
        return Form.INDIRECT;
    }

    /** Runs of letters, >= 3 long, starting upper-case, not a pronoun, title or function word; folded. */
    static Set<String> nameTokens(String s) {
        Set<String> out = new HashSet<>();
        for (String t : letterTokens(s)) {
            if (t.codePointCount(0, t.length()) >= 3 && Character.isUpperCase(t.codePointAt(0)) && !STOP.contains(fold(t))) {
                out.add(fold(t));
            }
        }
        return out;
    }

    static boolean isNamed(String s) {
        return letterTokens(s).stream().anyMatch(t -> Character.isUpperCase(t.codePointAt(0))
                && !STOP.contains(fold(t)) && t.codePointCount(0, t.length()) >= 2);
    }

    static boolean isPronoun(String s) {
        List<String> tokens = letterTokens(s);
        return !tokens.isEmpty() && tokens.stream().allMatch(t -> PRONOUNS.contains(fold(t)));
    }

    private static List<String> letterTokens(String s) {
        List<String> tokens = new ArrayList<>();
        Matcher m = LETTERS.matcher(s);
        while (m.find()) {
            tokens.add(m.group());
        }
        return tokens;
    }

    private static String fold(String s) {
        return s.toLowerCase(Locale.ROOT);
    }

    /** Python's str.strip(): Java's strip() keeps no-break spaces, Python's drops them. */
    private static String pythonStrip(String s) {
        int b = 0;
        int e = s.length();
        while (b < e && isPythonSpace(s.charAt(b))) {
            b++;
        }
        while (e > b && isPythonSpace(s.charAt(e - 1))) {
            e--;
        }
        return s.substring(b, e);
    }

    private static boolean isPythonSpace(char c) {
        return Character.isWhitespace(c) || Character.isSpaceChar(c) || c == '\u0085' || (c >= '\u001c' && c <= '\u001f');
    }

    /** One quotation: opens with a mark, closes with one, no narrative text outside the marks. */
    static boolean enclosed(String raw) {
        String seg = pythonStrip(raw);
        boolean opens = seg.startsWith("\u201c") || seg.startsWith("``") || seg.startsWith("''") || seg.startsWith("\"");
        boolean closes = seg.endsWith("\u201d") || seg.endsWith("''") || seg.endsWith("\"");
        if (!opens || !closes || seg.codePointCount(0, seg.length()) < 3) {
            return false;
        }
        boolean inside = false;
        int last = 0;
        int i = 0;
        while (i < seg.length()) {
            int length;
            String kind;
            if (seg.startsWith("``", i)) {
                length = 2;
                kind = "open";
            } else if (seg.startsWith("''", i)) {
                length = 2;
                kind = "toggle";
            } else if (seg.charAt(i) == '\u201c') {
                length = 1;
                kind = "open";
            } else if (seg.charAt(i) == '\u201d') {
                length = 1;
                kind = "close";
            } else if (seg.charAt(i) == '"') {
                length = 1;
                kind = "toggle";
            } else {
                i++;
                continue;
            }
            if (!inside && WORD_CHAR.matcher(seg.substring(last, i)).find()) {
                return false; // narrative text between two quotations
            }
            boolean paragraphStart = i == 0 || seg.charAt(i - 1) == '\n';
            // A new paragraph of the same quotation re-opens with a mark and no closing one before it.
            inside = kind.equals("open") || (kind.equals("toggle") && (!inside || paragraphStart));
            last = i + length;
            i += length;
        }
        return !WORD_CHAR.matcher(seg.substring(last)).find();
    }
}
