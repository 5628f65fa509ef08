package newsroom.bench;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import newsroom.auth.BearerKey;
import newsroom.cli.credentials.LocalCredentials;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import newsroom.cli.run.DatabaseConnection;
import newsroom.cli.run.ReadinessProbe;
import newsroom.cli.run.Service;
import newsroom.cli.run.ServiceProcess;
import newsroom.ingest.v1.Article;
import newsroom.ingest.v1.IngestArticleRequest;
import newsroom.ingest.v1.IngestServiceGrpc;
import newsroom.localpostgres.LocalPostgres;
import newsroom.query.v1.ListQuotesRequest;
import newsroom.query.v1.QueryServiceGrpc;

/**
 * Measures the suite as a user runs it: each service's start-up time until
 * {@code /q/health/ready}, its resident memory after the sample was analysed,
 * and the sample's end-to-end time from {@code IngestArticle} until its quotes
 * are queryable. The baseline, measured in the same run, is plain CoreNLP
 * 4.5.10 (its own command-line pipeline, the same annotators and models)
 * analysing the same sample as a whole process.
 *
 * <p>Run: {@code ./mvnw -q -DskipTests install && ./mvnw -q -pl benchmarks exec:java@suite -Druns=3}
 */
public final class SuiteBenchmark {

    private static final String ANNOTATORS = "tokenize,ssplit,pos,lemma,ner,depparse,coref,quote";
    private static final Duration READY_TIMEOUT = Duration.ofMinutes(5);

    private final Path home;
    private final Path sample;
    private final Path work;
    private final ReadinessProbe probe = new ReadinessProbe();

    private SuiteBenchmark(Path home, Path work) {
        this.home = home;
        this.sample = home.resolve("samples/pakistan-russia-2021-04-07.txt");
        this.work = work;
    }

    public static void main(String[] args) throws Exception {
        Path home = Path.of(System.getProperty("newsroom.home", ".")).toAbsolutePath().normalize();
        int runs = Integer.getInteger("runs", 3);
        Path work = Files.createTempDirectory("newsroom-bench-");
        SuiteBenchmark benchmark = new SuiteBenchmark(home, work);
        Map<String, List<Double>> figures = new LinkedHashMap<>();
        for (int run = 1; run <= runs; run++) {
            System.out.printf("run %d of %d%n", run, runs);
            benchmark.measureSuite(figures);
            record(figures, "baseline: plain CoreNLP, sample as a whole process (s)", benchmark.plainCoreNlpSeconds());
        }
        System.out.printf("%nmedian of %d runs (min .. max)%n", runs);
        figures.forEach((name, values) -> System.out.printf(Locale.ROOT, "%-62s %9.2f   (%.2f .. %.2f)%n",
                name, median(values), values.stream().mapToDouble(d -> d).min().orElse(0),
                values.stream().mapToDouble(d -> d).max().orElse(0)));
        System.exit(0);
    }

    private void measureSuite(Map<String, List<Double>> figures) throws Exception {
        List<ServiceProcess> started = new ArrayList<>();
        try (LocalPostgres postgres = LocalPostgres.startThrowAway()) {
            DatabaseConnection database = DatabaseConnection.of(postgres);
            int nlpPort = 19091;
            int ingestPort = 19092;
            int queryPort = 19093;
            Map<String, String> environment = new LinkedHashMap<>();
            environment.put("NEWSROOM_NLP_PORT", String.valueOf(nlpPort));
            environment.put("NEWSROOM_INGEST_PORT", String.valueOf(ingestPort));
            environment.put("NEWSROOM_QUERY_PORT", String.valueOf(queryPort));
            // Health and metrics: each service's admin port, 100 above its gRPC port.
            environment.put("NEWSROOM_NLP_ADMIN_PORT", String.valueOf(nlpPort + 100));
            environment.put("NEWSROOM_INGEST_ADMIN_PORT", String.valueOf(ingestPort + 100));
            environment.put("NEWSROOM_QUERY_ADMIN_PORT", String.valueOf(queryPort + 100));
            environment.put("NEWSROOM_NLP_HOST", "localhost");
            LocalCredentials credentials = LocalCredentials.ensure(work.resolve("credentials"));
            environment.putAll(credentials.serviceEnvironment());
            // One at a time, so that each start-up has the machine to itself; ingest-service
            // first, since it migrates the store and query-service is ready only after that.
            ServiceProcess ingest = start(started, figures, "ingest-service", ingestPort, List.of("-Xmx512m"),
                    with(environment, database.environmentOf(Service.INGEST)));
            ServiceProcess query = start(started, figures, "query-service", queryPort, List.of("-Xmx512m"),
                    with(environment, database.environmentOf(Service.QUERY)));
            ServiceProcess nlp = start(started, figures, "nlp-service", nlpPort,
                    List.of("-Xmx3g", "-XX:+ExitOnOutOfMemoryError"), environment);
            record(figures, "sample end to end: ingest until quotes queryable (s)",
                    sampleEndToEndSeconds(ingestPort, queryPort, credentials.clientKey()));
            for (ServiceProcess service : List.of(query, ingest, nlp)) {
                record(figures, service.name() + " resident memory after the sample (MiB)",
                        residentMebibytes(service.pid()));
            }
        } finally {
            for (ServiceProcess service : started) {
                service.stop(Duration.ofSeconds(20));
            }
        }
    }

