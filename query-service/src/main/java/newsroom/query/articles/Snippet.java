package newsroom.query.articles;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import opennlp.tools.stemmer.snowball.SnowballStemmer;

/**
 * Builds a search hit's snippet: up to {@link #MAX_PASSAGES} passages of the
 * article's text around words of the query, each matching word between
 * {@code <b>} and {@code </b>}, the passages joined by {@link #DELIMITER}.
 *
 * <p>A word of the text matches when its Snowball English stem is one of the
 * query's lexemes, as PostgreSQL's {@code english} configuration, which
 * found the article, stems words: lowercased, then the same stemming
 * algorithm. Words are runs of letters and digits, so "Lavrov's" holds the
 * word "Lavrov" and "anti-war" the words "anti" and "war".
 *
 * <p>Built here rather than by PostgreSQL's {@code ts_headline}, which parsed
 * and stemmed every word it was given in the database, the search's one
 * shared resource: about 40% of a search statement's time for a page of
 * 20 (BENCHMARKS.md, "Rounds of 100, snippets built by the service"). Only words that start like a lexeme are stemmed
 * here. One instance serves one search; it is not thread-safe.
 */
final class Snippet {

    /** The most words a passage holds. */
    static final int MAX_WORDS = 35;
    /** How many words a passage shows before the matching word it is built around. */
    static final int LEAD_WORDS = 5;
    static final int MAX_PASSAGES = 2;
    static final String DELIMITER = " … ";

    private final Set<String> lexemes;
    // A word is stemmed only if it starts like a lexeme: with a lexeme's first
    // letter (checked without copying the word), then its first two letters
    // (the whole of a one-letter lexeme). A stem begins with its word's first
    // two letters for every English word but three Snowball lists ("dying",
    // "lying", "tying" give "die", "lie", "tie"), which are not highlighted.
    private final int[] firstLetters;
    private final Set<String> starts = new HashSet<>();
    private final SnowballStemmer stemmer = new SnowballStemmer(SnowballStemmer.ALGORITHM.ENGLISH);

    /** @param lexemes the query's lexemes, as PostgreSQL's {@code english} configuration makes them */
    Snippet(Collection<String> lexemes) {
        this.lexemes = Set.copyOf(lexemes);
        this.firstLetters = this.lexemes.stream().mapToInt(lexeme -> lexeme.codePointAt(0)).distinct().toArray();
        for (String lexeme : this.lexemes) {
            starts.add(start(lexeme, 2));
        }
    }

    /**
     * The snippet of this text: the first passage from a few words before
     * the first matching word; the second before the first match of a query
     * word the first lacks, or else the next match after it. The text's first
     * words when no word matches (the query matched the title). The text is
     * read only as far as the passages need.
     */
    String of(String text) {
        Words words = new Words(text);
        List<Integer> passageStarts = new ArrayList<>(MAX_PASSAGES);
        Set<String> shown = new HashSet<>();
        int shownUpTo = 0;
        while (passageStarts.size() < MAX_PASSAGES) {
            int next = nextMatch(words, shownUpTo, shown);
            if (next < 0) {
                break;
            }
            int start = Math.max(shownUpTo, next - LEAD_WORDS);
            passageStarts.add(start);
            shownUpTo = words.reach(start + MAX_WORDS);
            for (int i = start; i < shownUpTo; i++) {
                if (words.stem(i) != null) {
                    shown.add(words.stem(i));
                }
            }
        }
        if (passageStarts.isEmpty()) {
            if (words.reach(MAX_WORDS) == 0) {
                return "";
            }
            passageStarts.add(0);
        }
        StringBuilder snippet = new StringBuilder();
        for (int start : passageStarts) {
            if (!snippet.isEmpty()) {
                snippet.append(DELIMITER);
            }
            appendPassage(snippet, words, start, words.reach(start + MAX_WORDS));
        }
        return snippet.toString();
    }

