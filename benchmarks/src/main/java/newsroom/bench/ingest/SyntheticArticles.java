package newsroom.bench.ingest;

import com.google.gson.JsonParser;
import com.google.protobuf.ByteString;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import newsroom.ingest.v1.Article;

/**
 * As many distinct news-like articles as a benchmark needs, built from the
 * sentences of bbc-news: article {@code n} is 12 to 30 sentences drawn with
 * seed {@code n} from the 40,000-odd sentences of the set, three to a
 * paragraph. Two such articles share almost no five-word shingles, so they are
 * different stories, as most of a real feed is; their length and wording are
 * those of real news.
 */
public final class SyntheticArticles {

    private final List<String> sentences = new ArrayList<>();

    /** @param bbcNews the set's {@code bbc_news.jsonl}, one article a line with its {@code text} */
    public SyntheticArticles(Path bbcNews) throws IOException {
        for (String line : Files.readAllLines(bbcNews)) {
            String text = JsonParser.parseString(line).getAsJsonObject().get("text").getAsString();
            for (String sentence : text.split("(?<=[.!?])\\s+(?=[A-Z\"])")) {
                if (sentence.length() > 40) {
                    sentences.add(sentence.strip());
                }
            }
        }
    }

    String text(long n) {
        Random random = new Random(n * 0x9E3779B97F4A7C15L + 17);
        int count = 12 + random.nextInt(19);
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < count; i++) {
            if (i > 0) {
                text.append(i % 3 == 0 ? "\n\n" : " ");
            }
            text.append(sentences.get(random.nextInt(sentences.size())));
        }
        return text.toString();
    }

    /** The start of the text, to its first full stop, at most 80 characters, on one line (titles hold no line breaks). */
    String title(long n) {
        String first = text(n);
        return first.substring(0, Math.min(80, first.indexOf('.') > 0 ? first.indexOf('.') : first.length()))
                .replaceAll("\\s+", " ").strip();
    }

    /** Article {@code n} as a client submits it: plain text, source "Bench", a URL of its own, no publication time. */
    public Article article(long n) {
        return Article.newBuilder()
                .setUrl("https://bench.example.org/article/" + n)
                .setSource("Bench")
                .setTitle(title(n))
                .setContent(ByteString.copyFromUtf8(text(n)))
                .setContentType(Article.ContentType.PLAIN_TEXT)
                .build();
    }
}
