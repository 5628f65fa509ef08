package newsroom.bench.nlp;

import com.google.protobuf.Timestamp;
import com.google.protobuf.util.JsonFormat;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import newsroom.nlp.pipeline.DocumentAnalyzer;
import newsroom.nlp.v1.AnalyzeDocumentRequest;
import newsroom.nlp.v1.Document;
import newsroom.nlp.v1.Features;

/**
 * The quick loop for tuning quote attribution on PolNeAR's tuning splits
 * (never {@code test/}): Newsroom's entity and quote stages over every article
 * of the splits, CoreNLP's annotations read from a cache
 * ({@link CachedCoreNlpPipeline}) so that a rule change is re-measured in
 * seconds, then the reference scorer on the output, one line per gold direct
 * quote in {@code OUT/<split>/errors.txt}.
 *
 * <p>Options ({@code --name value}): eval (../shared/eval), splits (dev,train),
 * cache (/tmp/quotes-cache), out (benchmarks/target/quote-tuning), limit (all:
 * at most this many articles per split, taken in a fixed order that mixes the
 * publishers), cached-only (no; "yes" skips articles not in the cache yet).
 */
public final class QuoteTuning {

    private static final JsonFormat.Printer JSON = JsonFormat.printer().alwaysPrintFieldsWithNoPresence();
    private static final Pattern DATE_IN_NAME = Pattern.compile("_(\\d{4}-\\d{2}-\\d{2})_");

    public static void main(String[] args) throws Exception {
        Map<String, String> options = new LinkedHashMap<>(Map.of("eval", "../shared/eval", "splits", "dev,train",
                "cache", "/tmp/quotes-cache", "out", "benchmarks/target/quote-tuning", "limit", "all",
                "cached-only", "no"));
        for (int i = 0; i + 1 < args.length; i += 2) {
            String key = args[i].replaceFirst("^--", "");
            if (!options.containsKey(key)) {
                throw new IllegalArgumentException("unknown option --" + key + "; known: " + options.keySet());
            }
            options.put(key, args[i + 1]);
        }
        Path eval = Path.of(options.get("eval")).toAbsolutePath().normalize();
        CachedCoreNlpPipeline pipeline = new CachedCoreNlpPipeline(Path.of(options.get("cache")),
                options.get("cached-only").equals("yes"));
        DocumentAnalyzer analyzer = new DocumentAnalyzer(pipeline, Integer.MAX_VALUE);
        int limit = options.get("limit").equals("all") ? Integer.MAX_VALUE : Integer.parseInt(options.get("limit"));
        for (String split : options.get("splits").split(",")) {
            if (split.equals("test")) {
                throw new IllegalArgumentException("test/ is for the one final measurement, not for tuning");
            }
            Path splitDir = eval.resolve("polnear").resolve(split);
            Path out = Path.of(options.get("out")).resolve(split);
            Files.createDirectories(out);
            try (Stream<Path> old = Files.list(out)) {
                old.filter(p -> p.toString().endsWith(".json")).forEach(p -> p.toFile().delete());
            }
            List<Path> texts;
            try (Stream<Path> files = Files.list(splitDir.resolve("text"))) {
                texts = files.filter(p -> p.toString().endsWith(".txt"))
                        .sorted(Comparator.comparing((Path p) -> Integer.toHexString(p.getFileName().toString().hashCode()))
                                .thenComparing(Path::toString))
                        .limit(limit).toList();
            }
            long start = System.nanoTime();
            int analysed = 0;
            for (Path text : texts) {
                String name = text.getFileName().toString();
                String stem = name.substring(0, name.length() - 4);
                Matcher date = DATE_IN_NAME.matcher(stem);
                LocalDate published = date.find() ? LocalDate.parse(date.group(1)) : LocalDate.of(2016, 1, 1);
                AnalyzeDocumentRequest request = AnalyzeDocumentRequest.newBuilder()
                        .setDocument(Document.newBuilder().setType(Document.Type.PLAIN_TEXT)
                                .setContent(Files.readString(text, StandardCharsets.UTF_8)))
                        .setPublicationTime(Timestamp.newBuilder()
                                .setSeconds(published.atStartOfDay().toEpochSecond(ZoneOffset.UTC)))
                        .setFeatures(Features.newBuilder().setExtractQuotes(true).setExtractEntities(true))
                        .build();
                try {
                    Files.writeString(out.resolve(stem + ".json"), JSON.print(analyzer.analyze(request)),
                            StandardCharsets.UTF_8);
                    analysed++;
                } catch (CachedCoreNlpPipeline.NotCachedException notYet) {
                    // cached-only: left out of this run
                }
            }
            System.err.printf("%s: %d of %d articles analysed in %.1f s%n", split, analysed, texts.size(),
                    (System.nanoTime() - start) / 1e9);
            List<String> command = new ArrayList<>(List.of("python3",
                    eval.resolve("scorers/polnear_quotes.py").toString(), splitDir.toString(), out.toString(),
                    "--only-present", "--verbose", "--label", split));
            Process scorer = new ProcessBuilder(command).redirectErrorStream(true).start();
            String report = new String(scorer.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            scorer.waitFor();
            Files.writeString(out.resolve("errors.txt"), report);
            report.lines().filter(l -> l.startsWith("SUMMARY")).forEach(System.out::println);
        }
    }
}
