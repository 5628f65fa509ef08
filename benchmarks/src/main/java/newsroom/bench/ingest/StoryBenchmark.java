package newsroom.bench.ingest;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import newsroom.cleaning.ArticleCleaner;
import newsroom.cleaning.ContentKind;
import newsroom.ingest.story.SameStoryRule;
import newsroom.ingest.story.ShingleSignature;
import newsroom.ingest.story.StoryCandidate;
import newsroom.ingest.story.StoryMatch;

/**
 * Same-story detection on a set built from bbc-news: every article (exact
 * duplicate texts removed) is a story's first report, each with its headline
 * as the first paragraph. Then one copy of each article in five kinds,
 * each drawn with a fixed seed: a new headline; added web boilerplate (a
 * byline, image captions, share and "more on this story" lines, a copyright
 * line); one sentence rewritten; two sentences rewritten; and all of those
 * at once. A rewritten sentence is replaced by a sentence of another article
 * of the same category, so the copy gains text on the same topic.
 *
 * <p>Every text goes through the service's own cleaning and the same
 * signature, band keys and decision rule as ingest-service; the band index
 * is held in memory here (a map from band key to articles, the same lookup
 * as the {@code story_band} table). Originals are indexed first, in file
 * order: an original joined to another original is a false positive (all
 * 2,225 BBC articles are genuinely different reports, many on the same topic
 * in the same category). Then each copy: joined to its own original's story
 * is a true positive, to another story a false positive, to none a miss.
 *
 * <pre>./mvnw -q -pl benchmarks exec:java@ingest-stories [-Deval=../shared/eval]</pre>
 */
public final class StoryBenchmark {

    private static final List<String> BOILERPLATE_TOP = List.of(
            "By Staff Reporter, BBC News", "Image caption The scene on Monday morning", "Share this article",
            "Published 3 hours ago", "Media playback is unsupported on your device");
    private static final List<String> BOILERPLATE_BOTTOM = List.of(
            "More on this story", "Related Topics", "Share on Facebook Share on Twitter Email",
            "Copyright 2005 BBC. All rights reserved.", "Sign up for our daily newsletter",
            "Follow us on Twitter for the latest news", "Read more: The week in pictures");

    record Report(String id, String category, String title, List<String> paragraphs) {
    }

