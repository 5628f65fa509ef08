package newsroom.bench.query;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.Timestamp;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReferenceArray;
import newsroom.auth.BearerKey;
import newsroom.bench.ServiceReadiness;
import newsroom.cli.credentials.LocalCredentials;
import newsroom.cli.run.PortCheck;
import newsroom.cli.run.ReadinessProbe;
import newsroom.cli.run.Service;
import newsroom.cli.run.ServiceProcess;
import newsroom.nlp.v1.AnalyzeDocumentRequest;
import newsroom.nlp.v1.Document;
import newsroom.nlp.v1.NlpServiceGrpc;

/**
 * Runs the base sample of the query benchmark through the real pipeline: the
 * first {@code reuters} Reuters-21578 articles with a body and the first
 * {@code bbc} BBC articles, interleaved, analysed by a real nlp-service
 * process with two calls in flight (the machine has two cores) for at most
 * {@code minutes}, saved with their analyses for {@link QueryBenchmark}. With
 * {@code articles}, only the first {@code articles} of the interleaved list
 * are analysed; with {@code skip}, the first {@code skip} are left out, so a
 * second run continues the first into another file. The file holds the
 * articles in the interleaved list's order, whichever call finished first, so
 * its first N articles are the same N on every machine (a time budget cuts
 * the list's tail). Reuters articles keep their 1987 dates; the BBC set has
 * none, so its articles are spread evenly over the Reuters date range.
 *
 * <p>Run (the base sample of BENCHMARKS.md): {@code ./mvnw -q -pl benchmarks exec:java@query-sample
 * -Dreuters=1500 -Dbbc=200 -Darticles=685 -Dminutes=120}
 */
public final class SampleAnalysis {

    private static final DateTimeFormatter REUTERS_DATE = new DateTimeFormatterBuilder()
            .parseCaseInsensitive().appendPattern("d-MMM-yyyy HH:mm:ss").toFormatter(Locale.ROOT);

    private SampleAnalysis() {
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("newsroom.home", ".")).toAbsolutePath().normalize();
        Path eval = Path.of(System.getProperty("eval", home.resolve("../shared/eval").toString()));
        Path out = Path.of(System.getProperty("sample", "/tmp/newsroom-query-sample.bin"));
        int reuters = Integer.getInteger("reuters", 1500);
        int bbc = Integer.getInteger("bbc", 200);

        int minutes = Integer.getInteger("minutes", 20);
        List<Input> reutersInputs = reuters(eval.resolve("reuters21578/reuters21578_articles.jsonl"), reuters);
        Instant first = reutersInputs.stream().map(Input::published).min(Instant::compareTo).orElseThrow();
        Instant last = reutersInputs.stream().map(Input::published).max(Instant::compareTo).orElseThrow();
        List<Input> mixed = interleave(reutersInputs, bbc(eval.resolve("bbc-news/bbc_news.jsonl"), bbc, first, last));
        // A later run can continue where an earlier one stopped, into another file.
        int skip = Math.min(Integer.getInteger("skip", 0), mixed.size());
        int articles = Math.max(0, Math.min(Integer.getInteger("articles", mixed.size()), mixed.size() - skip));
        List<Input> inputs = mixed.subList(skip, skip + articles);
        long words = inputs.stream().mapToLong(input -> input.text.split("\\s+").length).sum();
        System.out.printf("base sample: %d Reuters + %d BBC articles, %d to analyse after skipping %d, %d words%n",
                reuters, bbc, inputs.size(), skip, words);

