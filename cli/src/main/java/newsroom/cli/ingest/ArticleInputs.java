package newsroom.cli.ingest;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.protobuf.ByteString;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import newsroom.cli.ErrorMessages;
import newsroom.ingest.v1.Article;

/**
 * The articles of the files given, read one at a time as they are sent, so a
 * 100,000-line JSON Lines file never sits in memory. A {@code .jsonl} file
 * holds one article per line: a JSON object with {@code text} (plain text) or
 * {@code html}, and optionally {@code title}, {@code url}, {@code source},
 * {@code published} (YYYY-MM-DD or ISO-8601) and {@code language}; other
 * fields (an {@code id}, a {@code category}) are ignored. Every other file is
 * one article. What the command line gives ({@code --source}, ...) fills what
 * a line leaves out.
 */
public final class ArticleInputs implements Iterator<PendingArticle> {

    private final Iterator<Path> files;
    private final ArticleTemplate template;
    private BufferedReader jsonLines;
    private Path jsonLinesFile;
    private int lineNumber;
    private PendingArticle next;

    public ArticleInputs(List<Path> files, ArticleTemplate template) {
        this.files = files.iterator();
        this.template = template;
    }

    public static boolean isJsonLines(Path file) {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".jsonl");
    }

    /** How many articles the files hold: one per file, one per non-blank line of a .jsonl file. */
    public static long count(List<Path> files) throws IOException {
        long count = 0;
        for (Path file : files) {
            if (isJsonLines(file)) {
                try (BufferedReader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    count += reader.lines().filter(line -> !line.isBlank()).count();
                }
            } else {
                count++;
            }
        }
        return count;
    }

    @Override
    public boolean hasNext() {
        if (next == null) {
            next = advance();
        }
        return next != null;
    }

    @Override
    public PendingArticle next() {
        if (!hasNext()) {
            throw new NoSuchElementException();
        }
        PendingArticle article = next;
        next = null;
        return article;
    }

    private PendingArticle advance() {
        try {
            while (true) {
                if (jsonLines != null) {
                    String line = jsonLines.readLine();
                    lineNumber++;
                    if (line == null) {
                        jsonLines.close();
                        jsonLines = null;
                    } else if (!line.isBlank()) {
                        return fromJsonLine(jsonLinesFile + ":" + lineNumber, line);
                    }
                    continue;
                }
                if (!files.hasNext()) {
                    return null;
                }
                Path file = files.next();
                if (isJsonLines(file)) {
                    try {
                        jsonLines = Files.newBufferedReader(file, StandardCharsets.UTF_8);
                        jsonLinesFile = file;
                        lineNumber = 0;
                    } catch (IOException e) {
                        return new PendingArticle(file.toString(), null, "cannot read: " + ErrorMessages.describe(e));
                    }
                    continue;
                }
                try {
                    return new PendingArticle(file.toString(), template.articleFrom(file), null);
                } catch (IOException e) {
                    return new PendingArticle(file.toString(), null, "cannot read: " + ErrorMessages.describe(e));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read " + jsonLinesFile, e);
        }
    }

    private PendingArticle fromJsonLine(String reference, String line) {
        JsonObject json;
        try {
            JsonElement parsed = JsonParser.parseString(line);
            if (!parsed.isJsonObject()) {
                return new PendingArticle(reference, null, "not a JSON object");
            }
            json = parsed.getAsJsonObject();
        } catch (JsonParseException e) {
            return new PendingArticle(reference, null, "not valid JSON: " + e.getMessage());
        }
        Article.Builder article = template.articleFrom(ByteString.EMPTY, Article.ContentType.PLAIN_TEXT).toBuilder();
        try {
            if (json.has("html")) {
                article.setContent(ByteString.copyFromUtf8(json.get("html").getAsString()))
                        .setContentType(Article.ContentType.HTML);
            } else if (json.has("text")) {
                article.setContent(ByteString.copyFromUtf8(json.get("text").getAsString()));
            } else {
                return new PendingArticle(reference, null, "has neither \"text\" nor \"html\"");
            }
            if (json.has("title")) {
                article.setTitle(json.get("title").getAsString());
            }
            if (json.has("url")) {
                article.setUrl(json.get("url").getAsString());
            }
            if (json.has("source")) {
                article.setSource(json.get("source").getAsString());
            }
            if (json.has("language")) {
                article.setLanguage(json.get("language").getAsString());
            }
            if (json.has("published")) {
                article.setPublishedTime(PublishedTime.parse(json.get("published").getAsString()));
            }
        } catch (RuntimeException e) {
            return new PendingArticle(reference, null, "bad field: " + e.getMessage());
        }
        return new PendingArticle(reference, article.build(), null);
    }
}
