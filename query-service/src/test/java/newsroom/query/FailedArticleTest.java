package newsroom.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import io.quarkus.grpc.GrpcClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.time.Instant;
import java.util.UUID;
import newsroom.ingest.v1.ArticleStatus;
import newsroom.query.v1.GetArticleRequest;
import newsroom.query.v1.GetArticleResponse;
import newsroom.query.v1.QueryServiceGrpc;
import newsroom.store.ArticleState;
import newsroom.store.StoredArticle;
import org.junit.jupiter.api.Test;

/** An article whose analysis was given up (a poison article, docs/ingest.md) says why in GetArticle. */
@QuarkusTest
class FailedArticleTest {

    @GrpcClient("query")
    QueryServiceGrpc.QueryServiceBlockingStub query;

    @Test
    void aFailedArticleCarriesItsFailureCodeAndReason() {
        long id = QuarkusTransaction.requiringNew().call(() -> {
            String text = "An article the NLP service never finishes. " + UUID.randomUUID();
            StoredArticle article = new StoredArticle();
            article.title = "Poison";
            article.contentType = "PLAIN_TEXT";
            article.language = "en";
            article.rawContent = text;
            article.cleanedText = text;
            article.contentSha256 = UUID.randomUUID().toString();
            article.status = ArticleState.FAILED;
            article.attempts = 7;
            article.failedAttempts = 5;
            article.failureReason = "DEADLINE_EXCEEDED";
            article.lastError = "given up after 5 failed analysis attempts (at most 5): DEADLINE_EXCEEDED: deadline exceeded";
            article.publishedAt = Instant.now();
            article.nextAttemptAt = Instant.now();
            article.acceptedAt = Instant.now();
            article.persist();
            article.storyId = article.id;
            return article.id;
        });

        try {
            GetArticleResponse response = query.getArticle(GetArticleRequest.newBuilder().setArticleId(id).build());

            assertEquals(ArticleStatus.FAILED, response.getArticle().getStatus());
            assertFalse(response.hasAnalysis());
            assertEquals("DEADLINE_EXCEEDED: given up after 5 failed analysis attempts (at most 5): "
                    + "DEADLINE_EXCEEDED: deadline exceeded", response.getFailure());
        } finally {
            // The other tests count stories and articles: leave the store as it was.
            QuarkusTransaction.requiringNew().run(() -> StoredArticle.deleteById(id));
        }
    }
}