        Path work = Files.createTempDirectory("newsroom-query-sample-");
        LocalCredentials credentials = LocalCredentials.ensure(work.resolve("credentials"));
        // Free ports: a second run on the machine (a smoke test beside a real run) must not
        // reach the first run's service.
        int nlpPort = PortCheck.freePort();
        int nlpAdminPort = PortCheck.freePort();
        java.util.Map<String, String> environment = new java.util.HashMap<>(credentials.serviceEnvironment());
        environment.put("NEWSROOM_NLP_PORT", String.valueOf(nlpPort));
        environment.put("NEWSROOM_NLP_ADMIN_PORT", String.valueOf(nlpAdminPort));
        ServiceProcess nlp = ServiceProcess.start(new ServiceProcess.Spec("nlp-service",
                home.resolve("nlp-service/target/quarkus-app/quarkus-run.jar"), nlpPort, nlpAdminPort,
                List.of("-Xmx3g", "-XX:+ExitOnOutOfMemoryError"), environment, work.resolve("nlp.log")));
        // The key `newsroom analyze` sends: the analyzer role nlp-service asks for.
        ManagedChannel channel = ManagedChannelBuilder.forAddress("localhost", nlpPort).usePlaintext()
                .intercept(new BearerKey(credentials.cliKey(Service.NLP)))
                .maxInboundMessageSize(64 << 20).build();
        ExecutorService callers = Executors.newFixedThreadPool(2);
        try {
            ServiceReadiness.await(nlp, "nlp-service", new ReadinessProbe(), Duration.ofMinutes(5), Duration.ofMillis(100));
            var stub = NlpServiceGrpc.newBlockingStub(channel);
            long begin = System.nanoTime();
            long budget = TimeUnit.MINUTES.toNanos(minutes);
            AtomicInteger next = new AtomicInteger();
            AtomicReferenceArray<AnalyzedSample> analysed = new AtomicReferenceArray<>(inputs.size());
            AtomicInteger done = new AtomicInteger();
            AtomicLong analysedWords = new AtomicLong();
            List<Future<?>> workers = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                workers.add(callers.submit(() -> {
                    for (int at = next.getAndIncrement(); at < inputs.size() && System.nanoTime() - begin < budget;
                            at = next.getAndIncrement()) {
                        Input input = inputs.get(at);
                        analysed.set(at, new AnalyzedSample(input.source, input.title, input.published,
                                stub.withDeadlineAfter(10, TimeUnit.MINUTES).analyzeDocument(analyzeRequest(input))
                                        .getAnalysis()));
                        analysedWords.addAndGet(input.text.split("\\s+").length);
                        if (done.incrementAndGet() % 100 == 0) {
                            System.out.printf("%d analysed, %.0f s%n", done.get(), (System.nanoTime() - begin) / 1e9);
                        }
                    }
                    return null;
                }));
            }
            for (Future<?> worker : workers) {
                worker.get();
            }
            double seconds = (System.nanoTime() - begin) / 1e9;
            // In the list's order: the two callers finish their articles in either order.
            List<AnalyzedSample> samples = new ArrayList<>();
            for (int at = 0; at < inputs.size(); at++) {
                if (analysed.get(at) != null) {
                    samples.add(analysed.get(at));
                }
            }
            if (samples.size() < inputs.size()) {
                System.out.printf("the %d-minute budget ran out: %d of %d articles analysed (-Dminutes)%n", minutes,
                        samples.size(), inputs.size());
            }
            AnalyzedSample.writeAll(out, samples);
            long reutersDone = samples.stream().filter(sample -> sample.source().equals("Reuters")).count();
            System.out.printf(Locale.ROOT, "analysed %d articles (%d Reuters, %d BBC; %d words) in %.1f s: %.2f articles/s,"
                    + " %.0f words/s; %d entities, %d quotes; saved to %s%n", samples.size(), reutersDone,
                    samples.size() - reutersDone, analysedWords.get(), seconds, samples.size() / seconds,
                    analysedWords.get() / seconds,
                    samples.stream().mapToInt(sample -> sample.analysis().getEntitiesCount()).sum(),
                    samples.stream().mapToInt(sample -> sample.analysis().getQuotesCount()).sum(), out);
        } finally {
            callers.shutdownNow();
            channel.shutdownNow();
            nlp.stop(Duration.ofSeconds(20));
        }
        System.exit(0);
    }

    private static AnalyzeDocumentRequest analyzeRequest(Input input) {
        return AnalyzeDocumentRequest.newBuilder()
                .setDocument(Document.newBuilder().setType(Document.Type.PLAIN_TEXT)
                        .setContent(input.text).setLanguage("en"))
                .setPublicationTime(Timestamp.newBuilder().setSeconds(input.published.getEpochSecond()))
                .build();
    }

    // Both corpora in proportion from the start, so a sample cut short by the time budget holds both.
    private static List<Input> interleave(List<Input> reuters, List<Input> bbc) {
        List<Input> mixed = new ArrayList<>();
        int step = Math.max(1, reuters.size() / Math.max(1, bbc.size()));
        int b = 0;
        for (int r = 0; r < reuters.size(); r++) {
            mixed.add(reuters.get(r));
            if (r % step == step - 1 && b < bbc.size()) {
                mixed.add(bbc.get(b++));
            }
        }
        mixed.addAll(bbc.subList(b, bbc.size()));
        return mixed;
    }

    private record Input(String source, String title, Instant published, String text) {
    }

    private static List<Input> reuters(Path file, int limit) throws IOException {
        List<Input> inputs = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            for (String line = reader.readLine(); line != null && inputs.size() < limit; line = reader.readLine()) {
                JsonObject json = JsonParser.parseString(line).getAsJsonObject();
                String text = string(json, "text").strip();
                // "26-FEB-1987 15:01:01.79": the fraction of a second is dropped.
                String date = string(json, "date_raw").strip().split("\\.")[0];
                if (text.split("\\s+").length < 20 || !date.matches("\\d{1,2}-[A-Za-z]{3}-\\d{4} \\d\\d:\\d\\d:\\d\\d")) {
                    continue;
                }
                // Reuters wraps lines at 70 columns and starts paragraphs with an indent.
                String paragraphs = text.replaceAll("\\n\\s{2,}", "\n\n").replaceAll("(?<!\\n)\\n(?!\\n)", " ");
                Instant published = LocalDateTime.parse(date, REUTERS_DATE).toInstant(ZoneOffset.UTC);
                inputs.add(new Input("Reuters", titleCase(string(json, "title")), published, paragraphs));
            }
        }
        return inputs;
    }

    private static List<Input> bbc(Path file, int limit, Instant first, Instant last) throws IOException {
        List<String> lines;
        try (var stream = Files.lines(file)) {
            lines = stream.limit(limit).toList();
        }
        List<Input> inputs = new ArrayList<>();
        long span = last.getEpochSecond() - first.getEpochSecond();
        for (int i = 0; i < lines.size(); i++) {
            JsonObject json = JsonParser.parseString(lines.get(i)).getAsJsonObject();
            Instant published = first.plusSeconds(span * i / Math.max(1, lines.size()));
            inputs.add(new Input("BBC", string(json, "title"), published, string(json, "text").strip()));
        }
        return inputs;
    }

    private static String string(JsonObject json, String field) {
        return json.has(field) && !json.get(field).isJsonNull() ? json.get(field).getAsString() : "";
    }

    // Reuters titles are upper case; stored titles read better in title case.
    private static String titleCase(String title) {
        StringBuilder out = new StringBuilder();
        for (String word : title.toLowerCase(Locale.ROOT).split(" ")) {
            if (!out.isEmpty()) {
                out.append(' ');
            }
            out.append(word.isEmpty() ? word : Character.toUpperCase(word.charAt(0)) + word.substring(1));
        }
        return out.toString();
    }
}
