package newsroom.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Multi;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import newsroom.ingest.v1.GetIngestStatusRequest;
import newsroom.ingest.v1.IngestArticleResponse;
import newsroom.ingest.v1.IngestArticlesRequest;
import newsroom.ingest.v1.IngestArticlesResponse;
import newsroom.ingest.v1.IngestService;
import newsroom.ingest.v1.IngestServiceGrpc;
import newsroom.store.StoredArticle;
import org.junit.jupiter.api.Test;

@QuarkusTest
class SameStoryTest {

    @GrpcClient("ingest")
    IngestServiceGrpc.IngestServiceBlockingStub ingest;

    @GrpcClient("ingest")
    IngestService streamingIngest;

    @Test
    void anEditedCopyWithANewHeadlineAndBoilerplateJoinsTheFirstReportsStory() {
        List<String> report = Reports.sentences(Reports.newSeed(), 20);
        List<String> copy = new ArrayList<>(report);
        copy.set(4, "A spokesman declined to comment on the figures when asked by reporters on Tuesday.");
        copy.set(11, copy.get(11).replace(".", ", a local paper reported."));

        IngestArticleResponse first = ingest.ingestArticle(Articles.request(Articles.plainText(Reports.text(report))));
        IngestArticleResponse second = ingest.ingestArticle(Articles.request(
                Articles.plainText(Reports.text(copy) + "\n\nShare this article\n\nAll rights reserved.")
                        .setTitle("Council housing plan to go ahead, officials say")));

        assertEquals(0, first.getDuplicateOf());
        assertFalse(second.getAlreadyStored());
        assertTrue(second.getArticleId() != first.getArticleId());
        assertEquals(first.getArticleId(), second.getDuplicateOf());
        StoredArticle root = Articles.stored(first.getArticleId());
        StoredArticle stored = Articles.stored(second.getArticleId());
        assertEquals(root.id, root.storyId);
        assertEquals(null, root.duplicateOf);
        assertEquals(root.id, stored.storyId);
        assertEquals(root.id, stored.duplicateOf);
        assertEquals(first.getArticleId(), ingest.getIngestStatus(GetIngestStatusRequest.newBuilder()
                .setArticleId(second.getArticleId()).build()).getDuplicateOf());
    }

    @Test
    void aCopyOfACopyPointsAtTheStorysRoot() {
        List<String> report = Reports.sentences(Reports.newSeed(), 20);
        List<String> copy = new ArrayList<>(report);
        copy.set(2, "The mayor was not available for comment on Monday evening, her office said.");
        List<String> copyOfCopy = new ArrayList<>(copy);
        copyOfCopy.set(16, "Residents will be able to see the plans at the town hall from next week.");

        long root = ingest.ingestArticle(Articles.request(Articles.plainText(Reports.text(report)))).getArticleId();
        ingest.ingestArticle(Articles.request(Articles.plainText(Reports.text(copy))));
        IngestArticleResponse third = ingest.ingestArticle(Articles.request(
                Articles.plainText(Reports.text(copyOfCopy))));

        assertEquals(root, third.getDuplicateOf());
        assertEquals(root, Articles.stored(third.getArticleId()).storyId);
    }

    @Test
    void differentReportsAreDifferentStories() {
        IngestArticleResponse one = ingest.ingestArticle(Articles.request(
                Articles.plainText(Reports.text(Reports.sentences(Reports.newSeed(), 20)))));
        IngestArticleResponse other = ingest.ingestArticle(Articles.request(
                Articles.plainText(Reports.text(Reports.sentences(Reports.newSeed(), 20)))));

        assertEquals(0, one.getDuplicateOf());
        assertEquals(0, other.getDuplicateOf());
        assertEquals(other.getArticleId(), (long) Articles.stored(other.getArticleId()).storyId);
    }

    @Test
    void resubmittingACopyReturnsItWithItsStoryAndStoresNothing() {
        List<String> report = Reports.sentences(Reports.newSeed(), 20);
        List<String> copy = new ArrayList<>(report);
        copy.set(7, "Officials said the first homes could be ready within two years of approval.");
        long root = ingest.ingestArticle(Articles.request(Articles.plainText(Reports.text(report)))).getArticleId();
        IngestArticleResponse copied = ingest.ingestArticle(Articles.request(Articles.plainText(Reports.text(copy))));
        long count = Articles.articleCount();

        IngestArticleResponse again = ingest.ingestArticle(Articles.request(Articles.plainText(Reports.text(copy))));

        assertTrue(again.getAlreadyStored());
        assertEquals(copied.getArticleId(), again.getArticleId());
        assertEquals(root, again.getDuplicateOf());
        assertEquals(count, Articles.articleCount());
        assertEquals(1, Articles.rows("story_signature", copied.getArticleId()));
    }

    @Test
    void theBulkStreamReportsDuplicatesPerArticle() {
        List<String> report = Reports.sentences(Reports.newSeed(), 20);
        List<String> copy = new ArrayList<>(report);
        copy.set(9, "Construction is due to start in the autumn if the regional authority agrees.");
        List<IngestArticlesRequest> requests = List.of(
                IngestArticlesRequest.newBuilder().setClientReference("report")
                        .setArticle(Articles.plainText(Reports.text(report))).build(),
                IngestArticlesRequest.newBuilder().setClientReference("copy")
                        .setArticle(Articles.plainText(Reports.text(copy))).build());

        IngestArticlesResponse response = streamingIngest.ingestArticles(Multi.createFrom().iterable(requests))
                .await().atMost(Duration.ofSeconds(60));

        assertEquals(2, response.getAcceptedCount());
        assertEquals(0, response.getResults(0).getDuplicateOf());
        assertEquals(response.getResults(0).getArticleId(), response.getResults(1).getDuplicateOf());
    }
}