    public static void main(String[] args) throws IOException {
        Path file = Path.of(System.getProperty("eval", "../shared/eval"), "bbc-news", "bbc_news.jsonl");
        List<Report> reports = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        int exactDuplicates = 0;
        for (String line : Files.readAllLines(file)) {
            JsonObject o = JsonParser.parseString(line).getAsJsonObject();
            String text = o.get("text").getAsString().strip();
            if (!seen.add(text)) {
                exactDuplicates++;
                continue;
            }
            List<String> paragraphs = new ArrayList<>(List.of(text.split("\\n\\s*\\n")));
            reports.add(new Report(o.get("id").getAsString(), o.get("category").getAsString(),
                    o.get("title").getAsString(), paragraphs));
        }
        Map<String, List<String>> sentencesByCategory = new HashMap<>();
        for (Report report : reports) {
            for (String paragraph : report.paragraphs()) {
                sentencesByCategory.computeIfAbsent(report.category(), c -> new ArrayList<>())
                        .addAll(sentences(paragraph));
            }
        }

        ArticleCleaner cleaner = new ArticleCleaner();
        Index index = new Index();
        long signatureNanos = 0;
        int originalsWithoutSignature = 0;
        int originalFalsePositives = 0;
        List<String> joinedOriginals = new ArrayList<>();
        Map<Integer, Long> storyOf = new HashMap<>();
        for (int i = 0; i < reports.size(); i++) {
            Report report = reports.get(i);
            String text = cleaner.clean(report.title() + "\n\n" + String.join("\n\n", report.paragraphs()),
                    ContentKind.PLAIN_TEXT);
            long start = System.nanoTime();
            Optional<ShingleSignature> signature = ShingleSignature.of(text);
            signatureNanos += System.nanoTime() - start;
            if (signature.isEmpty()) {
                originalsWithoutSignature++;
                storyOf.put(i, (long) i);
                continue;
            }
            Optional<StoryMatch> match = index.find(signature.get());
            long story = match.map(StoryMatch::storyId).orElse((long) i);
            if (match.isPresent()) {
                originalFalsePositives++;
                joinedOriginals.add(report.id() + " \"" + report.title() + "\" -> "
                        + reports.get((int) match.get().articleId()).id() + " \""
                        + reports.get((int) match.get().articleId()).title() + "\" (similarity "
                        + match.get().similarity() + ")");
            }
            storyOf.put(i, story);
            index.add(i, story, signature.get());
        }

        String[] kinds = {"new headline", "added boilerplate", "one sentence rewritten",
                "two sentences rewritten", "all of these at once"};
        Map<String, int[]> byKind = new LinkedHashMap<>(); // tp, fp, fn
        Random random = new Random(20041);
        int next = reports.size();
        for (int i = 0; i < reports.size(); i++) {
            Report report = reports.get(i);
            List<String> pool = sentencesByCategory.get(report.category());
            for (int k = 0; k < kinds.length; k++) {
                String headline = report.title();
                List<String> paragraphs = new ArrayList<>(report.paragraphs());
                if (k == 0 || k == 4) {
                    headline = pool.get(random.nextInt(pool.size()));
                }
                if (k == 2 || k == 3 || k == 4) {
                    for (int edit = 0; edit < (k == 2 ? 1 : 2); edit++) {
                        rewriteOneSentence(paragraphs, pool, random);
                    }
                }
                if (k == 1 || k == 4) {
                    paragraphs.add(0, BOILERPLATE_TOP.get(random.nextInt(BOILERPLATE_TOP.size())));
                    paragraphs.add(Math.min(3, paragraphs.size()), "Image caption " + pool.get(random.nextInt(pool.size())));
                    for (String line : BOILERPLATE_BOTTOM) {
                        if (random.nextBoolean()) {
                            paragraphs.add(line);
                        }
                    }
                }
                String text = cleaner.clean(headline + "\n\n" + String.join("\n\n", paragraphs),
                        ContentKind.PLAIN_TEXT);
                int[] counts = byKind.computeIfAbsent(kinds[k], x -> new int[3]);
                Optional<ShingleSignature> signature = ShingleSignature.of(text);
                Optional<StoryMatch> match = signature.flatMap(index::find);
                if (match.isEmpty()) {
                    counts[2]++;
                } else if (match.get().storyId() == storyOf.get(i)) {
                    counts[0]++;
                } else {
                    counts[1]++;
                }
                // Copies are indexed too, as the service does: later copies may match them.
                long copyId = next++;
                signature.ifPresent(s -> index.add(copyId, match.map(StoryMatch::storyId).orElse(copyId), s));
            }
        }

        System.out.printf("bbc-news: %d articles (%d exact duplicate texts removed), %d without a signature"
                + " (under %d words)%n", reports.size(), exactDuplicates, originalsWithoutSignature,
                ShingleSignature.MIN_WORDS);
        System.out.printf("originals joined to another original (false positives): %d%n", originalFalsePositives);
        joinedOriginals.forEach(j -> System.out.println("  " + j));
        int tp = 0;
        int fp = originalFalsePositives;
        int fn = 0;
        System.out.printf("%-26s %6s %6s %6s %9s%n", "copy kind", "found", "wrong", "missed", "recall");
        for (Map.Entry<String, int[]> entry : byKind.entrySet()) {
            int[] c = entry.getValue();
            tp += c[0];
            fp += c[1];
            fn += c[2];
            System.out.printf("%-26s %6d %6d %6d %9.4f%n", entry.getKey(), c[0], c[1], c[2],
                    c[0] / (double) (c[0] + c[1] + c[2]));
        }
        System.out.printf("precision %.4f (%d / %d), recall %.4f (%d / %d)%n",
                tp / (double) (tp + fp), tp, tp + fp, tp / (double) (tp + fp - originalFalsePositives + fn),
                tp, tp + fp - originalFalsePositives + fn);
        System.out.printf("signature: %.3f ms per article (mean); threshold %.2f, %d bands of %d%n",
                signatureNanos / 1e6 / reports.size(), SameStoryRule.THRESHOLD, ShingleSignature.BANDS,
                ShingleSignature.ROWS);
        System.out.printf("candidates compared per lookup: mean %.2f, max %d%n",
                index.candidates / (double) index.lookups, index.maxCandidates);
    }

    private static void rewriteOneSentence(List<String> paragraphs, List<String> pool, Random random) {
        for (int attempt = 0; attempt < 20; attempt++) {
            int p = random.nextInt(paragraphs.size());
            List<String> sentences = sentences(paragraphs.get(p));
            if (sentences.isEmpty()) {
                continue;
            }
            sentences.set(random.nextInt(sentences.size()), pool.get(random.nextInt(pool.size())));
            paragraphs.set(p, String.join(" ", sentences));
            return;
        }
    }

    private static List<String> sentences(String paragraph) {
        List<String> sentences = new ArrayList<>();
        for (String s : paragraph.split("(?<=[.!?])\\s+(?=[A-Z\"])")) {
            if (!s.isBlank()) {
                sentences.add(s.strip());
            }
        }
        return sentences;
    }

    /** The band index of {@code story_band}, in memory. */
    private static final class Index {
        private final Map<Long, List<StoryCandidate>> byBand = new HashMap<>();
        long lookups;
        long candidates;
        int maxCandidates;

        Optional<StoryMatch> find(ShingleSignature signature) {
            Map<Long, StoryCandidate> found = new LinkedHashMap<>();
            for (long key : signature.bandKeys()) {
                for (StoryCandidate candidate : byBand.getOrDefault(key, List.of())) {
                    found.putIfAbsent(candidate.articleId(), candidate);
                }
            }
            lookups++;
            candidates += found.size();
            maxCandidates = Math.max(maxCandidates, found.size());
            return SameStoryRule.bestMatch(signature, found.values());
        }

        void add(long id, long story, ShingleSignature signature) {
            StoryCandidate candidate = new StoryCandidate(id, story, signature);
            for (long key : signature.bandKeys()) {
                byBand.computeIfAbsent(key, k -> new ArrayList<>()).add(candidate);
            }
        }
    }
}
