package newsroom.bench.load;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import newsroom.ingest.v1.Article;

/**
 * The real articles the load ingests, read at run time from the evaluation data (never
 * copied into the repository): BBC news and Reuters reports, alternating. Their publication
 * times are made up (one per ten minutes from 2005-01-01), as BBC's have none.
 */
final class EvalArticles {

    private static final Instant FIRST_PUBLISHED = Instant.parse("2005-01-01T08:00:00Z");
    private static final int MIN_WORDS = 40;

    private EvalArticles() {
    }

    /** Up to {@code count} articles, half from each set. */
    static List<Article> read(Path eval, int count) throws IOException {
        List<Article> bbc = read(eval.resolve("bbc-news/bbc_news.jsonl"), "BBC", (count + 1) / 2);
        List<Article> reuters = read(eval.resolve("reuters21578/reuters21578_articles.jsonl"), "Reuters", count / 2);
        List<Article> mixed = new ArrayList<>();
        for (int i = 0; i < Math.max(bbc.size(), reuters.size()); i++) {
            if (i < bbc.size()) {
                mixed.add(published(bbc.get(i), mixed.size()));
            }
            if (i < reuters.size()) {
                mixed.add(published(reuters.get(i), mixed.size()));
            }
        }
        return mixed;
    }

    private static List<Article> read(Path file, String source, int limit) throws IOException {
        List<Article> articles = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            for (String line = reader.readLine(); line != null && articles.size() < limit; line = reader.readLine()) {
                JsonObject json = JsonParser.parseString(line).getAsJsonObject();
                // Reuters wraps lines at 70 columns and indents paragraphs; joined, it reads as prose.
                String text = string(json, "text").strip()
                        .replaceAll("\\n\\s{2,}", "\n\n").replaceAll("(?<!\\n)\\n(?!\\n)", " ");
                if (text.split("\\s+").length < MIN_WORDS) {
                    continue;
                }
                articles.add(Article.newBuilder()
                        .setSource(source)
                        .setTitle(string(json, "title").strip())
                        .setContentType(Article.ContentType.PLAIN_TEXT)
                        .setContent(ByteString.copyFromUtf8(text))
                        .build());
            }
        }
        return articles;
    }

    private static Article published(Article article, int index) {
        return article.toBuilder()
                .setPublishedTime(Timestamp.newBuilder().setSeconds(FIRST_PUBLISHED.getEpochSecond() + index * 600L))
                .build();
    }

    private static String string(JsonObject json, String field) {
        return json.has(field) && !json.get(field).isJsonNull() ? json.get(field).getAsString() : "";
    }
}
