package newsroom.bench.ingest;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import newsroom.ingest.intake.language.LanguageIdentifier;

/**
 * False "not English" calls on English news, the error that costs most (an
 * article that is never analysed): every bbc-news article is identified as
 * a whole, by its headline alone, by its first sentence alone, and by its
 * first 3, 6 and 12 words, with the service's own {@link LanguageIdentifier}.
 * The baseline in the same run is the model's bare best guess (no minimum
 * length, no confidence rule).
 *
 * <pre>./mvnw -q -pl benchmarks exec:java@ingest-language [-Deval=../shared/eval]</pre>
 */
public final class LanguageBenchmark {

    public static void main(String[] args) throws IOException {
        Path file = Path.of(System.getProperty("eval", "../shared/eval"), "bbc-news", "bbc_news.jsonl");
        List<String> lines = Files.readAllLines(file);
        LanguageIdentifier identifier = new LanguageIdentifier();
        opennlp.tools.langdetect.LanguageDetectorME bare;
        try (var model = LanguageIdentifier.class.getResourceAsStream("/langdetect-183.bin")) {
            bare = new opennlp.tools.langdetect.LanguageDetectorME(
                    new opennlp.tools.langdetect.LanguageDetectorModel(model));
        }
        Map<String, int[]> counts = new LinkedHashMap<>(); // texts, not English (newsroom), not English (bare)
        long nanos = 0;
        for (String line : lines) {
            JsonObject o = JsonParser.parseString(line).getAsJsonObject();
            String text = o.get("text").getAsString();
            String[] words = text.split("\\s+");
            Map<String, String> forms = new LinkedHashMap<>();
            forms.put("whole article", text);
            forms.put("headline", o.get("title").getAsString());
            forms.put("first sentence", text.split("(?<=[.!?])\\s+", 2)[0]);
            for (int n : new int[] {3, 6, 12}) {
                forms.put("first " + n + " words", String.join(" ", List.of(words).subList(0, Math.min(n, words.length))));
            }
            for (Map.Entry<String, String> form : forms.entrySet()) {
                int[] c = counts.computeIfAbsent(form.getKey(), k -> new int[3]);
                c[0]++;
                long start = System.nanoTime();
                String language = identifier.identify(form.getValue());
                nanos += form.getKey().equals("whole article") ? System.nanoTime() - start : 0;
                if (!LanguageIdentifier.isSupported(language)) {
                    c[1]++;
                }
                if (!bare.predictLanguage(form.getValue()).getLang().equals("eng")) {
                    c[2]++;
                }
            }
        }
        System.out.printf("%-18s %6s %22s %22s%n", "bbc-news text", "texts", "not English: newsroom", "bare model");
        counts.forEach((form, c) -> System.out.printf("%-18s %6d %22d %22d%n", form, c[0], c[1], c[2]));
        System.out.printf("identification of a whole article: %.3f ms (mean)%n", nanos / 1e6 / lines.size());
    }
}
