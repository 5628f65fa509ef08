package newsroom.bench.nlp;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * CoNLL-2003 NER precision, recall and F1 of Analysis JSONs, the rules of the
 * reference scorer {@code conll_from_analysis.py} ported one by one: an
 * entity's type maps to PER/ORG/LOC/MISC (GPE and LOCATION are LOC), every
 * mention of kind NAME becomes a phrase over the CoNLL tokens it overlaps
 * (split at sentence ends; within an entity only the innermost of nested
 * names), overlapping phrases keep the longest, and a phrase is correct when
 * its sentence, first token, last token and class equal a gold chunk's.
 */
final class ConllScorer {

    static final List<String> CLASSES = List.of("LOC", "MISC", "ORG", "PER");
    private static final Map<String, String> TYPES = Map.ofEntries(
            Map.entry("PERSON", "PER"), Map.entry("PER", "PER"), Map.entry("ORGANIZATION", "ORG"),
            Map.entry("ORGANISATION", "ORG"), Map.entry("ORG", "ORG"), Map.entry("GPE", "LOC"),
            Map.entry("LOCATION", "LOC"), Map.entry("LOC", "LOC"), Map.entry("COUNTRY", "LOC"),
            Map.entry("CITY", "LOC"), Map.entry("STATE_OR_PROVINCE", "LOC"), Map.entry("MISC", "MISC"),
            Map.entry("NATIONALITY", "MISC"), Map.entry("RELIGION", "MISC"), Map.entry("IDEOLOGY", "MISC"),
            Map.entry("NORP", "MISC"), Map.entry("EVENT", "MISC"), Map.entry("LANGUAGE", "MISC"),
            Map.entry("WORK_OF_ART", "MISC"), Map.entry("PRODUCT", "MISC"), Map.entry("LAW", "MISC"));
    private static final Set<String> NAME_KINDS = Set.of("NAME", "NAMED", "NAM", "PROPER_NAME");
    private static final Set<String> PRONOUNS = Set.of("i", "me", "my", "mine", "myself", "we", "us", "our", "ours",
            "ourselves", "you", "your", "yours", "yourself", "yourselves", "he", "him", "his", "himself", "she", "her",
            "hers", "herself", "it", "its", "itself", "they", "them", "their", "theirs", "themselves", "who", "whom",
            "whose", "which", "that", "this", "these", "those");
    private static final Set<String> CONNECTORS = Set.of("of", "the", "and", "for", "de", "del", "della", "dello",
            "der", "den", "van", "von", "la", "le", "du", "da", "di", "al", "el", "bin", "ibn", "y", "on", "upon",
            "sans", "s", "&");
    private static final Set<String> LOUD_PRONOUNS = Set.of("he", "she", "they", "we", "i", "him", "her", "them",
            "his", "its", "their", "who");
    private static final Pattern WORD = Pattern.compile("[\\p{L}\\p{N}]+(?:['\u2019.-][\\p{L}\\p{N}]+)*");

    /** Gold, found and correct phrase counts per class. */
    record Counts(Map<String, int[]> byClass) {

        double[] prf(String cls) {
            int[] c = cls == null ? total() : byClass.get(cls);
            double p = c[1] == 0 ? 0 : (double) c[2] / c[1];
            double r = c[0] == 0 ? 0 : (double) c[2] / c[0];
            return new double[] {100 * p, 100 * r, p + r == 0 ? 0 : 100 * 2 * p * r / (p + r)};
        }

        int[] total() {
            int[] t = new int[3];
            byClass.values().forEach(c -> {
                for (int i = 0; i < 3; i++) {
                    t[i] += c[i];
                }
            });
            return t;
        }
    }

    private record Phrase(int sentence, int first, int last, String cls) {
    }

    static Counts score(List<ConllCorpus.Doc> docs, Path analysisDir) throws IOException {
        Map<String, int[]> counts = new LinkedHashMap<>();
        CLASSES.forEach(c -> counts.put(c, new int[3]));
        for (ConllCorpus.Doc doc : docs) {
            Set<Phrase> gold = gold(doc);
            Path json = analysisDir.resolve(doc.name() + ".json");
            Set<Phrase> predicted = Files.exists(json)
                    ? predicted(doc, JsonParser.parseString(Files.readString(json, StandardCharsets.UTF_8)).getAsJsonObject())
                    : Set.of();
            gold.forEach(g -> counts.get(g.cls())[0]++);
            predicted.forEach(p -> counts.get(p.cls())[1]++);
            predicted.stream().filter(gold::contains).forEach(p -> counts.get(p.cls())[2]++);
        }
        return new Counts(counts);
    }

