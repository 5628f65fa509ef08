package newsroom.ingest.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import newsroom.ingest.v1.ArticleStatus;
import newsroom.ingest.v1.IngestArticlesResponse;
import newsroom.ingest.v1.IngestResult;
import org.junit.jupiter.api.Test;

class BulkResultsTest {

    @Test
    void everyResultOfAStreamWithinTheFirstResultsIsKept() {
        BulkResults results = new BulkResults();
        for (int i = 0; i < BulkResults.FIRST_RESULTS; i++) {
            results.add(result(i, i % 2 == 0 ? ArticleStatus.REJECTED : ArticleStatus.ARTICLE_STATUS_UNSPECIFIED));
        }
        IngestArticlesResponse.Builder response = IngestArticlesResponse.newBuilder();
        results.addTo(response);

        assertEquals(BulkResults.FIRST_RESULTS, response.getResultsCount());
        assertFalse(response.getResultsTruncated());
        assertEquals("9999", response.getResults(9_999).getClientReference());
    }

    @Test
    void pastTheFirstResultsOnlyRejectionsAreKeptUpToTheirBound() {
        BulkResults results = new BulkResults();
        int articles = 200_000;
        for (int i = 0; i < articles; i++) {
            // Every third article is rejected; the others wait in a batch (status not known yet).
            results.add(result(i, i % 3 == 0 ? ArticleStatus.REJECTED : ArticleStatus.ARTICLE_STATUS_UNSPECIFIED));
        }
        IngestArticlesResponse.Builder response = IngestArticlesResponse.newBuilder();
        results.addTo(response);

        assertEquals(articles, results.seen());
        assertEquals(BulkResults.FIRST_RESULTS + BulkResults.LATER_REJECTIONS, response.getResultsCount());
        assertTrue(response.getResultsTruncated());
        assertEquals("9999", response.getResults(BulkResults.FIRST_RESULTS - 1).getClientReference());
        IngestResult firstLater = response.getResults(BulkResults.FIRST_RESULTS);
        assertEquals("10002", firstLater.getClientReference(), "the first rejection after the first results");
        assertEquals(ArticleStatus.REJECTED, firstLater.getStatus());
        for (IngestResult later : response.getResultsList().subList(BulkResults.FIRST_RESULTS, response.getResultsCount())) {
            assertEquals(ArticleStatus.REJECTED, later.getStatus());
        }
    }

    private static IngestResult.Builder result(int position, ArticleStatus status) {
        return IngestResult.newBuilder().setClientReference(Integer.toString(position)).setStatus(status);
    }
}
