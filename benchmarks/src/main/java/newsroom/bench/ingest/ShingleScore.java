package newsroom.bench.ingest;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The article-extraction benchmark's scoring rule, as its published figures
 * were computed (scrapinghub/article-extraction-benchmark, evaluate.py):
 * tokens are runs of word characters ({@code \w+}, Unicode, case kept);
 * true and predicted text are compared as multisets of 4-token shingles;
 * each page's true/false positives and false negatives are normalised to sum
 * to 1; precision and recall are the means over pages (pages with nothing
 * predicted, or nothing true, are left out of the mean they cannot enter);
 * F1 is computed from those two means.
 */
final class ShingleScore {

    private static final Pattern TOKEN = Pattern.compile("\\w+", Pattern.UNICODE_CHARACTER_CLASS);
    private static final int N = 4;
    // A page's normalised counts, in this order.
    private static final int TRUE_POSITIVES = 0;
    private static final int FALSE_POSITIVES = 1;
    private static final int FALSE_NEGATIVES = 2;

    private final List<double[]> pages = new ArrayList<>();

    void add(String truth, String prediction) {
        Map<List<String>, Integer> expected = shingles(truth);
        Map<List<String>, Integer> predicted = shingles(prediction);
        double tp = 0;
        double fp = 0;
        double fn = 0;
        Map<List<String>, Integer> all = new HashMap<>(expected);
        predicted.forEach(all::putIfAbsent);
        for (List<String> key : all.keySet()) {
            int t = expected.getOrDefault(key, 0);
            int p = predicted.getOrDefault(key, 0);
            tp += Math.min(t, p);
            fp += Math.max(0, p - t);
            fn += Math.max(0, t - p);
        }
        double sum = tp + fp + fn;
        if (sum > 0) {
            tp /= sum;
            fp /= sum;
            fn /= sum;
        }
        pages.add(new double[] {tp, fp, fn});
    }

    int pages() {
        return pages.size();
    }

    double precision() {
        return meanOverPages(FALSE_POSITIVES);
    }

    double recall() {
        return meanOverPages(FALSE_NEGATIVES);
    }

    // The mean over pages of tp / (tp + misses), misses being the false positives for precision
    // and the false negatives for recall: a page with neither kind of error scores 1, and a page
    // with no tp and no misses is left out.
    private double meanOverPages(int misses) {
        double total = 0;
        int n = 0;
        for (double[] page : pages) {
            if (page[TRUE_POSITIVES] + page[misses] > 0) {
                total += page[FALSE_POSITIVES] == 0 && page[FALSE_NEGATIVES] == 0
                        ? 1 : page[TRUE_POSITIVES] / (page[TRUE_POSITIVES] + page[misses]);
                n++;
            }
        }
        return total / n;
    }

    double f1() {
        double p = precision();
        double r = recall();
        return 2 * p * r / (p + r);
    }

    private static Map<List<String>, Integer> shingles(String text) {
        List<String> tokens = new ArrayList<>();
        Matcher matcher = TOKEN.matcher(text == null ? "" : text);
        while (matcher.find()) {
            tokens.add(matcher.group());
        }
        Map<List<String>, Integer> shingles = new HashMap<>();
        for (int i = 0; i < Math.max(1, tokens.size() - N + 1); i++) {
            List<String> shingle = tokens.subList(i, Math.min(tokens.size(), i + N));
            if (!shingle.isEmpty()) {
                shingles.merge(List.copyOf(shingle), 1, Integer::sum);
            }
        }
        return shingles;
    }
}
