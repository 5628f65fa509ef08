package newsroom.bench.nlp;

import static newsroom.bench.nlp.ConllScorer.array;
import static newsroom.bench.nlp.ConllScorer.string;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * One PolNeAR article read the way the reference scorers read it
 * ({@code polnear_quotes.py}, {@code polnear_attributions.py}): the gold
 * attributions of its .ann (brat standoff; the first .ann alphabetically when
 * several annotators did the article) and the quotes of its Analysis JSON,
 * every offset in code points of the article's .txt ({@link SpanMapper}).
 *
 * @param text the article's .txt as code points
 * @param attributions the gold attributions that have a Content, in .ann order
 * @param sources every gold Source of the article, by start then text
 * @param predictions the Analysis quotes that map onto the text
 * @param unalignable Analysis quotes that do not
 */
record PolnearArticle(String stem, int[] text, List<Attribution> attributions, List<Source> sources,
        List<Prediction> predictions, int unalignable, Map<String, JsonObject> entities, SpanMapper mapper) {

    private static final Pattern SPAN_LINE = Pattern.compile("^(T\\d+)\\t(\\S+) ([\\d ;]+)\\t");
    private static final Pattern EVENT_LINE = Pattern.compile("^(E\\d+)\\t(.*)$");

    /** [begin, end) in code points of the text. */
    record Seg(int begin, int end) {
    }

    /** A gold attribution: its Content segments (Content, Content2 ...) sorted, its Source's (empty without one). */
    record Attribution(List<Seg> content, List<Seg> source) {
    }

    record Source(int begin, String text) {
    }

    record Prediction(int begin, int end, JsonObject quote) {

        /** Characters of segs this quote covers. */
        int overlap(List<Seg> segs) {
            return PolnearArticle.overlap(segs, begin, end);
        }
    }

    /** What kind of gold Source an attribution has; only named and pronoun sources are scored. */
    enum SourceKind {
        NONE, NAMED, PRONOUN, DESCRIPTION
    }

    /** The articles of a split with an .ann, in name order, and how many of them have no Analysis JSON. */
    record Split(List<PolnearArticle> articles, int missing) {
    }

    private record SpanAnn(String type, List<Seg> segs) {
    }

    /**
     * Reads SPLIT/text/*.txt, SPLIT/attributions/*.ann and ANALYSIS/&lt;stem&gt;.json. An
     * article without its JSON counts as one without quotes, or is left out when
     * {@code onlyPresent} (the scorers' {@code --only-present}).
     */
    static Split read(Path splitDir, Path analysisDir, boolean onlyPresent) throws IOException {
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
        List<PolnearArticle> articles = new ArrayList<>();
        int missing = 0;
        for (String stem : stems) {
            Pattern annName = Pattern.compile(Pattern.quote(stem) + "_[^_]+\\.ann");
            String ann = annFiles.stream().filter(f -> annName.matcher(f).matches()).findFirst().orElse(null);
            if (ann == null) {
                continue;
            }
            Path json = analysisDir.resolve(stem + ".json");
            boolean present = Files.exists(json);
            if (!present) {
                missing++;
                if (onlyPresent) {
                    continue;
                }
            }
            String text = new String(Files.readAllBytes(textDir.resolve(stem + ".txt")), StandardCharsets.UTF_8);
            JsonObject analysis = present
                    ? JsonParser.parseString(Files.readString(json, StandardCharsets.UTF_8)).getAsJsonObject()
                    : null;
            articles.add(of(stem, text, annDir.resolve(ann), analysis));
        }
        return new Split(articles, missing);
    }

    private static PolnearArticle of(String stem, String textString, Path annPath, JsonObject analysis)
            throws IOException {
        int[] text = textString.codePoints().toArray();
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
        List<Source> sources = spans.values().stream().filter(s -> s.type().equals("Source"))
                .map(s -> new Source(s.segs().get(0).begin(), join(text, s.segs())))
                .sorted(Comparator.comparingInt(Source::begin).thenComparing(Source::text)).toList();
        List<Attribution> attributions = new ArrayList<>();
        for (Map<String, String> ev : events) {
            // A few events have a second Content span (role Content2): one content.
            List<Seg> content = new ArrayList<>();
            ev.forEach((role, ref) -> {
                if (role.startsWith("Content") && spans.containsKey(ref)) {
                    content.addAll(spans.get(ref).segs());
                }
            });
            content.sort(Comparator.comparingInt(Seg::begin).thenComparingInt(Seg::end));
            if (!content.isEmpty()) {
                SpanAnn source = spans.get(ev.get("Source"));
                attributions.add(new Attribution(content, source == null ? List.of() : source.segs()));
            }
        }
        SpanMapper mapper = analysis == null ? null : new SpanMapper(string(analysis, "cleanedText"), textString);
        Map<String, JsonObject> entities = new HashMap<>();
        List<Prediction> predictions = new ArrayList<>();
        int unalignable = 0;
        if (analysis != null) {
            for (JsonElement e : array(analysis, "entities")) {
                entities.put(string(e.getAsJsonObject(), "id"), e.getAsJsonObject());
            }
            for (JsonElement q : array(analysis, "quotes")) {
                JsonObject quote = q.getAsJsonObject();
                int[] sp = span(mapper, quote);
                if (sp == null) {
                    unalignable++;
                } else {
                    predictions.add(new Prediction(sp[0], sp[1], quote));
                }
            }
        }
        return new PolnearArticle(stem, text, List.copyOf(attributions), sources, List.copyOf(predictions),
                unalignable, entities, mapper);
    }

    /** The text span of an Analysis object with begin and end, or null (as analysis_io: a missing offset maps nowhere). */
    private static int[] span(SpanMapper mapper, JsonObject o) {
        if (!o.has("begin") || !o.has("end") || o.get("begin").isJsonNull() || o.get("end").isJsonNull()) {
            return null;
        }
        return mapper.span(o.get("begin").getAsInt(), o.get("end").getAsInt());
    }

    String text(List<Seg> segs) {
        return join(text, segs);
    }

    private static String join(int[] text, List<Seg> segs) {
        return String.join(" ", segs.stream().map(s -> new String(text, s.begin(), s.end() - s.begin())).toList());
    }

    PolnearRules.Form form(Attribution a) {
        return PolnearRules.form(a.content().stream().map(s -> text(List.of(s))).toList());
    }

    /** Characters of segs that [b, e) covers. */
    private static int overlap(List<Seg> segs, int b, int e) {
        return segs.stream().mapToInt(s -> Math.max(0, Math.min(s.end(), e) - Math.max(s.begin(), b))).sum();
    }

    /** The predicted quote overlapping the content most (the first of equals), or null when none overlaps it. */
    Prediction bestMatch(List<Seg> content) {
        Prediction best = null;
        int bestOverlap = 0;
        for (Prediction p : predictions) {
            int ov = p.overlap(content);
            if (ov > bestOverlap) {
                best = p;
                bestOverlap = ov;
            }
        }
        return best;
    }

    SourceKind sourceKind(Attribution a) {
        if (a.source().isEmpty()) {
            return SourceKind.NONE;
        }
        String source = text(a.source());
        return PolnearRules.isNamed(source) ? SourceKind.NAMED
                : PolnearRules.isPronoun(source) ? SourceKind.PRONOUN : SourceKind.DESCRIPTION;
    }

    /**
     * Whether the matched quote names the attribution's named or pronoun Source.
     * Candidates are the quote's speaker and the name, aliases and mention texts
     * of its speaker entity. A named Source is right when a candidate shares a
     * name token with it; a pronoun Source when a mention of the speaker entity
     * overlaps it, or a candidate shares a name token with the nearest
     * preceding named Source of the article. No match: wrong.
     */
    boolean speakerRight(Attribution a, Prediction match) {
        SourceKind kind = sourceKind(a);
        if (kind != SourceKind.NAMED && kind != SourceKind.PRONOUN) {
            throw new IllegalArgumentException("only named and pronoun sources are scored, not " + kind);
        }
        List<String> candidates = new ArrayList<>();
        List<int[]> entityMentions = new ArrayList<>();
        if (match != null) {
            candidates.add(string(match.quote(), "speaker"));
            JsonObject entity = entities.get(string(match.quote(), "speakerEntityId"));
            if (entity != null) {
                candidates.add(string(entity, "name"));
                array(entity, "aliases").forEach(alias -> candidates.add(alias.getAsString()));
                for (JsonElement me : array(entity, "mentions")) {
                    JsonObject mention = me.getAsJsonObject();
                    candidates.add(string(mention, "text"));
                    int[] sp = span(mapper, mention);
                    if (sp != null) {
                        entityMentions.add(sp);
                    }
                }
            }
        }
        Set<String> candidateTokens = new HashSet<>();
        candidates.forEach(c -> candidateTokens.addAll(PolnearRules.nameTokens(c)));
        if (kind == SourceKind.NAMED) {
            return intersects(candidateTokens, PolnearRules.nameTokens(text(a.source())));
        }
        if (entityMentions.stream().anyMatch(m -> overlap(a.source(), m[0], m[1]) > 0)) {
            return true;
        }
        int start = a.source().get(0).begin();
        String antecedent = null;
        for (Source s : sources) {
            if (s.begin() < start && PolnearRules.isNamed(s.text())) {
                antecedent = s.text();
            }
        }
        return antecedent != null && intersects(candidateTokens, PolnearRules.nameTokens(antecedent));
    }

    private static boolean intersects(Set<String> a, Set<String> b) {
        return a.stream().anyMatch(b::contains);
    }
}
