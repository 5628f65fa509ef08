package newsroom.bench.nlp;

import static newsroom.bench.nlp.ConllScorer.array;
import static newsroom.bench.nlp.ConllScorer.integer;
import static newsroom.bench.nlp.ConllScorer.string;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Direct-quote detection and speaker accuracy on a PolNeAR split, the rules of
 * the reference scorer {@code polnear_quotes.py} ported one by one (see its
 * {@code --help}): a gold direct quote is an attribution whose Content is
 * wholly inside quotation marks; its predicted quote is the one overlapping it
 * most. A named source is right when the quote's speaker, or a name, alias or
 * mention of its speaker entity, shares a name token with the gold Source. A
 * pronoun source ("he") is right when a mention of the speaker entity overlaps
 * the pronoun, or when the candidates share a name token with the nearest
 * preceding named Source of the article.
 */
final class PolnearScorer {

    private static final Set<String> PRONOUNS = Set.of("i", "me", "my", "myself", "we", "us", "our", "ourselves",
            "you", "your", "yourself", "yourselves", "he", "him", "his", "himself", "she", "her", "herself", "it",
            "its", "itself", "they", "them", "their", "themselves", "who", "whom", "whose", "which", "that", "this",
            "these", "those");
    private static final Set<String> STOP = Stream.concat(PRONOUNS.stream(), Stream.of("the", "a", "an", "and",
            "or", "but", "of", "in", "on", "at", "for", "to", "from", "by", "with", "as", "according", "also", "both",
            "all", "some", "many", "most", "several", "other", "another", "such", "former", "then", "now", "new",
            "top", "senior", "said", "says", "mr", "mrs", "ms", "miss", "dr", "sir", "sen", "senator", "rep",
            "representative", "gov", "governor", "president", "presidential", "vice", "secretary", "speaker", "mayor",
            "judge", "justice", "chairman", "chairwoman", "chair", "director", "minister", "prime", "gen", "general",
            "attorney", "candidate", "nominee", "leader", "spokesman", "spokeswoman", "spokesperson", "official",
            "officials", "chief", "republican", "democratic", "democrat")).collect(java.util.stream.Collectors.toSet());
    private static final Pattern LETTERS = Pattern.compile("\\p{L}+");
    private static final Pattern WORD_CHAR = Pattern.compile("[\\p{L}\\p{N}_]");
    private static final Pattern SPAN_LINE = Pattern.compile("^(T\\d+)\\t(\\S+) ([\\d ;]+)\\t");
    private static final Pattern EVENT_LINE = Pattern.compile("^(E\\d+)\\t(.*)$");

    /** The counts the reference scorer reports. */
    static final class Result {
        int articles;
        int direct;
        int detected;
        int named;
        int namedOk;
        int pronoun;
        int pronounOk;
        int description;
        int noSource;
        int predicted;
        int predictedOk;

        static String pct(int x, int n) {
            return n == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f%%", 100.0 * x / n);
        }

        double namedAccuracy() {
            return named == 0 ? 0 : 100.0 * namedOk / named;
        }

        double pronounAccuracy() {
            return pronoun == 0 ? 0 : 100.0 * pronounOk / pronoun;
        }

        double bothAccuracy() {
            return named + pronoun == 0 ? 0 : 100.0 * (namedOk + pronounOk) / (named + pronoun);
        }
    }

    private record Seg(int begin, int end) {
    }

    private record SpanAnn(String type, List<Seg> segs) {
    }

    static Result score(Path splitDir, Path analysisDir) throws IOException {
        Result r = new Result();
        Path textDir = splitDir.resolve("text");
        Path annDir = splitDir.resolve("attributions");
        List<String> stems;
        try (Stream<Path> files = Files.list(textDir)) {
            stems = files.map(p -> p.getFileName().toString()).filter(f -> f.endsWith(".txt"))
                    .map(f -> f.substring(0, f.length() - 4)).sorted().toList();
        }
        List<String> annFiles;
        try (Stream<Path> files = Files.list(annDir)) {
            annFiles = files.map(p -> p.getFileName().toString()).sorted().toList();
        }
        for (String stem : stems) {
            Pattern annName = Pattern.compile(Pattern.quote(stem) + "_[^_]+\\.ann");
            String ann = annFiles.stream().filter(f -> annName.matcher(f).matches()).findFirst().orElse(null);
            if (ann == null) {
                continue;
            }
            r.articles++;
            String text = new String(Files.readAllBytes(textDir.resolve(stem + ".txt")), StandardCharsets.UTF_8);
            int[] cps = text.codePoints().toArray();
            Path json = analysisDir.resolve(stem + ".json");
            JsonObject analysis = Files.exists(json)
                    ? JsonParser.parseString(Files.readString(json, StandardCharsets.UTF_8)).getAsJsonObject()
                    : new JsonObject();
            scoreArticle(r, cps, annDir.resolve(ann), analysis, Files.exists(json));
        }
        return r;
    }

