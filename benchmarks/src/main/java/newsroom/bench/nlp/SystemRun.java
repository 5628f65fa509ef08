package newsroom.bench.nlp;

import com.google.gson.Gson;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.util.JsonFormat;
import com.sun.management.GarbageCollectionNotificationInfo;
import java.io.BufferedReader;
import java.io.IOException;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import javax.management.NotificationEmitter;
import javax.management.openmbean.CompositeData;
import newsroom.nlp.v1.Analysis;

/**
 * One system's side of the benchmark, in a JVM of its own so that model
 * loading, heap and JIT state are its alone. Writes one Analysis JSON per
 * document (so the reference python scorers can read the same output) and a
 * {@code run-<tasks>.json} with the timings.
 *
 * <p>usage: SystemRun SYSTEM OUT_DIR EVAL_DIR TASKS CONLL_FILE POLNEAR_SPLIT ARTICLES RUNS WARMUP
 */
public final class SystemRun {

    private static final JsonFormat.Printer JSON = JsonFormat.printer().alwaysPrintFieldsWithNoPresence();
    private static final AtomicLong PEAK_LIVE_HEAP = new AtomicLong();

    public static void main(String[] args) throws Exception {
        String system = args[0];
        Path out = Path.of(args[1]).resolve(system);
        Path eval = Path.of(args[2]);
        List<String> tasks = List.of(args[3].split(","));
        String conllFile = args[4];
        String polnearSplit = args[5];
        int articles = Integer.parseInt(args[6]);
        int runs = Integer.parseInt(args[7]);
        int warmup = Integer.parseInt(args[8]);
        watchLiveHeap();

        Map<String, Object> report = new LinkedHashMap<>();
        long loadStart = System.nanoTime();
        TextAnalyzer analyzer = system.equals("corenlp") ? new PlainCoreNlpAnalyzer() : new NewsroomAnalyzer();
        report.put("modelLoadSeconds", (System.nanoTime() - loadStart) / 1e9);

        if (tasks.contains("conll")) {
            Path dir = out.resolve("conll-" + conllFile);
            Files.createDirectories(dir);
            long start = System.nanoTime();
            TextAnalyzer lines = analyzer.forOneSentencePerLine();
            for (ConllCorpus.Doc doc : ConllCorpus.read(eval.resolve("conll2003").resolve(conllFile))) {
                write(dir.resolve(doc.name() + ".json"), lines.analyze(doc.text()));
            }
            report.put("conllSeconds", (System.nanoTime() - start) / 1e9);
            System.err.printf("%s: CoNLL %s analysed%n", system, conllFile);
        }
        if (tasks.contains("polnear")) {
            Path dir = out.resolve("polnear-" + polnearSplit);
            Files.createDirectories(dir);
            long start = System.nanoTime();
            List<Path> texts;
            try (Stream<Path> files = Files.list(eval.resolve("polnear").resolve(polnearSplit).resolve("text"))) {
                texts = files.filter(p -> p.toString().endsWith(".txt")).sorted().toList();
            }
            for (Path text : texts) {
                String name = text.getFileName().toString();
                String content = new String(Files.readAllBytes(text), StandardCharsets.UTF_8);
                write(dir.resolve(name.substring(0, name.length() - 4) + ".json"), analyzer.analyze(content));
            }
            report.put("polnearSeconds", (System.nanoTime() - start) / 1e9);
            System.err.printf("%s: PolNeAR %s analysed%n", system, polnearSplit);
        }
        if (tasks.contains("speed")) {
            report.putAll(speed(analyzer, bbcArticles(eval.resolve("bbc-news/bbc_news.jsonl"), articles), runs, warmup));
        }
        report.put("peakLiveHeapBytes", PEAK_LIVE_HEAP.get());
        Files.createDirectories(out);
        Files.writeString(out.resolve("run-" + String.join("-", tasks) + ".json"), new Gson().toJson(report));
    }

    private static Map<String, Object> speed(TextAnalyzer analyzer, List<String> articles, int runs, int warmup) {
        long words = articles.stream().mapToLong(SystemRun::words).sum();
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        for (String article : articles.subList(0, Math.min(warmup, articles.size()))) {
            analyzer.analyze(article);
        }
        List<Double> wall = new ArrayList<>();
        List<Double> cpu = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            long wallStart = System.nanoTime();
            long cpuStart = threads.getCurrentThreadCpuTime();
            for (String article : articles) {
                analyzer.analyze(article);
            }
            wall.add((System.nanoTime() - wallStart) / 1e9);
            cpu.add((threads.getCurrentThreadCpuTime() - cpuStart) / 1e9);
            System.err.printf("%s: speed run %d: %.1f s wall, %.1f s cpu, %.0f words/s%n", analyzer.name(), run + 1,
                    wall.get(run), cpu.get(run), words / wall.get(run));
        }
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("articles", articles.size());
        result.put("words", words);
        result.put("warmupArticles", Math.min(warmup, articles.size()));
        result.put("wallSeconds", wall);
        result.put("cpuSeconds", cpu);
        return result;
    }

    /** Words as the benchmark counts them for both systems: whitespace-separated runs. */
    static long words(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }

    /** The {@code text} of the first {@code n} articles of the BBC JSONL file. */
    static List<String> bbcArticles(Path jsonl, int n) throws IOException {
        List<String> articles = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(jsonl, StandardCharsets.UTF_8)) {
            String line;
            while (articles.size() < n && (line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    JsonObject article = JsonParser.parseString(line).getAsJsonObject();
                    articles.add(article.get("text").getAsString());
                }
            }
        }
        return articles;
    }

    private static void write(Path file, Analysis analysis) throws IOException {
        Files.writeString(file, JSON.print(analysis), StandardCharsets.UTF_8);
    }

    /**
     * Peak live heap: the largest heap occupancy right after any garbage
     * collection, summed over the heap pools, which is what the process truly
     * needs (models plus what one analysis keeps alive), without forcing GCs.
     */
    private static void watchLiveHeap() {
        java.util.Set<String> heapPools = new java.util.HashSet<>();
        for (var pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == java.lang.management.MemoryType.HEAP) {
                heapPools.add(pool.getName());
            }
        }
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                if (!notification.getType().equals(GarbageCollectionNotificationInfo.GARBAGE_COLLECTION_NOTIFICATION)) {
                    return;
                }
                var info = GarbageCollectionNotificationInfo.from((CompositeData) notification.getUserData());
                long used = info.getGcInfo().getMemoryUsageAfterGc().entrySet().stream()
                        .filter(e -> heapPools.contains(e.getKey())).map(Map.Entry::getValue)
                        .mapToLong(MemoryUsage::getUsed).sum();
                PEAK_LIVE_HEAP.accumulateAndGet(used, Math::max);
            }, null, null);
        }
    }
}
