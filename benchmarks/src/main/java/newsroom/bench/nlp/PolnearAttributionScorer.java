package newsroom.bench.nlp;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import newsroom.bench.nlp.PolnearArticle.Attribution;
import newsroom.bench.nlp.PolnearArticle.Prediction;
import newsroom.bench.nlp.PolnearArticle.Seg;
import newsroom.bench.nlp.PolnearArticle.SourceKind;
import newsroom.bench.nlp.PolnearRules.Form;

/**
 * Every attribution, direct and reported, on a PolNeAR split: the rules of the
 * reference scorer {@code polnear_attributions.py} ported one by one (see its
 * {@code --help}). Each gold attribution with a Content has a form (direct,
 * mixed, indirect); its match is the predicted quote overlapping its Content
 * most. Detection counts under two rules: overlap (the match covers a
 * character of the Content) and half (the match covers at least half the
 * Content and lies at least half inside it). Precision counts predicted quotes
 * that overlap, or half-match, some gold Content; F1 per rule over all forms.
 * Speaker accuracy is that of {@link PolnearScorer} on matched attributions
 * with a named or pronoun Source; descriptions and missing Sources are counted,
 * not scored.
 *
 * <p>{@code main(SPLIT_DIR ANALYSIS_DIR [--only-present] [--label TEXT])} prints
 * what the python scorer prints, for comparing the two line by line.
 */
final class PolnearAttributionScorer {

    private static final Pattern SUMMARY_FIGURE = Pattern.compile("(\\w+)=(\\S+)");

    /** The counts the reference scorer reports. */
    static final class Result {
        int articles;
        int missing;
        int unalignable;
        int predicted;
        int predictedOverlap;
        int predictedHalf;
        final Map<Form, Integer> gold = counts();
        final Map<Form, Integer> detectedOverlap = counts();
        final Map<Form, Integer> detectedHalf = counts();
        /** Matched attributions with a named or pronoun Source whose speaker is right, and all of them. */
        final Map<Form, Integer> speakerRight = counts();
        final Map<Form, Integer> speakerScored = counts();
        /** Matched attributions with a description or no Source. */
        final Map<Form, Integer> speakerNotScored = counts();

        private static Map<Form, Integer> counts() {
            Map<Form, Integer> m = new EnumMap<>(Form.class);
            for (Form f : Form.values()) {
                m.put(f, 0);
            }
            return m;
        }

        private static void add(Map<Form, Integer> m, Form f, boolean yes) {
            m.merge(f, yes ? 1 : 0, Integer::sum);
        }

        /** A count for one form, or over all forms when form is null. */
        static int of(Map<Form, Integer> m, Form form) {
            return form == null ? m.values().stream().mapToInt(Integer::intValue).sum() : m.get(form);
        }

        double recallOverlap() {
            int total = of(gold, null);
            return total == 0 ? 0 : (double) of(detectedOverlap, null) / total;
        }

        double recallHalf() {
            int total = of(gold, null);
            return total == 0 ? 0 : (double) of(detectedHalf, null) / total;
        }

        double precisionOverlap() {
            return predicted == 0 ? 0 : (double) predictedOverlap / predicted;
        }

        double precisionHalf() {
            return predicted == 0 ? 0 : (double) predictedHalf / predicted;
        }

        /**
         * The figures of the python scorer's SUMMARY line after the counts, by its
         * names, in points, unrounded; NaN where it prints "n/a".
         */
        Map<String, Double> figures() {
            Map<String, Double> f = new LinkedHashMap<>();
            f.put("R_overlap", 100.0 * recallOverlap());
            f.put("R_half", 100.0 * recallHalf());
            f.put("P_overlap", 100.0 * precisionOverlap());
            f.put("P_half", 100.0 * precisionHalf());
            f.put("F1_overlap", f1(precisionOverlap(), recallOverlap()));
            f.put("F1_half", f1(precisionHalf(), recallHalf()));
            f.put("indirect_R_half", percent(detectedHalf.get(Form.INDIRECT), gold.get(Form.INDIRECT)));
            f.put("speaker", percent(of(speakerRight, null), of(speakerScored, null)));
            return f;
        }

        private static double f1(double p, double r) {
            return p + r == 0 ? Double.NaN : 200.0 * p * r / (p + r);
        }

        private static double percent(int x, int n) {
            return n == 0 ? Double.NaN : 100.0 * x / n;
        }

        /** A figure as the python scorer prints it. */
        private static String print(String figure, double value) {
            return Double.isNaN(value) ? "n/a" : PolnearRules.oneDecimal(value) + (figure.startsWith("F1") ? "" : "%");
        }

        /** The SUMMARY line of the python scorer, character for character. */
        String summary(String label) {
            StringBuilder line = new StringBuilder("SUMMARY polnear-attributions " + label);
            line.append(" articles=").append(articles).append(" gold=").append(of(gold, null));
            for (Form f : Form.values()) {
                line.append(' ').append(f.label()).append('=').append(gold.get(f));
            }
            figures().forEach((figure, value) -> line.append(' ').append(figure).append('=').append(print(figure, value)));
            return line.toString();
        }