    // The first matching word from index `from` whose stem is not shown yet,
    // or failing that the first matching word from `from` (at once when every
    // lexeme is shown, so a one-word query reads no further); -1 if none.
    private int nextMatch(Words words, int from, Set<String> shown) {
        boolean allShown = shown.containsAll(lexemes);
        int anyMatch = -1;
        for (int i = from; words.has(i); i++) {
            String stem = words.stem(i);
            if (stem != null) {
                if (allShown || !shown.contains(stem)) {
                    return i;
                }
                if (anyMatch < 0) {
                    anyMatch = i;
                }
            }
        }
        return anyMatch;
    }

    private static void appendPassage(StringBuilder snippet, Words words, int from, int to) {
        String text = words.text;
        // The passage's opening punctuation, back to the previous space.
        int at = words.begin(from);
        while (at > 0 && isPunctuation(text.charAt(at - 1))) {
            at--;
        }
        for (int i = from; i < to; i++) {
            snippet.append(text, at, words.begin(i));
            if (words.stem(i) != null) {
                snippet.append("<b>").append(text, words.begin(i), words.end(i)).append("</b>");
            } else {
                snippet.append(text, words.begin(i), words.end(i));
            }
            at = words.end(i);
        }
        // The passage's closing punctuation, up to the next space.
        int end = at;
        while (end < text.length() && isPunctuation(text.charAt(end))) {
            end++;
        }
        snippet.append(text, at, end);
    }

    private static boolean isPunctuation(char c) {
        return !Character.isWhitespace(c) && !Character.isLetterOrDigit(c);
    }

    // The word's stem when it is one of the query's lexemes, else null.
    private String matchingStem(String text, int begin, int end) {
        int first = Character.toLowerCase(text.codePointAt(begin));
        boolean startsLikeALexeme = false;
        for (int letter : firstLetters) {
            startsLikeALexeme |= letter == first;
        }
        if (!startsLikeALexeme) {
            return null;
        }
        String word = text.substring(begin, end).toLowerCase(Locale.ROOT);
        if (!starts.contains(start(word, 2)) && !starts.contains(start(word, 1))) {
            return null;
        }
        String stem = stemmer.stem(word).toString();
        return lexemes.contains(stem) ? stem : null;
    }

    // The first `letters` code points of a word, or the whole of a shorter one.
    private static String start(String word, int letters) {
        return word.substring(0, word.offsetByCodePoints(0, Math.min(letters, word.codePointCount(0, word.length()))));
    }

    /**
     * The words of a text, runs of letters and digits, found as far as they
     * are asked for: each with its offsets and, when it matches the query,
     * its stem.
     */
    private final class Words {

        final String text;
        private int[] begins = new int[64];
        private int[] ends = new int[64];
        private String[] stems = new String[64];
        private int count;
        private int scanned;

        Words(String text) {
            this.text = text;
        }

        /** Whether the text has a word at this index. */
        boolean has(int index) {
            while (count <= index && scanNext()) {
                // reads one more word
            }
            return index < count;
        }

        /** {@code words}, or the text's number of words if it has fewer. */
        int reach(int words) {
            has(words - 1);
            return Math.min(words, count);
        }

        int begin(int index) {
            return begins[index];
        }

        int end(int index) {
            return ends[index];
        }

        String stem(int index) {
            return stems[index];
        }

        private boolean scanNext() {
            int i = scanned;
            while (i < text.length() && !Character.isLetterOrDigit(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            if (i >= text.length()) {
                scanned = i;
                return false;
            }
            int begin = i;
            while (i < text.length() && Character.isLetterOrDigit(text.codePointAt(i))) {
                i += Character.charCount(text.codePointAt(i));
            }
            scanned = i;
            if (count == begins.length) {
                begins = Arrays.copyOf(begins, count * 2);
                ends = Arrays.copyOf(ends, count * 2);
                stems = Arrays.copyOf(stems, count * 2);
            }
            begins[count] = begin;
            ends[count] = i;
            stems[count] = matchingStem(text, begin, i);
            count++;
            return true;
        }
    }
}