    /** conlleval chunks of IOB1/IOB2 tags. */
    private static Set<Phrase> gold(ConllCorpus.Doc doc) {
        Set<Phrase> chunks = new HashSet<>();
        for (int s = 0; s < doc.sentences().size(); s++) {
            List<ConllCorpus.Token> tokens = doc.sentences().get(s);
            int start = -1;
            String cls = null;
            for (int i = 0; i <= tokens.size(); i++) {
                String tag = i < tokens.size() ? tokens.get(i).tag() : "O";
                if (tag.equals("O") || !tag.contains("-")) {
                    if (cls != null) {
                        chunks.add(new Phrase(s, start, i - 1, cls));
                    }
                    cls = null;
                    continue;
                }
                String prefix = tag.substring(0, tag.indexOf('-'));
                String c = tag.substring(tag.indexOf('-') + 1);
                if (!(cls != null && prefix.equals("I") && cls.equals(c))) {
                    if (cls != null) {
                        chunks.add(new Phrase(s, start, i - 1, cls));
                    }
                    start = i;
                    cls = c;
                }
            }
        }
        return chunks;
    }

    private static Set<Phrase> predicted(ConllCorpus.Doc doc, JsonObject analysis) {
        SpanMapper mapper = new SpanMapper(string(analysis, "cleanedText"), doc.text());
        Set<Phrase> candidates = new HashSet<>();
        for (JsonElement e : array(analysis, "entities")) {
            JsonObject entity = e.getAsJsonObject();
            String cls = TYPES.get(string(entity, "type").toUpperCase(Locale.ROOT));
            if (cls == null) {
                continue;
            }
            List<JsonObject> names = new ArrayList<>();
            for (JsonElement me : array(entity, "mentions")) {
                JsonObject m = me.getAsJsonObject();
                String kind = m.has("kind") ? m.get("kind").getAsString().toUpperCase(Locale.ROOT) : null;
                if (kind != null ? NAME_KINDS.contains(kind) : looksLikeName(string(m, "text"))) {
                    names.add(m);
                }
            }
            for (JsonObject m : names) {
                int b = integer(m, "begin");
                int en = integer(m, "end");
                boolean outer = names.stream().anyMatch(o -> b <= integer(o, "begin") && integer(o, "end") <= en
                        && !(integer(o, "begin") == b && integer(o, "end") == en));
                if (outer) {
                    continue;
                }
                int[] span = mapper.span(b, en);
                if (span == null) {
                    continue;
                }
                Map<Integer, int[]> bySentence = new LinkedHashMap<>();
                for (int s = 0; s < doc.sentences().size(); s++) {
                    List<ConllCorpus.Token> tokens = doc.sentences().get(s);
                    for (int k = 0; k < tokens.size(); k++) {
                        ConllCorpus.Token t = tokens.get(k);
                        if (t.begin() < span[1] && t.end() > span[0]) {
                            int kk = k;
                            bySentence.merge(s, new int[] {k, k}, (x, y) -> new int[] {Math.min(x[0], kk), Math.max(x[1], kk)});
                        }
                    }
                }
                bySentence.forEach((s, r) -> candidates.add(new Phrase(s, r[0], r[1], cls)));
            }
        }
        Set<Phrase> chosen = new HashSet<>();
        Set<Long> taken = new HashSet<>();
        candidates.stream().sorted(Comparator.comparingInt((Phrase p) -> -(p.last() - p.first()))
                        .thenComparingInt(Phrase::sentence).thenComparingInt(Phrase::first).thenComparing(Phrase::cls))
                .forEach(p -> {
                    for (int k = p.first(); k <= p.last(); k++) {
                        if (taken.contains(((long) p.sentence() << 32) | k)) {
                            return;
                        }
                    }
                    for (int k = p.first(); k <= p.last(); k++) {
                        taken.add(((long) p.sentence() << 32) | k);
                    }
                    chosen.add(p);
                });
        return chosen;
    }

    /** The reference scorer's heuristic for mentions without a kind. */
    static boolean looksLikeName(String text) {
        List<String> words = new ArrayList<>();
        Matcher m = WORD.matcher(text);
        while (m.find()) {
            words.add(m.group());
        }
        if (words.isEmpty()) {
            return false;
        }
        if (words.size() == 1) {
            String w = words.get(0);
            String lower = w.toLowerCase(Locale.ROOT);
            if (PRONOUNS.contains(lower) && (!w.equals(w.toUpperCase(Locale.ROOT)) || LOUD_PRONOUNS.contains(lower))) {
                return false;
            }
        }
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.codePoints().anyMatch(c -> Character.isUpperCase(c) || Character.isDigit(c))) {
                continue;
            }
            if (i > 0 && i < words.size() - 1 && CONNECTORS.contains(w.toLowerCase(Locale.ROOT))) {
                continue;
            }
            return false;
        }
        return true;
    }

    static String string(JsonObject o, String field) {
        return o.has(field) && !o.get(field).isJsonNull() ? o.get(field).getAsString() : "";
    }

    static int integer(JsonObject o, String field) {
        return o.has(field) ? o.get(field).getAsInt() : 0;
    }

    static Iterable<JsonElement> array(JsonObject o, String field) {
        return o.has(field) ? o.getAsJsonArray(field) : List.of();
    }
}