    private static Map<String, String> with(Map<String, String> environment, Map<String, String> more) {
        Map<String, String> both = new LinkedHashMap<>(environment);
        both.putAll(more);
        return both;
    }

    private ServiceProcess start(List<ServiceProcess> started, Map<String, List<Double>> figures, String name,
                                 int port, List<String> jvmOptions, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path jar = home.resolve(name).resolve("target/quarkus-app/quarkus-run.jar");
        long begin = System.nanoTime();
        ServiceProcess service = ServiceProcess.start(new ServiceProcess.Spec(
                name, jar, port, port + 100, jvmOptions, environment, work.resolve(name + ".log")));
        started.add(service);
        ServiceReadiness.await(service, name, probe, READY_TIMEOUT, Duration.ofMillis(50));
        record(figures, name + " start-up until ready (s)", (System.nanoTime() - begin) / 1e9);
        return service;
    }

    private double sampleEndToEndSeconds(int ingestPort, int queryPort, String apiKey) throws Exception {
        ManagedChannel ingestChannel = ManagedChannelBuilder.forAddress("localhost", ingestPort).usePlaintext()
                .intercept(new BearerKey(apiKey)).build();
        ManagedChannel queryChannel = ManagedChannelBuilder.forAddress("localhost", queryPort).usePlaintext()
                .intercept(new BearerKey(apiKey)).build();
        try {
            var ingest = IngestServiceGrpc.newBlockingStub(ingestChannel);
            var query = QueryServiceGrpc.newBlockingStub(queryChannel);
            Article article = Article.newBuilder()
                    .setSource("Dawn")
                    .setPublishedTime(Timestamp.newBuilder().setSeconds(Instant.parse("2021-04-07T00:00:00Z").getEpochSecond()))
                    .setContentType(Article.ContentType.PLAIN_TEXT)
                    .setContent(ByteString.copyFrom(Files.readAllBytes(sample)))
                    .build();
            long begin = System.nanoTime();
            ingest.ingestArticle(IngestArticleRequest.newBuilder().setArticle(article).build());
            Instant deadline = Instant.now().plus(READY_TIMEOUT);
            ListQuotesRequest lavrovQuotes = ListQuotesRequest.newBuilder().setSpeakerName("Lavrov").build();
            while (query.listQuotes(lavrovQuotes).getQuotesCount() == 0) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("the sample's quotes did not become queryable");
                }
                Thread.sleep(20);
            }
            return (System.nanoTime() - begin) / 1e9;
        } finally {
            ingestChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
            queryChannel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }

    /** Plain CoreNLP's own command-line pipeline on the sample, model loading included. */
    private double plainCoreNlpSeconds() throws IOException, InterruptedException {
        String classpath = home.resolve("nlp-service/target/quarkus-app/lib/main").toString() + "/*";
        List<String> command = List.of(javaExecutable(), "-Xmx3g", "-XX:+ExitOnOutOfMemoryError",
                "-cp", classpath, "edu.stanford.nlp.pipeline.StanfordCoreNLP",
                "-annotators", ANNOTATORS, "-ner.docdate.useFixedDate", "2021-04-07",
                "-file", sample.toString(), "-outputFormat", "json", "-outputDirectory", work.toString());
        long begin = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(work.resolve("corenlp-baseline.log").toFile())
                .start();
        if (process.waitFor() != 0) {
            throw new IllegalStateException("plain CoreNLP failed; see " + work.resolve("corenlp-baseline.log"));
        }
        return (System.nanoTime() - begin) / 1e9;
    }

    private static double residentMebibytes(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", String.valueOf(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        throw new IOException("no VmRSS for process " + pid);
    }

    private static String javaExecutable() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static void record(Map<String, List<Double>> figures, String name, double value) {
        figures.computeIfAbsent(name, k -> new ArrayList<>()).add(value);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int middle = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(middle) : (sorted.get(middle - 1) + sorted.get(middle)) / 2;
    }
}