    private static String sub(int[] cps, int b, int e) {
        return new String(cps, b, e - b);
    }

    private static void scoreArticle(Result r, int[] text, Path annPath, JsonObject analysis, boolean present)
            throws IOException {
        Map<String, SpanAnn> spans = new LinkedHashMap<>();
        List<Map<String, String>> events = new ArrayList<>();
        for (String line : Files.readAllLines(annPath, StandardCharsets.UTF_8)) {
            Matcher m = SPAN_LINE.matcher(line);
            if (m.find()) {
                List<Seg> segs = new ArrayList<>();
                for (String part : m.group(3).split(";")) {
                    String[] xs = part.trim().split("\\s+");
                    segs.add(new Seg(Integer.parseInt(xs[0]), Integer.parseInt(xs[1])));
                }
                spans.put(m.group(1), new SpanAnn(m.group(2), segs));
                continue;
            }
            Matcher e = EVENT_LINE.matcher(line);
            if (e.find()) {
                Map<String, String> event = new LinkedHashMap<>();
                for (String arg : e.group(2).trim().split("\\s+")) {
                    int colon = arg.indexOf(':');
                    event.put(colon < 0 ? arg : arg.substring(0, colon), colon < 0 ? "" : arg.substring(colon + 1));
                }
                events.add(event);
            }
        }
        SpanMapper mapper = present ? new SpanMapper(string(analysis, "cleanedText"), new String(text, 0, text.length)) : null;
        Map<String, JsonObject> entities = new HashMap<>();
        for (JsonElement e : array(analysis, "entities")) {
            entities.put(string(e.getAsJsonObject(), "id"), e.getAsJsonObject());
        }
        List<int[]> predSpans = new ArrayList<>();
        List<JsonObject> preds = new ArrayList<>();
        for (JsonElement q : array(analysis, "quotes")) {
            JsonObject quote = q.getAsJsonObject();
            int[] sp = mapper == null ? null : mapper.span(integer(quote, "begin"), integer(quote, "end"));
            if (sp != null) {
                predSpans.add(sp);
                preds.add(quote);
            }
        }
        List<int[]> sources = new ArrayList<>(); // {start} with text kept alongside
        List<String> sourceTexts = new ArrayList<>();
        spans.values().stream().filter(s -> s.type().equals("Source"))
                .sorted(java.util.Comparator.comparingInt((SpanAnn s) -> s.segs().get(0).begin())
                        .thenComparing(s -> join(text, s.segs())))
                .forEach(s -> {
                    sources.add(new int[] {s.segs().get(0).begin()});
                    sourceTexts.add(join(text, s.segs()));
                });
        List<List<Seg>> contents = new ArrayList<>();
        List<Map<String, String>> directEvents = new ArrayList<>();
        List<List<Seg>> directSegs = new ArrayList<>();
        for (Map<String, String> ev : events) {
            List<Seg> segs = new ArrayList<>();
            ev.forEach((role, ref) -> {
                if (role.startsWith("Content") && spans.containsKey(ref)) {
                    segs.addAll(spans.get(ref).segs());
                }
            });
            segs.sort(java.util.Comparator.comparingInt(Seg::begin).thenComparingInt(Seg::end));
            if (segs.isEmpty()) {
                continue;
            }
            contents.add(segs);
            if (segs.stream().allMatch(s -> enclosed(sub(text, s.begin(), s.end())))) {
                directEvents.add(ev);
                directSegs.add(segs);
            }
        }
        if (System.getenv("POLNEAR_DEBUG") != null) {
            System.err.println("DIRECT " + annPath.getFileName() + " " + directEvents.size());
        }
        for (int[] p : predSpans) {
            r.predicted++;
            if (contents.stream().anyMatch(segs -> overlap(segs, p[0], p[1]) > 0)) {
                r.predictedOk++;
            }
        }
        for (int d = 0; d < directEvents.size(); d++) {
            Map<String, String> ev = directEvents.get(d);
            List<Seg> segs = directSegs.get(d);
            r.direct++;
            JsonObject best = null;
            int bestOverlap = 0;
            for (int i = 0; i < preds.size(); i++) {
                int ov = overlap(segs, predSpans.get(i)[0], predSpans.get(i)[1]);
                if (ov > bestOverlap) {
                    best = preds.get(i);
                    bestOverlap = ov;
                }
            }
            if (best != null) {
                r.detected++;
            } else if (System.getenv("POLNEAR_DEBUG") != null) {
                System.err.println("MISSED " + annPath.getFileName() + " " + segs.get(0).begin() + " " + mapper.how);
            }
            SpanAnn source = spans.get(ev.get("Source"));
            List<Seg> sourceSegs = source == null ? List.of() : source.segs();
            String sourceText = join(text, sourceSegs);
            List<String> candidates = new ArrayList<>();
            List<int[]> entityMentions = new ArrayList<>();
            if (best != null) {
                candidates.add(string(best, "speaker"));
                JsonObject entity = entities.get(string(best, "speakerEntityId"));
                if (entity != null) {
                    candidates.add(string(entity, "name"));
                    array(entity, "aliases").forEach(a -> candidates.add(a.getAsString()));
                    for (JsonElement me : array(entity, "mentions")) {
                        JsonObject m = me.getAsJsonObject();
                        candidates.add(string(m, "text"));
                        int[] sp = mapper.span(integer(m, "begin"), integer(m, "end"));
                        if (sp != null) {
                            entityMentions.add(sp);
                        }
                    }
                }
            }
            Set<String> candidateTokens = new HashSet<>();
            candidates.forEach(c -> candidateTokens.addAll(nameTokens(c)));
            if (sourceSegs.isEmpty()) {
                r.noSource++;
            } else if (isNamed(sourceText)) {
                r.named++;
                if (intersects(candidateTokens, nameTokens(sourceText))) {
                    r.namedOk++;
                }
            } else if (isPronoun(sourceText)) {
                r.pronoun++;
                boolean byOverlap = entityMentions.stream().anyMatch(m -> overlap(sourceSegs, m[0], m[1]) > 0);
                int start = sourceSegs.get(0).begin();
                String antecedent = null;
                for (int i = 0; i < sources.size(); i++) {
                    if (sources.get(i)[0] < start && isNamed(sourceTexts.get(i))) {
                        antecedent = sourceTexts.get(i);
                    }
                }
                boolean byName = antecedent != null && intersects(candidateTokens, nameTokens(antecedent));
                if (byOverlap || byName) {
                    r.pronounOk++;
                }
            } else {
                r.description++;
            }
        }
    }

