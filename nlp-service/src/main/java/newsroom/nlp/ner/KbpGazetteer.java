package newsroom.nlp.ner;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Fine-grained NER from the KBP gazetteers of the CoreNLP models jar: CITY,
 * COUNTRY, STATE_OR_PROVINCE, NATIONALITY, TITLE, RELIGION, IDEOLOGY,
 * CRIMINAL_CHARGE, CAUSE_OF_DEATH (plus a few URL, EMAIL, HANDLE patterns),
 * written over the coarse NER tags of a sentence.
 *
 * <p>It reads the same two lists as CoreNLP 4.5.10's {@code ner.applyFineGrained}
 * step (a TokensRegexNER annotator with {@code DEFAULT_KBP_TOKENSREGEX_NER_SETTINGS}:
 * {@code regexner_caseless.tab} with {@code ignorecase=true,validpospattern=(NN|JJ|ADD).*},
 * then {@code regexner_cased.tab}; {@code noDefaultOverwriteLabels=CITY}) and gives the
 * same labels, but matches in one pass: CoreNLP compiles each of the 586,000 entries
 * into a token pattern and runs every pattern a sentence triggers, which cost 40% of
 * the CPU of an analysis. Here an entry whose tokens are all plain text is found by
 * a hash lookup of the sentence's token sequences; the few hundred entries with a
 * regular expression in a token ({@code Calif\.?}, {@code secretary of .*}) are
 * tried only where their plain token or first character occurs.
 *
 * <p>The rules kept from CoreNLP, because the labels must not change: each token
 * of an entry is a regular expression unless it has none of {@code []?.\^$()*+{}|};
 * overlapping matches are settled first (higher priority, then longer, then
 * CoreNLP's pattern order, then earlier), and only then checked: at least one
 * token must be a noun or adjective, and the entry may only relabel tokens that
 * are O or MISC, a label of its own kind, a label its overwrite column names, or
 * a mix of labels; never part of a longer entity it does not cover, and never,
 * for CITY entries, a tag they do not name (so "Washington" the PERSON stays).
 *
 * <p>Loaded once per process (about 590,000 entries; a second or two); immutable
 * and safe to share between threads.
 */
public final class KbpGazetteer {

    private static final String CASELESS = "edu/stanford/nlp/models/kbp/english/gazetteers/regexner_caseless.tab";
    private static final String CASED = "edu/stanford/nlp/models/kbp/english/gazetteers/regexner_cased.tab";
    private static final Set<String> NO_DEFAULT_OVERWRITE = Set.of("CITY");
    private static final char JOIN = '\u0000';

    /** Literal entries by their tokens joined with NUL: lower-cased for the caseless list, as written for the cased one. */
    private final Map<String, Entry> caselessLiterals = new HashMap<>(1 << 20);
    private final Map<String, Entry> casedLiterals = new HashMap<>(1 << 13);
    /** The most tokens of a literal entry starting with a given (normalised) first token. */
    private final Map<String, Integer> caselessLongest = new HashMap<>(1 << 20);
    private final Map<String, Integer> casedLongest = new HashMap<>();
    /** Entries with a regular expression in some token, found through their longest plain token. */
    private final Map<String, List<Entry>> caselessTriggered = new HashMap<>();
    private final Map<String, List<Entry>> casedTriggered = new HashMap<>();
    /** Regular-expression-only entries whose first token must start with a known character. */
    private final Map<Character, List<Entry>> byFirstCharacter = new HashMap<>();
    /** Regular-expression-only entries tried at every token. */
    private final List<Entry> everywhere = new ArrayList<>();
    /** Labels an entry may always overwrite: background (O, MISC, none) and every label of the lists. */
    private final Set<String> overwritableByAll = new HashSet<>(Arrays.asList("O", "MISC"));
    private int entryCount;

    private KbpGazetteer() {
    }

    /** Reads both lists from the CoreNLP models jar on the class path. */
    public static KbpGazetteer load() {
        KbpGazetteer gazetteer = new KbpGazetteer();
        Map<String, Entry> seen = new HashMap<>();
        gazetteer.read(CASELESS, true, seen);
        gazetteer.read(CASED, false, seen);
        return gazetteer;
    }

    /** How many entries were read (after CoreNLP's own de-duplication). */
    public int size() {
        return entryCount;
    }

    /**
     * Relabels one sentence in place, as CoreNLP's fine-grained step does.
     *
     * @param words the tokens' text, in CoreNLP's NER tokenization (hyphenated words joined)
     * @param posTags their Penn Treebank tags
     * @param ner their NER labels, coarse on entry, fine-grained on return
     */
    public void relabel(List<String> words, List<String> posTags, String[] ner) {
        int n = words.size();
        String[] lower = new String[n];
        for (int i = 0; i < n; i++) {
            lower[i] = words.get(i).toLowerCase(Locale.ROOT);
        }
        String[] asWritten = words.toArray(String[]::new);
        List<Match> candidates = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            findLiterals(caselessLiterals, caselessLongest, lower, i, candidates);
            findLiterals(casedLiterals, casedLongest, asWritten, i, candidates);
            findTriggered(caselessTriggered.get(lower[i]), words, i, candidates);
            findTriggered(casedTriggered.get(words.get(i)), words, i, candidates);
            if (!words.get(i).isEmpty()) {
                char first = Character.toLowerCase(words.get(i).charAt(0));
                tryAt(byFirstCharacter.get(first), words, i, candidates);
            }
            tryAt(everywhere, words, i, candidates);
        }
        if (candidates.isEmpty()) {
            return;
        }
        for (Match m : candidates) {
            m.order = patternOrder(m, words, lower);
        }
        // One pattern finds its matches left to right without overlap (TokensRegex's find()).
        candidates.sort(Comparator.comparingInt((Match m) -> m.entry.ordinal).thenComparingInt(m -> m.start));
        List<Match> perPattern = new ArrayList<>();
        Match previous = null;
        for (Match m : candidates) {
            if (previous == null || previous.entry != m.entry || m.start >= previous.end) {
                perPattern.add(m);
                previous = m;
            }
        }
        // Then CoreNLP keeps the non-overlapping best: priority, length, pattern order, offset.
        perPattern.sort(Comparator.comparingDouble((Match m) -> -m.entry.priority)
                .thenComparingInt(m -> -(m.end - m.start))
                .thenComparing((a, b) -> Arrays.compare(a.order, b.order))
                .thenComparingInt(m -> m.start).thenComparingInt(m -> m.end));
        boolean[] taken = new boolean[n];
        List<Match> chosen = new ArrayList<>();
        for (Match m : perPattern) {
            boolean free = true;
            for (int i = m.start; i < m.end && free; i++) {
                free = !taken[i];
            }
            if (free) {
                Arrays.fill(taken, m.start, m.end, true);
                chosen.add(m);
            }
        }
        chosen.sort(Comparator.comparingInt((Match m) -> m.start).thenComparingInt(m -> m.end));
        for (Match m : chosen) {
            if (hasNounOrAdjective(posTags, m.start, m.end) && mayOverwrite(m.entry, ner, m.start, m.end)) {
                Arrays.fill(ner, m.start, m.end, m.entry.type);
            }
        }
    }

    private static void findLiterals(Map<String, Entry> literals, Map<String, Integer> longest, String[] keys, int start,
            List<Match> out) {
        Integer most = longest.get(keys[start]);
        if (most == null) {
            return;
        }
        StringBuilder key = new StringBuilder(keys[start]);
        for (int end = start + 1; end <= Math.min(keys.length, start + most); end++) {
            if (end > start + 1) {
                key.append(JOIN).append(keys[end - 1]);
            }
            for (Entry e = literals.get(key.toString()); e != null; e = e.next) {
                out.add(new Match(e, start, end));
            }
        }
    }

    private static void findTriggered(List<Entry> entries, List<String> words, int at, List<Match> out) {
        if (entries == null) {
            return;
        }
        for (Entry e : entries) {
            int start = at - e.trigger;
            if (start >= 0 && e.matches(words, start)) {
                out.add(new Match(e, start, start + e.length()));
            }
        }
    }

    private static void tryAt(List<Entry> entries, List<String> words, int start, List<Match> out) {
        if (entries == null) {
            return;
        }
        for (Entry e : entries) {
            if (e.matches(words, start)) {
                out.add(new Match(e, start, start + e.length()));
            }
        }
    }

    /**
     * CoreNLP's tie-break between equally good overlapping matches: the order in
     * which its trigger index offered the patterns for this sentence, i.e. those
     * with no plain token first, then by the first token position where the
     * pattern's longest plain token occurs, cased list before caseless, then
     * list order.
     */
    private static long[] patternOrder(Match m, List<String> words, String[] lower) {
        Entry e = m.entry;
        if (e.nodes != null && e.trigger < 0) {
            return new long[] {0, 0, e.ordinal};
        }
        String trigger;
        if (e.nodes == null) {
            // A literal entry: its tokens are the matched words (equal ignoring case at most).
            int best = 0;
            for (int k = 1; k < m.end - m.start; k++) {
                if (triggerLength(words.get(m.start + k)) > triggerLength(words.get(m.start + best))) {
                    best = k;
                }
            }
            trigger = e.caseless ? lower[m.start + best] : words.get(m.start + best);
        } else {
            trigger = e.caseless ? e.nodes[e.trigger].toLowerCase(Locale.ROOT) : e.nodes[e.trigger];
        }
        int position = 0;
        while (position < words.size() && !trigger.equals(e.caseless ? lower[position] : words.get(position))) {
            position++;
        }
        return new long[] {1, position * 2L + (e.caseless ? 1 : 0), e.ordinal};
    }

    private static int triggerLength(String token) {
        return token.equals("-LRB-") || token.equals("-RRB-") ? 1 : token.length();
    }

    private static boolean hasNounOrAdjective(List<String> posTags, int start, int end) {
        for (int i = start; i < end; i++) {
            String tag = posTags.get(i);
            if (tag != null && (tag.startsWith("NN") || tag.startsWith("JJ") || tag.startsWith("ADD"))) {
                return true;
            }
        }
        return false;
    }

    /** TokensRegexNERAnnotator.checkOrigNerTags, unchanged. */
    private boolean mayOverwrite(Entry entry, String[] ner, int start, int end) {
        boolean allPlaces = true;
        for (int i = start; i < end && allPlaces; i++) {
            allPlaces = "LOCATION".equals(ner[i]) || "GPE".equals(ner[i]);
        }
        if (allPlaces) {
            return true;
        }
        int before = start - 1;
        int after = end;
        String startNer = ner[start];
        String endNer = ner[end - 1];
        if (startNer != null && !overwritableByAll.contains(startNer)) {
            while (before >= 0 && startNer.equals(ner[before])) {
                before--;
            }
        }
        if (endNer != null && !overwritableByAll.contains(endNer)) {
            while (after < ner.length && endNer.equals(ner[after])) {
                after++;
            }
        }
        if (before != start - 1 || after != end) {
            return false; // the match cuts across an entity already found
        }
        if (startNer == null) {
            return true;
        }
        for (int i = start + 1; i < end; i++) {
            if (!startNer.equals(ner[i])) {
                return true; // mixed labels
            }
        }
        if (entry.overwritable.contains(startNer)) {
            return true;
        }
        return !NO_DEFAULT_OVERWRITE.contains(entry.type) && overwritableByAll.contains(startNer);
    }

    /**
     * Reads one list. Written for speed (it is part of the service's start-up):
     * columns and tokens split by hand, the few distinct type, overwrite and
     * priority columns parsed once each.
     */
    private void read(String resource, boolean caseless, Map<String, Entry> seenRegexEntries) {
        InputStream in = KbpGazetteer.class.getClassLoader().getResourceAsStream(resource);
        if (in == null) {
            throw new IllegalStateException("the CoreNLP models jar is not on the class path: " + resource + " is missing");
        }
        Map<String, String> types = new HashMap<>();
        Map<String, Set<String>> overwriteColumns = new HashMap<>();
        Map<String, Double> priorities = new HashMap<>();
        String[] columns = new String[5];
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16)) {
            String line;
            int lineNumber = 0;
            while ((line = reader.readLine()) != null) {
                lineNumber++;
                int count = splitColumns(line, columns);
                if (count < 2 || count > 5) {
                    throw new IllegalStateException(resource + " line " + lineNumber + ": expected 2 to 5 columns");
                }
                String pattern = columns[0].trim();
                if (pattern.startsWith("( ") && pattern.endsWith(" )")) {
                    throw new IllegalStateException(resource + " line " + lineNumber
                            + ": TokensRegex patterns are not supported by this matcher");
                }
                String[] tokens = splitTokens(pattern);
                String type = types.computeIfAbsent(columns[1], c -> {
                    String t = c.trim();
                    return (t.indexOf(',') > 0 ? t.substring(0, t.indexOf(',')).trim() : t).intern();
                });
                Set<String> overwritable = count > 2
                        ? overwriteColumns.computeIfAbsent(columns[2],
                                c -> Set.copyOf(new HashSet<>(Arrays.asList(c.trim().split("\\s*,\\s*")))))
                        : Set.of();
                double priority = count > 3 ? priorities.computeIfAbsent(columns[3], c -> Double.parseDouble(c.trim())) : 0.0;
                boolean literal = true;
                StringBuilder joined = new StringBuilder(pattern.length());
                for (int k = 0; k < tokens.length; k++) {
                    literal &= isLiteral(tokens[k]);
                    if (k > 0) {
                        joined.append(JOIN);
                    }
                    joined.append(caseless ? tokens[k].toLowerCase(Locale.ROOT) : tokens[k]);
                }
                String key = joined.toString();
                // CoreNLP keeps the first of equal entries (lower-cased for the caseless list, across
                // both lists); a later one only if its priority is higher.
                Entry previous;
                if (literal) {
                    previous = casedLiterals.get(key);
                    if (previous == null) {
                        previous = caselessLiterals.get(key);
                    }
                } else {
                    previous = seenRegexEntries.get(key);
                }
                if (previous != null && priority <= previous.priority) {
                    continue;
                }
                Entry entry = literal ? addLiteral(key, tokens, type, overwritable, priority, caseless)
                        : addRegex(tokens, type, overwritable, priority, caseless);
                if (!literal) {
                    seenRegexEntries.put(key, entry);
                }
                overwritableByAll.add(type);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + resource, e);
        }
    }

    private static int splitColumns(String line, String[] columns) {
        int count = 0;
        int from = 0;
        while (true) {
            int tab = line.indexOf('\t', from);
            if (count == columns.length) {
                return count + 1;
            }
            columns[count++] = tab < 0 ? line.substring(from) : line.substring(from, tab);
            if (tab < 0) {
                return count;
            }
            from = tab + 1;
        }
    }

    /** {@code pattern.split("\\s+")} of a trimmed pattern, without the regular expression. */
    private static String[] splitTokens(String pattern) {
        List<String> tokens = new ArrayList<>(4);
        int start = -1;
        for (int i = 0; i <= pattern.length(); i++) {
            boolean space = i == pattern.length() || isSpace(pattern.charAt(i));
            if (space && start >= 0) {
                tokens.add(pattern.substring(start, i));
                start = -1;
            } else if (!space && start < 0) {
                start = i;
            }
        }
        return tokens.toArray(String[]::new);
    }

    private static boolean isSpace(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r';
    }

    /** CoreNLP's ComplexNodePattern.LITERAL_PATTERN: a token pattern without these characters is plain text. */
    private static boolean isLiteral(String token) {
        for (int i = 0; i < token.length(); i++) {
            if ("[]?.\\^$()*+{}|".indexOf(token.charAt(i)) >= 0) {
                return false;
            }
        }
        return true;
    }

    private Entry addLiteral(String key, String[] tokens, String type, Set<String> overwritable, double priority,
            boolean caseless) {
        Entry entry = new Entry(entryCount++, type, overwritable, priority, caseless, null, null, -1, tokens.length);
        Map<String, Entry> literals = caseless ? caselessLiterals : casedLiterals;
        entry.next = literals.get(key);
        literals.put(key, entry);
        String first = caseless ? tokens[0].toLowerCase(Locale.ROOT) : tokens[0];
        (caseless ? caselessLongest : casedLongest).merge(first, tokens.length, Math::max);
        return entry;
    }

    private Entry addRegex(String[] tokens, String type, Set<String> overwritable, double priority, boolean caseless) {
        Pattern[] regexes = new Pattern[tokens.length];
        int trigger = -1;
        for (int k = 0; k < tokens.length; k++) {
            if (isLiteral(tokens[k])) {
                if (trigger < 0 || triggerLength(tokens[k]) > triggerLength(tokens[trigger])) {
                    trigger = k;
                }
            } else {
                regexes[k] = Pattern.compile(tokens[k], caseless ? Pattern.CASE_INSENSITIVE | Pattern.UNICODE_CASE : 0);
            }
        }
        Entry entry = new Entry(entryCount++, type, overwritable, priority, caseless, tokens, regexes, trigger,
                tokens.length);
        if (trigger >= 0) {
            String key = caseless ? tokens[trigger].toLowerCase(Locale.ROOT) : tokens[trigger];
            (caseless ? caselessTriggered : casedTriggered).computeIfAbsent(key, k -> new ArrayList<>()).add(entry);
        } else {
            Set<Character> first = FirstCharacters.of(tokens[0], caseless);
            if (first == null) {
                everywhere.add(entry);
            } else {
                for (char c : first) {
                    byFirstCharacter.computeIfAbsent(Character.toLowerCase(c), k -> new ArrayList<>()).add(entry);
                }
            }
        }
        return entry;
    }

    /** One line of a list. Literal entries keep no tokens: the lookup key holds them. */
    private static final class Entry {
        final int ordinal;
        final String type;
        final Set<String> overwritable;
        final double priority;
        final boolean caseless;
        /** The token patterns as written, or null for a literal entry. */
        final String[] nodes;
        /** Compiled token patterns (null where the token is plain text), or null for a literal entry. */
        final Pattern[] regexes;
        /** Index of the longest plain token of a regular-expression entry, or -1. */
        final int trigger;
        final int tokenCount;
        /** The next literal entry with the same key (a higher-priority duplicate of a later line). */
        Entry next;

        Entry(int ordinal, String type, Set<String> overwritable, double priority, boolean caseless, String[] nodes,
                Pattern[] regexes, int trigger, int tokenCount) {
            this.ordinal = ordinal;
            this.type = type;
            this.overwritable = overwritable;
            this.priority = priority;
            this.caseless = caseless;
            this.nodes = nodes;
            this.regexes = regexes;
            this.trigger = trigger;
            this.tokenCount = tokenCount;
        }

        int length() {
            return tokenCount;
        }

        boolean matches(List<String> words, int start) {
            if (start + tokenCount > words.size()) {
                return false;
            }
            for (int k = 0; k < tokenCount; k++) {
                String word = words.get(start + k);
                boolean ok = regexes[k] != null ? regexes[k].matcher(word).matches()
                        : caseless ? nodes[k].equalsIgnoreCase(word) : nodes[k].equals(word);
                if (!ok) {
                    return false;
                }
            }
            return true;
        }
    }

    private static final class Match {
        final Entry entry;
        final int start;
        final int end;
        long[] order;

        Match(Entry entry, int start, int end) {
            this.entry = entry;
            this.start = start;
            this.end = end;
        }
    }
}