        /** What {@code polnear_attributions.py} prints, line for line. */
        String report(String goldSplitDir, String label, boolean onlyPresent) {
            List<String> lines = new ArrayList<>();
            lines.add("PolNeAR " + goldSplitDir + " vs " + label + ": every attribution with a Content span");
            lines.add(String.format(Locale.ROOT, "articles scored: %d (%d without Analysis JSON%s); %d predicted quotes not alignable",
                    articles, missing, onlyPresent ? ", skipped" : ", counted as no quotes", unalignable));
            lines.add(String.format(Locale.ROOT, "%-9s %6s %15s %15s %18s", "form", "gold", "recall overlap", "recall half",
                    "speaker (matched)"));
            List<Form> forms = new ArrayList<>(List.of(Form.values()));
            forms.add(null);
            for (Form f : forms) {
                int g = of(gold, f);
                int right = of(speakerRight, f);
                int scored = of(speakerScored, f);
                lines.add(String.format(Locale.ROOT, "%-9s %6d %15s %15s %18s", f == null ? "all" : f.label(), g,
                        PolnearRules.pct(of(detectedOverlap, f), g), PolnearRules.pct(of(detectedHalf, f), g),
                        PolnearRules.pct(right, scored) + " (" + right + "/" + scored + ")"));
            }
            lines.add(String.format(Locale.ROOT, "precision: overlap %s (%d/%d), half %s (%d/%d)",
                    PolnearRules.pct(predictedOverlap, predicted), predictedOverlap, predicted,
                    PolnearRules.pct(predictedHalf, predicted), predictedHalf, predicted));
            lines.add(String.format(Locale.ROOT, "F1: overlap %s, half %s; matched attributions with a description or no Source"
                    + " (speaker not scored): %d", print("F1", figures().get("F1_overlap")),
                    print("F1", figures().get("F1_half")), of(speakerNotScored, null)));
            lines.add(summary(label));
            return String.join("\n", lines) + "\n";
        }
    }

    private PolnearAttributionScorer() {
    }

    /** The figures of a SUMMARY line the python scorer printed, by name, as printed ("66.1%", "76.6", "n/a"). */
    static Map<String, String> parseSummary(String output) {
        Map<String, String> figures = new LinkedHashMap<>();
        output.lines().filter(l -> l.startsWith("SUMMARY polnear-attributions ")).reduce((a, b) -> b).ifPresent(line -> {
            Matcher m = SUMMARY_FIGURE.matcher(line);
            while (m.find()) {
                figures.put(m.group(1), m.group(2));
            }
        });
        return figures;
    }

    /**
     * The largest difference in points between this port's figures and those
     * the python scorer printed; infinite when one has a figure the other has
     * not ("n/a" against a number, or a figure missing from its output).
     */
    static double largestDifference(Result java, Map<String, String> python) {
        double worst = 0;
        for (Map.Entry<String, Double> figure : java.figures().entrySet()) {
            String printed = python.get(figure.getKey());
            if (printed == null) {
                return Double.POSITIVE_INFINITY;
            }
            boolean none = printed.equals("n/a");
            if (none != figure.getValue().isNaN()) {
                return Double.POSITIVE_INFINITY;
            }
            if (!none) {
                worst = Math.max(worst, Math.abs(figure.getValue() - Double.parseDouble(printed.replace("%", ""))));
            }
        }
        return worst;
    }

    static Result score(Path splitDir, Path analysisDir, boolean onlyPresent) throws IOException {
        Result r = new Result();
        PolnearArticle.Split split = PolnearArticle.read(splitDir, analysisDir, onlyPresent);
        r.missing = split.missing();
        for (PolnearArticle article : split.articles()) {
            r.articles++;
            r.unalignable += article.unalignable();
            scoreArticle(r, article);
        }
        return r;
    }

    /** polnear_attributions.py's half rule. */
    static boolean halfMatch(List<Seg> content, Prediction p) {
        int ov = p.overlap(content);
        int length = content.stream().mapToInt(s -> s.end() - s.begin()).sum();
        return ov * 2 >= length && ov * 2 >= p.end() - p.begin() && ov > 0;
    }

    private static void scoreArticle(Result r, PolnearArticle article) {
        for (Prediction p : article.predictions()) {
            r.predicted++;
            if (article.attributions().stream().anyMatch(a -> p.overlap(a.content()) > 0)) {
                r.predictedOverlap++;
            }
            if (article.attributions().stream().anyMatch(a -> halfMatch(a.content(), p))) {
                r.predictedHalf++;
            }
        }
        for (Attribution a : article.attributions()) {
            Form form = article.form(a);
            Result.add(r.gold, form, true);
            Prediction match = article.bestMatch(a.content());
            if (match == null) {
                continue;
            }
            Result.add(r.detectedOverlap, form, true);
            Result.add(r.detectedHalf, form, halfMatch(a.content(), match));
            SourceKind kind = article.sourceKind(a);
            if (kind == SourceKind.NAMED || kind == SourceKind.PRONOUN) {
                Result.add(r.speakerRight, form, article.speakerRight(a, match));
                Result.add(r.speakerScored, form, true);
            } else {
                Result.add(r.speakerNotScored, form, true);
            }
        }
    }

    public static void main(String[] args) throws IOException {
        List<String> positional = new ArrayList<>();
        boolean onlyPresent = false;
        String label = null;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--only-present" -> onlyPresent = true;
                case "--label" -> label = args[++i];
                default -> positional.add(args[i]);
            }
        }
        if (positional.size() != 2) {
            System.err.println("usage: PolnearAttributionScorer GOLD_SPLIT_DIR ANALYSIS_DIR [--only-present] [--label TEXT]");
            System.exit(2);
        }
        Result r = score(Path.of(positional.get(0)), Path.of(positional.get(1)), onlyPresent);
        System.out.print(r.report(positional.get(0), label == null ? positional.get(1) : label, onlyPresent));
    }
}