    private static String join(int[] text, List<Seg> segs) {
        return String.join(" ", segs.stream().map(s -> sub(text, s.begin(), s.end())).toList());
    }

    private static boolean intersects(Set<String> a, Set<String> b) {
        return a.stream().anyMatch(b::contains);
    }

    private static int overlap(List<Seg> segs, int b, int e) {
        return segs.stream().mapToInt(s -> Math.max(0, Math.min(s.end(), e) - Math.max(s.begin(), b))).sum();
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

    private static Set<String> nameTokens(String s) {
        Set<String> out = new HashSet<>();
        for (String t : letterTokens(s)) {
            if (t.codePointCount(0, t.length()) >= 3 && Character.isUpperCase(t.codePointAt(0)) && !STOP.contains(fold(t))) {
                out.add(fold(t));
            }
        }
        return out;
    }

    private static boolean isNamed(String s) {
        return letterTokens(s).stream().anyMatch(t -> Character.isUpperCase(t.codePointAt(0))
                && !STOP.contains(fold(t)) && t.codePointCount(0, t.length()) >= 2);
    }

    private static boolean isPronoun(String s) {
        List<String> tokens = letterTokens(s);
        return !tokens.isEmpty() && tokens.stream().allMatch(t -> PRONOUNS.contains(fold(t)));
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
                return false;
            }
            boolean paragraphStart = i == 0 || seg.charAt(i - 1) == '\n';
            inside = kind.equals("open") || (kind.equals("toggle") && (!inside || paragraphStart));
            last = i + length;
            i += length;
        }
        return !WORD_CHAR.matcher(seg.substring(last)).find();
    }
}
