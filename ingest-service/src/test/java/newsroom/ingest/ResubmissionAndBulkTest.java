package newsroom.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Multi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import newsroom.ingest.v1.Article;
import newsroom.ingest.v1.ArticleStatus;
import newsroom.ingest.v1.IngestArticleResponse;
import newsroom.ingest.v1.IngestArticlesRequest;
import newsroom.ingest.v1.IngestArticlesResponse;
import newsroom.ingest.v1.IngestResult;
import newsroom.ingest.v1.IngestService;
import newsroom.ingest.v1.IngestServiceGrpc;
import newsroom.store.StoredArticle;
import org.junit.jupiter.api.Test;

@QuarkusTest
class ResubmissionAndBulkTest {

    @GrpcClient("ingest")
    IngestServiceGrpc.IngestServiceBlockingStub ingest;

    @GrpcClient("ingest")
    IngestService streamingIngest;

    @Test
    void theSameUrlAgainReturnsTheStoredArticle() {
        Article.Builder article = Articles.plainText("First version. " + Articles.unique());
        IngestArticleResponse first = ingest.ingestArticle(Articles.request(article));
        long count = Articles.articleCount();

        IngestArticleResponse again = ingest.ingestArticle(Articles.request(
                article.setContent(ByteString.copyFromUtf8("Edited version. " + Articles.unique()))));

        assertEquals(first.getArticleId(), again.getArticleId());
        assertTrue(again.getAlreadyStored());
        assertFalse(first.getAlreadyStored());
        assertEquals(count, Articles.articleCount());
        assertEquals(1L, QuarkusTransaction.requiringNew().call(() -> StoredArticle.count("url", article.getUrl())));
    }

    @Test
    void theSameContentAgainReturnsTheStoredArticleWhateverItsUrl() {
        String text = "Same words, another address. " + Articles.unique();
        IngestArticleResponse first = ingest.ingestArticle(Articles.request(Articles.plainText(text)));
        long count = Articles.articleCount();

        IngestArticleResponse again = ingest.ingestArticle(Articles.request(Articles.plainText(text)));
        IngestArticleResponse withoutUrl = ingest.ingestArticle(Articles.request(Articles.plainText(text).clearUrl()));

        assertEquals(first.getArticleId(), again.getArticleId());
        assertEquals(first.getArticleId(), withoutUrl.getArticleId());
        assertTrue(again.getAlreadyStored() && withoutUrl.getAlreadyStored());
        assertEquals(count, Articles.articleCount());
    }

