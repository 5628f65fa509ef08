package newsroom.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;
import newsroom.ingest.v1.Article;
import newsroom.ingest.v1.IngestArticleResponse;
import newsroom.ingest.v1.IngestServiceGrpc;
import newsroom.store.StoredArticle;
import org.junit.jupiter.api.Test;

/**
 * SQL injection, regex bombs and control characters through every text field of an
 * article: each is stored as the plain text it is, or refused with INVALID_ARGUMENT naming
 * the field and nothing stored; never an internal error. {@link HostileInputTest} covers
 * oversized, binary and malformed input.
 */
@QuarkusTest
class HostileTextTest {

    static final List<String> HOSTILE = List.of(
            "'; DROP TABLE article; --",
            "' OR '1'='1",
            "x' UNION SELECT cleaned_text FROM article --",
            "\\'; DELETE FROM entity WHERE ''='",
            "%_\\",
            "(a+)+$ (.*a){20} " + "a".repeat(5_000) + "!",
            "nul\u0000byte",
            "bell\u0007 escape\u001b[31m red\r\nline\ttab",
            "\uFEFFbom \u202Eright-to-left override",
            "lone \uD800 surrogate");

    @GrpcClient("ingest")
    IngestServiceGrpc.IngestServiceBlockingStub ingest;

    @Test
    void everyTextFieldStoresHostileTextAsTextOrRefusesItByName() {
        Map<String, BiFunction<Article.Builder, String, Article.Builder>> fields = new LinkedHashMap<>();
        fields.put("article.url", (article, text) -> article.setUrl("https://news.example.org/" + text));
        fields.put("article.source", Article.Builder::setSource);
        fields.put("article.title", Article.Builder::setTitle);
        fields.put("article.language", Article.Builder::setLanguage);
        fields.put("article.content", (article, text) -> article.setContent(ByteString.copyFromUtf8(
                "The council met on Monday. " + text + " The budget passed. " + Articles.unique())));
        fields.put("article.content (HTML)", (article, text) -> article.setContentType(Article.ContentType.HTML)
                .setContent(ByteString.copyFromUtf8("<html><head><title>" + text + "</title></head><body><article><p>"
                        + "The council met on Monday and approved the budget after a long debate. " + text
                        + "</p><p>Work on the bridge starts in spring, officials said. " + Articles.unique()
                        + "</p></article></body></html>")));

        List<String> problems = new ArrayList<>();
        for (Map.Entry<String, BiFunction<Article.Builder, String, Article.Builder>> field : fields.entrySet()) {
            for (String text : HOSTILE) {
                Article.Builder article = field.getValue().apply(Articles.plainText(
                        "The council approved the budget. " + Articles.unique()), text);
                long before = Articles.articleCount();
                try {
                    IngestArticleResponse response = ingest.ingestArticle(Articles.request(article));
                    if (Articles.articleCount() != before + 1) {
                        problems.add(field.getKey() + " <- " + printable(text) + ": accepted but not stored once");
                    }
                    checkStoredAsSent(field.getKey(), text, article, Articles.stored(response.getArticleId()), problems);
                } catch (StatusRuntimeException e) {
                    Status status = e.getStatus();
                    String name = field.getKey().split(" ")[0];
                    if (status.getCode() != Status.Code.INVALID_ARGUMENT || status.getDescription() == null
                            || !status.getDescription().startsWith(name)) {
                        problems.add(field.getKey() + " <- " + printable(text) + ": " + status);
                    }
                    if (Articles.articleCount() != before) {
                        problems.add(field.getKey() + " <- " + printable(text) + ": refused but stored");
                    }
                }
            }
        }
        assertTrue(problems.isEmpty(), String.join("\n", problems));
    }

    /** Accepted text is kept as text: the source and title as sent (trimmed), the words of the content. */
    private static void checkStoredAsSent(String field, String text, Article.Builder sent, StoredArticle stored,
                                          List<String> problems) {
        String where = field + " <- " + printable(text) + ": ";
        switch (field) {
            case "article.source" -> {
                if (!stored.source.equals(onTheWire(sent.getSource()).strip())) {
                    problems.add(where + "stored source " + printable(stored.source));
                }
            }
            case "article.title" -> {
                if (!stored.title.equals(onTheWire(sent.getTitle()).strip())) {
                    problems.add(where + "stored title " + printable(stored.title));
                }
            }
            case "article.content" -> {
                if (!stored.cleanedText.contains("The budget passed.")) {
                    problems.add(where + "stored text " + printable(stored.cleanedText));
                }
            }
            default -> {
            }
        }
    }

    /** What protobuf sends for a Java string: UTF-8, with an unpaired surrogate as "?". */
    private static String onTheWire(String text) {
        return new String(text.getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    private static String printable(String text) {
        String shown = text.length() > 60 ? text.substring(0, 60) + "...(" + text.length() + " chars)" : text;
        StringBuilder out = new StringBuilder("\"");
        shown.codePoints().forEach(c -> out.append(Character.isISOControl(c) || Character.isSurrogate((char) c)
                ? String.format("\\u%04x", c) : new String(Character.toChars(c))));
        return out.append('"').toString();
    }

    @Test
    void storedHostileTextIsReturnedAsItWasSent() {
        String title = "Robert'); DROP TABLE article;-- " + Articles.unique();
        IngestArticleResponse response = ingest.ingestArticle(Articles.request(Articles.plainText(
                "Little Bobby Tables went to school on Monday. " + Articles.unique()).setTitle(title)));
        assertEquals(title, Articles.stored(response.getArticleId()).title);
    }
}
