package newsroom.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.junit.QuarkusTest;
import newsroom.ingest.v1.ArticleStatus;
import newsroom.ingest.v1.GetIngestStatusRequest;
import newsroom.ingest.v1.GetIngestStatusResponse;
import org.junit.jupiter.api.Test;

/** The NLP service failing: articles wait through outages and are given up only for their own faults. */
@QuarkusTest
class NlpOutageTest extends IngestWithNlpTest {

    @Test
    void anArticleWaitsWhileTheNlpServiceIsUnavailableAndIsAnalyzedWhenItReturns() {
        // More outage calls than max-attempts (3 in tests): an outage never fails an article.
        String text = "Sergey Lavrov spoke in Moscow. [nlp-unavailable x5] " + Articles.unique();
        long id = ingest.ingestArticle(Articles.request(Articles.plainText(text))).getArticleId();

        Articles.await("article " + id + " to be ANALYZED", () -> status(id).getStatus() == ArticleStatus.ANALYZED);

        assertEquals(6, status(id).getAttempts());
        assertEquals(6, nlp.calls(text));
        assertEquals("", status(id).getError());
        assertTrue(Articles.rows("mention", id) >= 1);
    }

    @Test
    void anArticleTheNlpServiceKeepsRejectingFailsAfterMaxAttempts() {
        String text = "A document the analyser refuses. [nlp-rejects] " + Articles.unique();
        long id = ingest.ingestArticle(Articles.request(Articles.plainText(text))).getArticleId();

        Articles.await("article " + id + " to be FAILED", () -> status(id).getStatus() == ArticleStatus.FAILED);

        GetIngestStatusResponse failed = status(id);
        assertEquals(3, failed.getAttempts());
        assertEquals(3, nlp.calls(text));
        assertTrue(failed.getError().contains("INVALID_ARGUMENT"), failed.getError());
        assertTrue(failed.getError().contains("rejected (test double)"), failed.getError());
        assertEquals(0, Articles.rows("mention", id));
    }

    private GetIngestStatusResponse status(long id) {
        return ingest.getIngestStatus(GetIngestStatusRequest.newBuilder().setArticleId(id).build());
    }
}