    @Test
    void concurrentSubmissionsOfOneArticleStoreItOnce() throws Exception {
        String text = "Submitted by eight clients at once. " + Articles.unique();
        long before = Articles.articleCount();
        ExecutorService clients = Executors.newFixedThreadPool(8);
        try {
            List<Callable<IngestArticleResponse>> submissions = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                submissions.add(() -> ingest.ingestArticle(Articles.request(Articles.plainText(text))));
            }
            List<Long> ids = new ArrayList<>();
            int fresh = 0;
            for (Future<IngestArticleResponse> response : clients.invokeAll(submissions)) {
                ids.add(response.get().getArticleId());
                fresh += response.get().getAlreadyStored() ? 0 : 1;
            }
            assertEquals(1, ids.stream().distinct().count(), ids.toString());
            assertEquals(1, fresh);
            assertEquals(before + 1, Articles.articleCount());
        } finally {
            clients.shutdownNow();
        }
    }

    @Test
    void aStreamGoesOnPastARejectedArticleAndCountsEachOutcome() {
        String resubmitted = "Already in the store before the stream. " + Articles.unique();
        long existing = ingest.ingestArticle(Articles.request(Articles.plainText(resubmitted))).getArticleId();
        long before = Articles.articleCount();

        IngestArticlesResponse response = streamingIngest.ingestArticles(Multi.createFrom().items(
                        IngestArticlesRequest.newBuilder().setClientReference("a.txt")
                                .setArticle(Articles.plainText("First of the stream. " + Articles.unique())).build(),
                        IngestArticlesRequest.newBuilder().setClientReference("empty.txt")
                                .setArticle(Articles.plainText("").setContent(ByteString.EMPTY)).build(),
                        IngestArticlesRequest.newBuilder()
                                .setArticle(Articles.plainText("Third of the stream. " + Articles.unique())).build(),
                        IngestArticlesRequest.newBuilder().setClientReference("again.txt")
                                .setArticle(Articles.plainText(resubmitted)).build(),
                        IngestArticlesRequest.newBuilder().setClientReference("no-article").build()))
                .await().atMost(Duration.ofSeconds(60));

        List<IngestResult> results = response.getResultsList();
        assertEquals(5, results.size());
        assertEquals("a.txt", results.get(0).getClientReference());
        assertEquals(ArticleStatus.ACCEPTED, results.get(0).getStatus());
        assertTrue(results.get(0).getArticleId() > 0);

        assertEquals("empty.txt", results.get(1).getClientReference());
        assertEquals(ArticleStatus.REJECTED, results.get(1).getStatus());
        assertEquals(0, results.get(1).getArticleId());
        assertEquals("article.content: must not be empty", results.get(1).getError());

        assertEquals("2", results.get(2).getClientReference());
        assertEquals(ArticleStatus.ACCEPTED, results.get(2).getStatus());

        assertEquals(existing, results.get(3).getArticleId());
        assertTrue(results.get(3).getAlreadyStored());

        assertEquals(ArticleStatus.REJECTED, results.get(4).getStatus());
        assertEquals("article: is required", results.get(4).getError());

        assertEquals(2, response.getAcceptedCount());
        assertEquals(1, response.getAlreadyStoredCount());
        assertEquals(2, response.getRejectedCount());
        assertEquals(before + 2, Articles.articleCount());
    }

    @Test
    void aClientReferenceOverItsCapRejectsOnlyItsArticleAndNamesTheLimit() {
        String longest = "é".repeat(128);
        String tooLong = "r".repeat(1024);
        long before = Articles.articleCount();

        IngestArticlesResponse response = streamingIngest.ingestArticles(Multi.createFrom().items(
                        IngestArticlesRequest.newBuilder().setClientReference(tooLong)
                                .setArticle(Articles.plainText("Sent with a long reference. " + Articles.unique())).build(),
                        IngestArticlesRequest.newBuilder().setClientReference(longest)
                                .setArticle(Articles.plainText("Sent with a reference at the cap. " + Articles.unique()))
                                .build()))
                .await().atMost(Duration.ofSeconds(60));

        IngestResult rejected = response.getResults(0);
        assertEquals(ArticleStatus.REJECTED, rejected.getStatus());
        assertEquals("0", rejected.getClientReference(), "the position stands in for the refused reference");
        assertEquals("client_reference: is 1,024 bytes of UTF-8, at most 256 are allowed", rejected.getError());
        assertEquals(longest, response.getResults(1).getClientReference(), "256 bytes of UTF-8 are allowed");
        assertEquals(ArticleStatus.ACCEPTED, response.getResults(1).getStatus());
        assertEquals(1, response.getAcceptedCount());
        assertEquals(1, response.getRejectedCount());
        assertFalse(response.getResultsTruncated());
        assertEquals(before + 1, Articles.articleCount());
    }

    @Test
    void aClientReferenceWithAControlCharacterRejectsOnlyItsArticle() {
        long before = Articles.articleCount();

        IngestArticlesResponse response = streamingIngest.ingestArticles(Multi.createFrom().items(
                        IngestArticlesRequest.newBuilder().setClientReference("ref\u001b[2J")
                                .setArticle(Articles.plainText("Sent with an escape. " + Articles.unique())).build(),
                        IngestArticlesRequest.newBuilder().setClientReference("plain.txt")
                                .setArticle(Articles.plainText("Sent with a plain reference. " + Articles.unique()))
                                .build()))
                .await().atMost(Duration.ofSeconds(60));

        assertEquals(ArticleStatus.REJECTED, response.getResults(0).getStatus());
        assertEquals("0", response.getResults(0).getClientReference(), "the escape is not echoed");
        assertEquals("client_reference: must not contain control characters (U+001B at character 3)",
                response.getResults(0).getError());
        assertEquals(ArticleStatus.ACCEPTED, response.getResults(1).getStatus());
        assertEquals(before + 1, Articles.articleCount());
    }

    @Test
    void aLongStreamIsStoredInBatchesWhoseArticlesSeeEachOther() {
        // 70 articles: more than two batches. Within one batch: a repeat of an earlier URL and
        // a near-copy of an earlier report, which must be found although neither is committed yet.
        List<String> report = Reports.sentences(Reports.newSeed(), 20);
        List<String> copy = new ArrayList<>(report);
        copy.set(6, "The regional authority is expected to give its answer before the end of the year.");
        List<IngestArticlesRequest> requests = new ArrayList<>();
        String repeatedUrl = null;
        for (int i = 0; i < 70; i++) {
            Article.Builder article = Articles.plainText("Article " + i + " of a long stream. " + Articles.unique());
            if (i == 33) {
                article = Articles.plainText(Reports.text(report));
            } else if (i == 35) {
                repeatedUrl = article.getUrl();
            } else if (i == 40) {
                article.setUrl(repeatedUrl);
            } else if (i == 45) {
                article = Articles.plainText(Reports.text(copy));
            } else if (i == 50) {
                article.setContent(ByteString.EMPTY);
            }
            requests.add(IngestArticlesRequest.newBuilder().setArticle(article).build());
        }
        long before = Articles.articleCount();

        IngestArticlesResponse response = streamingIngest.ingestArticles(Multi.createFrom().iterable(requests))
                .await().atMost(Duration.ofSeconds(60));

        List<IngestResult> results = response.getResultsList();
        assertEquals(70, results.size());
        for (int i = 0; i < 70; i++) {
            assertEquals(Integer.toString(i), results.get(i).getClientReference());
        }
        assertEquals(results.get(35).getArticleId(), results.get(40).getArticleId());
        assertTrue(results.get(40).getAlreadyStored());
        assertEquals(results.get(33).getArticleId(), results.get(45).getDuplicateOf());
        assertFalse(results.get(45).getAlreadyStored());
        assertEquals(ArticleStatus.REJECTED, results.get(50).getStatus());
        assertEquals(68, response.getAcceptedCount());
        assertEquals(1, response.getAlreadyStoredCount());
        assertEquals(1, response.getRejectedCount());
        assertEquals(before + 68, Articles.articleCount());
        assertEquals(68, results.stream().filter(r -> !r.getAlreadyStored() && r.getArticleId() > 0)
                .map(IngestResult::getArticleId).distinct().count());
    }

    @Test
    void withinABatchTheSameUrlComesBeforeTheSameContent() {
        // As one by one: the second article's URL is the first's (stored in this very batch),
        // and its content is an older article's; the URL decides.
        String older = "Stored long before the stream. " + Articles.unique();
        long olderId = ingest.ingestArticle(Articles.request(Articles.plainText(older))).getArticleId();
        Article.Builder first = Articles.plainText("First of a pair. " + Articles.unique());
        Article.Builder second = Articles.plainText(older).setUrl(first.getUrl());

        IngestArticlesResponse response = streamingIngest.ingestArticles(Multi.createFrom().items(
                        IngestArticlesRequest.newBuilder().setArticle(first).build(),
                        IngestArticlesRequest.newBuilder().setArticle(second).build()))
                .await().atMost(Duration.ofSeconds(60));

        long firstId = response.getResults(0).getArticleId();
        assertFalse(response.getResults(0).getAlreadyStored());
        assertEquals(firstId, response.getResults(1).getArticleId());
        assertTrue(response.getResults(1).getAlreadyStored());
        assertTrue(firstId != olderId);
    }
}
