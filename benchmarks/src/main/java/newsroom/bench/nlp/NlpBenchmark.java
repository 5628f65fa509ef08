package newsroom.bench.nlp;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Newsroom's NLP against plain CoreNLP 4.5.10, side by side in one run: NER on
 * CoNLL-2003, direct-quote speakers and every attribution (direct, mixed,
 * reported) on PolNeAR, words per second on BBC
 * articles, peak heap, and nlp-service's start-up until ready. Each system
 * runs in a JVM of its own ({@link SystemRun}); this process scores the
 * Analysis JSONs they write with Java ports of the reference scorers and, when
 * python3 and the scorers are there, runs the scorers themselves on the same
 * files and checks both agree within 0.1 points.
 *
 * <p>Options ({@code --name value}): eval (../shared/eval), out
 * (benchmarks/target/nlp-bench), systems (newsroom,corenlp), tasks
 * (conll,polnear,speed,ready), conll (eng.testb), polnear (test), articles
 * (300), runs (3), warmup (50), xmx-newsroom (2g), xmx-corenlp (4g),
 * service-jar (nlp-service/target/quarkus-app/quarkus-run.jar),
 * baseline-service-jar (none: the start-up of another build, main's, to compare),
 * analyse (yes; "no" scores the JSONs an earlier run wrote to out), parallel (no; "yes"
 * runs every system's tasks each in a JVM of its own, all started at once).
 */
public final class NlpBenchmark {

    private final Map<String, String> options = new LinkedHashMap<>(Map.ofEntries(
            Map.entry("eval", "../shared/eval"), Map.entry("out", "benchmarks/target/nlp-bench"),
            Map.entry("systems", "newsroom,corenlp"), Map.entry("tasks", "conll,polnear,speed,ready"),
            Map.entry("conll", "eng.testb"), Map.entry("polnear", "test"), Map.entry("articles", "300"),
            Map.entry("runs", "3"), Map.entry("warmup", "50"), Map.entry("xmx-newsroom", "2g"),
            Map.entry("xmx-corenlp", "4g"), Map.entry("service-jar", "nlp-service/target/quarkus-app/quarkus-run.jar"),
            Map.entry("baseline-service-jar", ""), Map.entry("analyse", "yes"), Map.entry("parallel", "no")));
    private final List<String> table = new ArrayList<>();
    private final List<String> checks = new ArrayList<>();

    public static void main(String[] args) throws Exception {
        NlpBenchmark benchmark = new NlpBenchmark();
        for (int i = 0; i + 1 < args.length; i += 2) {
            String key = args[i].replaceFirst("^--", "");
            if (!benchmark.options.containsKey(key)) {
                throw new IllegalArgumentException("unknown option --" + key + "; known: " + benchmark.options.keySet());
            }
            benchmark.options.put(key, args[i + 1]);
        }
        benchmark.run();
    }

    private String opt(String key) {
        return options.get(key);
    }

    private void run() throws Exception {
        Path out = Path.of(opt("out")).toAbsolutePath();
        Path eval = Path.of(opt("eval")).toAbsolutePath().normalize();
        List<String> systems = List.of(opt("systems").split(","));
        List<String> tasks = List.of(opt("tasks").split(","));
        Map<String, JsonObject> runs = new LinkedHashMap<>();
        List<String> analysisTasks = tasks.stream().filter(t -> !t.equals("ready")).toList();
        if (!analysisTasks.isEmpty() && opt("analyse").equals("yes")) {
            // One JVM per system and task group; "parallel" starts them all at once (on a shared,
            // overloaded machine every system then meets the same contention at the same time).
            List<Process> started = new ArrayList<>();
            List<String> groups = opt("parallel").equals("yes") ? analysisTasks : List.of(String.join(",", analysisTasks));
            for (String system : systems) {
                for (String group : groups) {
                    Process process = startSystem(system, out, eval, group);
                    if (opt("parallel").equals("yes")) {
                        started.add(process);
                    } else {
                        awaitSystem(system, process);
                    }
                }
            }
            for (int i = 0; i < started.size(); i++) {
                awaitSystem(systems.get(i / groups.size()), started.get(i));
            }
        }
        for (String system : systems) {
            JsonObject merged = new JsonObject();
            Path dir = out.resolve(system);
            if (Files.isDirectory(dir)) {
                try (var files = Files.list(dir)) {
                    for (Path run : files.filter(f -> f.getFileName().toString().startsWith("run-")).sorted().toList()) {
                        JsonObject part = JsonParser.parseString(Files.readString(run)).getAsJsonObject();
                        for (String key : part.keySet()) {
                            boolean keep = key.equals("peakLiveHeapBytes") && merged.has(key)
                                    && merged.get(key).getAsLong() > part.get(key).getAsLong();
                            if (!keep) {
                                merged.add(key, part.get(key));
                            }
                        }
                    }
                }
            }
            runs.put(system, merged);
        }
        table.add("| measure | " + String.join(" | ", systems) + " |");
        table.add("|---|" + "---|".repeat(systems.size()));
        if (tasks.contains("conll")) {
            conll(systems, out, eval);
        }
        if (tasks.contains("polnear")) {
            polnear(systems, out, eval);
        }
        if (tasks.contains("speed")) {
            speed(systems, runs);
        }
        if (tasks.contains("ready")) {
            ready();
        }
        String report = String.join("\n", table) + "\n\n" + String.join("\n", checks) + "\n\noptions: " + options + "\n";
        Files.createDirectories(out);
        Files.writeString(out.resolve("table.md"), report);
        System.out.println(report);
    }

    private Process startSystem(String system, Path out, Path eval, String tasks) throws IOException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = List.of(java, "-Xmx" + opt("xmx-" + system), "-XX:+ExitOnOutOfMemoryError",
                "-cp", System.getProperty("java.class.path"), SystemRun.class.getName(), system, out.toString(),
                eval.toString(), tasks, opt("conll"), opt("polnear"), opt("articles"), opt("runs"), opt("warmup"));
        System.err.println("running " + system + " (" + tasks + ") with -Xmx" + opt("xmx-" + system));
        return new ProcessBuilder(command).inheritIO().start();
    }

    private static void awaitSystem(String system, Process process) throws InterruptedException {
        if (process.waitFor() != 0) {
            throw new IllegalStateException(system + " failed with exit code " + process.exitValue());
        }
    }

    private void conll(List<String> systems, Path out, Path eval) throws Exception {
        Path file = eval.resolve("conll2003").resolve(opt("conll"));
        List<ConllCorpus.Doc> docs = ConllCorpus.read(file);
        Map<String, ConllScorer.Counts> scores = new LinkedHashMap<>();
        for (String system : systems) {
            Path dir = out.resolve(system).resolve("conll-" + opt("conll"));
            ConllScorer.Counts counts = ConllScorer.score(docs, dir);
            scores.put(system, counts);
            checkConll(system, counts, file, dir);
        }
        row("CoNLL-2003 " + opt("conll") + " NER P / R / F1 (names only, " + docs.size() + " documents)", systems,
                s -> {
                    double[] prf = scores.get(s).prf(null);
                    return String.format(Locale.ROOT, "%.2f / %.2f / **%.2f**", prf[0], prf[1], prf[2]);
                });
        for (String cls : List.of("PER", "LOC", "ORG", "MISC")) {
            row("  F1 " + cls, systems, s -> String.format(Locale.ROOT, "%.2f", scores.get(s).prf(cls)[2]));
        }
    }

    private void polnear(List<String> systems, Path out, Path eval) throws Exception {
        Path split = eval.resolve("polnear").resolve(opt("polnear"));
        Map<String, PolnearScorer.Result> results = new LinkedHashMap<>();
        Map<String, PolnearAttributionScorer.Result> attributions = new LinkedHashMap<>();
        for (String system : systems) {
            Path dir = out.resolve(system).resolve("polnear-" + opt("polnear"));
            PolnearScorer.Result r = PolnearScorer.score(split, dir);
            results.put(system, r);
            checkQuotes(system, r, split, dir);
            attributions.put(system, PolnearAttributionScorer.score(split, dir, false));
            checkAttributions(system, attributions.get(system), split, dir);
        }
        row("PolNeAR " + opt("polnear") + " direct quotes found: recall / precision", systems, s -> {
            PolnearScorer.Result r = results.get(s);
            return PolnearScorer.Result.pct(r.detected, r.direct) + " / " + PolnearScorer.Result.pct(r.predictedOk, r.predicted)
                    + " (" + r.direct + " gold)";
        });
        row("PolNeAR speaker right, named source", systems, s -> {
            PolnearScorer.Result r = results.get(s);
            return PolnearScorer.Result.pct(r.namedOk, r.named) + " (" + r.namedOk + "/" + r.named + ")";
        });
        row("PolNeAR speaker right, pronoun source", systems, s -> {
            PolnearScorer.Result r = results.get(s);
            return PolnearScorer.Result.pct(r.pronounOk, r.pronoun) + " (" + r.pronounOk + "/" + r.pronoun + ")";
        });
        row("PolNeAR speaker right, named + pronoun", systems, s -> {
            PolnearScorer.Result r = results.get(s);
            return "**" + PolnearScorer.Result.pct(r.namedOk + r.pronounOk, r.named + r.pronoun) + "**";
        });
        attributionRows(systems, attributions);
    }

    /** Runs conll_from_analysis.py on the same JSONs and compares its F1 figures with this benchmark's. */
    private void checkConll(String system, ConllScorer.Counts counts, Path file, Path dir) throws Exception {
        String python = python("conll_from_analysis.py", file.toString(), dir.toString());
        if (python == null) {
            return;
        }
        Matcher m = Pattern.compile("F1=([\\d.]+) LOC=([\\d.]+) MISC=([\\d.]+) ORG=([\\d.]+) PER=([\\d.]+)").matcher(python);
        if (m.find()) {
            double[] java = {counts.prf(null)[2], counts.prf("LOC")[2], counts.prf("MISC")[2],
                    counts.prf("ORG")[2], counts.prf("PER")[2]};
            double worst = 0;
            for (int i = 0; i < 5; i++) {
                worst = Math.max(worst, Math.abs(java[i] - Double.parseDouble(m.group(i + 1))));
            }
            checks.add(String.format(Locale.ROOT, "check %s CoNLL: reference scorer F1 %s (LOC %s MISC %s ORG %s PER %s);"
                    + " largest difference to this benchmark's figures %.2f points: %s", system, m.group(1),
                    m.group(2), m.group(3), m.group(4), m.group(5), worst, worst <= 0.1 ? "AGREE" : "DISAGREE"));
        }
    }

    /** Runs polnear_quotes.py on the same JSONs and compares its direct-quote figures with this benchmark's. */
    private void checkQuotes(String system, PolnearScorer.Result r, Path split, Path dir) throws Exception {
        String python = python("polnear_quotes.py", split.toString(), dir.toString());
        if (python == null) {
            return;
        }
        Matcher m = Pattern.compile("named=([\\d.]+)%\\((\\d+)/(\\d+)\\) pronoun=([\\d.]+)%\\((\\d+)/(\\d+)\\) "
                + "named\\+pronoun=([\\d.]+)%").matcher(python);
        Matcher d = Pattern.compile("det_R=([\\d.]+)% det_P=([\\d.]+)%").matcher(python);
        if (m.find() && d.find()) {
            double worst = Math.max(Math.abs(r.namedAccuracy() - Double.parseDouble(m.group(1))),
                    Math.max(Math.abs(r.pronounAccuracy() - Double.parseDouble(m.group(4))),
                            Math.abs(r.bothAccuracy() - Double.parseDouble(m.group(7)))));
            worst = Math.max(worst, Math.abs(100.0 * r.detected / r.direct - Double.parseDouble(d.group(1))));
            worst = Math.max(worst, Math.abs(100.0 * r.predictedOk / Math.max(1, r.predicted) - Double.parseDouble(d.group(2))));
            checks.add(String.format(Locale.ROOT, "check %s PolNeAR: reference scorer named %s%% (%s/%s), pronoun %s%% (%s/%s),"
                    + " both %s%%, detection R %s%% P %s%%; largest difference to this benchmark's figures %.2f points: %s",
                    system, m.group(1), m.group(2), m.group(3), m.group(4), m.group(5), m.group(6), m.group(7),
                    d.group(1), d.group(2), worst, worst <= 0.1 ? "AGREE" : "DISAGREE"));
        }
    }

    /** Runs polnear_attributions.py on the same JSONs and compares its SUMMARY figures with the port's. */
    private void checkAttributions(String system, PolnearAttributionScorer.Result r, Path split, Path dir)
            throws Exception {
        String python = python("polnear_attributions.py", split.toString(), dir.toString());
        if (python == null) {
            return;
        }
        Map<String, String> reference = PolnearAttributionScorer.parseSummary(python);
        if (reference.isEmpty()) {
            checks.add("check " + system + " PolNeAR every attribution: the reference scorer printed no SUMMARY line"
                    + " (see its output above): DISAGREE");
            return;
        }
        double worst = PolnearAttributionScorer.largestDifference(r, reference);
        checks.add(String.format(Locale.ROOT, "check %s PolNeAR every attribution: reference scorer R overlap %s half %s,"
                + " P overlap %s half %s, F1 overlap %s half %s, indirect R half %s, speaker %s; largest difference"
                + " to this benchmark's figures %.2f points: %s", system, reference.get("R_overlap"),
                reference.get("R_half"), reference.get("P_overlap"), reference.get("P_half"),
                reference.get("F1_overlap"), reference.get("F1_half"), reference.get("indirect_R_half"),
                reference.get("speaker"), worst, worst <= 0.1 ? "AGREE" : "DISAGREE"));
    }

    private void attributionRows(List<String> systems, Map<String, PolnearAttributionScorer.Result> results) {
        List<PolnearRules.Form> forms = List.of(PolnearRules.Form.values());
        row("PolNeAR " + opt("polnear") + " every attribution (polnear_attributions.py): gold, direct / mixed /"
                + " indirect", systems, s -> {
                    PolnearAttributionScorer.Result r = results.get(s);
                    return PolnearAttributionScorer.Result.of(r.gold, null) + " (" + String.join(" / ",
                            forms.stream().map(f -> String.valueOf(r.gold.get(f))).toList()) + ")";
                });
        row("  recall, overlap rule: direct / mixed / indirect / all", systems,
                s -> perForm(results.get(s).detectedOverlap, results.get(s).gold, false));
        row("  recall, half rule: direct / mixed / indirect / all", systems,
                s -> perForm(results.get(s).detectedHalf, results.get(s).gold, false));
        row("  precision, overlap / half", systems, s -> {
            PolnearAttributionScorer.Result r = results.get(s);
            return PolnearRules.pct(r.predictedOverlap, r.predicted) + " / " + PolnearRules.pct(r.predictedHalf, r.predicted)
                    + " (" + r.predicted + " predicted)";
        });
        row("  F1, overlap / half", systems, s -> {
            Map<String, Double> f = results.get(s).figures();
            return "**" + PolnearRules.oneDecimal(f.get("F1_overlap")) + "** / **" + PolnearRules.oneDecimal(f.get("F1_half"))
                    + "**";
        });
        row("  indirect (reported speech) recall, half rule", systems, s -> {
            PolnearAttributionScorer.Result r = results.get(s);
            int found = r.detectedHalf.get(PolnearRules.Form.INDIRECT);
            int gold = r.gold.get(PolnearRules.Form.INDIRECT);
            return PolnearRules.pct(found, gold) + " (" + found + "/" + gold + ")";
        });
        row("  speaker right on matched attributions, named + pronoun sources: direct / mixed / indirect / all", systems,
                s -> perForm(results.get(s).speakerRight, results.get(s).speakerScored, true));
    }

    /** "a / b / c / **all**" of found out of total per form, with counts when asked. */
    private static String perForm(Map<PolnearRules.Form, Integer> found, Map<PolnearRules.Form, Integer> total,
            boolean counts) {
        List<String> cells = new ArrayList<>();
        List<PolnearRules.Form> forms = new ArrayList<>(List.of(PolnearRules.Form.values()));
        forms.add(null);
        for (PolnearRules.Form f : forms) {
            int x = PolnearAttributionScorer.Result.of(found, f);
            int n = PolnearAttributionScorer.Result.of(total, f);
            String cell = PolnearRules.pct(x, n) + (counts ? " (" + x + "/" + n + ")" : "");
            cells.add(f == null ? "**" + cell + "**" : cell);
        }
        return String.join(" / ", cells);
    }

    private void speed(List<String> systems, Map<String, JsonObject> runs) {
        row("BBC first " + opt("articles") + " articles: words/s, one thread, median of " + opt("runs")
                + " runs (wall clock)", systems, s -> String.format(Locale.ROOT, "**%.0f** (%s)",
                runs.get(s).get("words").getAsLong() / median(runs.get(s).getAsJsonArray("wallSeconds")),
                range(runs.get(s).get("words").getAsLong(), runs.get(s).getAsJsonArray("wallSeconds"))));
        row("  same, words per CPU-second of the analysing thread", systems, s -> String.format(Locale.ROOT, "%.0f",
                runs.get(s).get("words").getAsLong() / median(runs.get(s).getAsJsonArray("cpuSeconds"))));
        row("model load (s)", systems, s -> String.format(Locale.ROOT, "%.1f", runs.get(s).get("modelLoadSeconds").getAsDouble()));
        row("peak heap after GC (MiB; -Xmx given)", systems, s -> String.format(Locale.ROOT, "%,d (-Xmx%s)",
                runs.get(s).get("peakLiveHeapBytes").getAsLong() / (1024 * 1024), opt("xmx-" + s)));
    }

    private void ready() throws Exception {
        List<String> jars = new ArrayList<>(List.of(opt("service-jar")));
        if (!opt("baseline-service-jar").isEmpty()) {
            jars.add(opt("baseline-service-jar"));
        }
        List<String> cells = new ArrayList<>();
        for (String jar : jars) {
            List<Double> times = new ArrayList<>();
            for (int run = 0; run < Integer.parseInt(opt("runs")); run++) {
                times.add(startUntilReady(Path.of(jar), jar.equals(opt("service-jar")) ? opt("xmx-newsroom") : "3g"));
            }
            times.sort(Double::compare);
            cells.add(String.format(Locale.ROOT, "%.1f s (%.1f .. %.1f)", times.get(times.size() / 2), times.get(0),
                    times.get(times.size() - 1)));
        }
        table.add("| nlp-service start until ready, median of " + opt("runs") + " (this build"
                + (jars.size() > 1 ? " / baseline build " + opt("baseline-service-jar") : "") + ") | "
                + String.join(" / ", cells) + " |");
    }

    private static double startUntilReady(Path jar, String xmx) throws Exception {
        int port;
        int adminPort;
        try (ServerSocket socket = new ServerSocket(0); ServerSocket adminSocket = new ServerSocket(0)) {
            port = socket.getLocalPort();
            adminPort = adminSocket.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ProcessBuilder builder = new ProcessBuilder(java, "-Xmx" + xmx, "-XX:+ExitOnOutOfMemoryError", "-jar",
                jar.toAbsolutePath().toString()).redirectErrorStream(true)
                .redirectOutput(Files.createTempFile("nlp-service", ".log").toFile());
        builder.environment().put("NEWSROOM_NLP_PORT", String.valueOf(port));
        builder.environment().put("NEWSROOM_NLP_ADMIN_PORT", String.valueOf(adminPort));
        builder.environment().put("NEWSROOM_BIND_HOST", "127.0.0.1");
        // The service refuses to start without a key file (auth is on by default);
        // readiness needs no call, so a file with no keys is enough.
        Path keys = Files.createTempFile("nlp-ready-keys", ".txt");
        Files.writeString(keys, "# no keys: the ready benchmark makes no gRPC calls\n");
        builder.environment().put("NEWSROOM_AUTH_KEYS_FILE", keys.toString());
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(1)).build();
        // Readiness is on the admin port; a baseline build from before issue 19 serves it on the gRPC port.
        List<HttpRequest> requests = List.of(adminPort, port).stream()
                .map(probed -> HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + probed + "/q/health/ready"))
                        .timeout(Duration.ofSeconds(2)).build())
                .toList();
        long start = System.nanoTime();
        Process process = builder.start();
        try {
            while (process.isAlive() && System.nanoTime() - start < 300e9) {
                for (HttpRequest request : requests) {
                    try {
                        if (http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                            return (System.nanoTime() - start) / 1e9;
                        }
                    } catch (IOException notYet) {
                        // not listening yet
                    }
                }
                Thread.sleep(100);
            }
            throw new IllegalStateException("nlp-service " + jar + " did not become ready");
        } finally {
            process.destroy();
            process.waitFor();
        }
    }

    private void row(String measure, List<String> systems, java.util.function.Function<String, String> cell) {
        table.add("| " + measure + " | " + String.join(" | ", systems.stream().map(cell).toList()) + " |");
    }

    private static double median(JsonArray values) {
        List<Double> sorted = new ArrayList<>();
        values.forEach(v -> sorted.add(v.getAsDouble()));
        sorted.sort(Double::compare);
        return sorted.get(sorted.size() / 2);
    }

    private static String range(long words, JsonArray seconds) {
        List<Double> rates = new ArrayList<>();
        seconds.forEach(v -> rates.add(words / v.getAsDouble()));
        rates.sort(Double::compare);
        return String.format(Locale.ROOT, "%.0f .. %.0f", rates.get(0), rates.get(rates.size() - 1));
    }

    /** The reference scorer's output, or null when python3 or the scorers are not at hand. */
    private String python(String script, String... args) throws Exception {
        Path scorer = Path.of(opt("eval")).resolve("scorers").resolve(script);
        if (!Files.exists(scorer)) {
            return null;
        }
        List<String> command = new ArrayList<>(List.of("python3", scorer.toString()));
        command.addAll(List.of(args));
        try {
            Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
            String output = new String(process.getInputStream().readAllBytes());
            process.waitFor();
            System.err.println(output);
            return output;
        } catch (IOException noPython) {
            return null;
        }
    }
}
