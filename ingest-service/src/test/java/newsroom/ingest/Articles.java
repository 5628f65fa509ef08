package newsroom.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import newsroom.ingest.v1.Article;
import newsroom.ingest.v1.IngestArticleRequest;
import newsroom.ingest.v1.IngestServiceGrpc;
import newsroom.store.StoredArticle;

/** Test articles and what the tests read back from the store. */
public final class Articles {

    static final Duration PATIENCE = Duration.ofSeconds(60);

    private Articles() {
    }

    /** A plain-text article with a unique URL; {@code text} should be unique too (content is the identity). */
    static Article.Builder plainText(String text) {
        return Article.newBuilder()
                .setUrl("https://news.example.org/" + UUID.randomUUID())
                .setSource("Example News")
                .setTitle("A test article")
                .setContent(ByteString.copyFromUtf8(text))
                .setContentType(Article.ContentType.PLAIN_TEXT);
    }

    static IngestArticleRequest request(Article.Builder article) {
        return IngestArticleRequest.newBuilder().setArticle(article).build();
    }

    static Timestamp timestamp(Instant instant) {
        return Timestamp.newBuilder().setSeconds(instant.getEpochSecond()).setNanos(instant.getNano()).build();
    }

    /** A marker that makes a text unique, so tests never collide on content. */
    static String unique() {
        return "(ref " + UUID.randomUUID() + ")";
    }

    static long articleCount() {
        return QuarkusTransaction.requiringNew().call(() -> StoredArticle.count());
    }

    static StoredArticle stored(long id) {
        return QuarkusTransaction.requiringNew().call(() -> StoredArticle.<StoredArticle>findById(id));
    }

    static long rows(String table, long articleId) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) StoredArticle.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM " + table + " WHERE article_id = :id")
                .setParameter("id", articleId)
                .getSingleResult()).longValue());
    }

    /** Waits, boundedly, for a state change made by the worker (or another of the service's threads). */
    public static void await(String what, BooleanSupplier condition) {
        long deadline = System.nanoTime() + PATIENCE.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("gave up waiting for " + what);
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
    }

    /** The request is refused as INVALID_ARGUMENT with a message that starts so, and nothing is stored. */
    static void assertRejected(IngestServiceGrpc.IngestServiceBlockingStub ingest, IngestArticleRequest request,
                               String expectedMessageStart) {
        long before = articleCount();
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> ingest.ingestArticle(request));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), e.getStatus().toString());
        assertTrue(e.getStatus().getDescription().startsWith(expectedMessageStart),
                "expected '" + expectedMessageStart + "...', got '" + e.getStatus().getDescription() + "'");
        assertEquals(before, articleCount(), "nothing may be stored for a rejected article");
    }
}
