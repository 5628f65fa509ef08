package newsroom.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.StreamObserver;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import newsroom.auth.BearerKey;
import newsroom.ingest.v1.GetIngestStatusRequest;
import newsroom.ingest.v1.GetReanalysisRequest;
import newsroom.ingest.v1.IngestArticlesRequest;
import newsroom.ingest.v1.IngestArticlesResponse;
import newsroom.ingest.v1.IngestServiceGrpc;
import newsroom.ingest.v1.StartReanalysisRequest;
import newsroom.nlp.v1.AnalyzeDocumentRequest;
import newsroom.nlp.v1.NlpServiceGrpc;
import newsroom.store.StoredArticle;
import newsroom.testkeys.ChosenKeyTest;
import org.junit.jupiter.api.Test;

/**
 * Only a key with the writer role may ingest, on the single call and the bulk stream alike,
 * and nothing is stored for a refused call; a reader may follow a re-analysis but not start one. Calls go over a plain channel of this test's
 * own, so no test interceptor adds a key behind its back.
 */
@QuarkusTest
class AccessControlTest extends ChosenKeyTest {

    private static final GetIngestStatusRequest UNKNOWN_ARTICLE =
            GetIngestStatusRequest.newBuilder().setArticleId(Long.MAX_VALUE).build();

    @Test
    void aWriterGetsThroughToTheService() {
        StatusRuntimeException notFound = assertThrows(StatusRuntimeException.class,
                () -> stub().withInterceptors(new BearerKey(writerKey)).getIngestStatus(UNKNOWN_ARTICLE));
        assertEquals(Status.Code.NOT_FOUND, notFound.getStatus().getCode());
    }

    @Test
    void withoutAKeyNothingIsStored() {
        long before = Articles.articleCount();
        String text = "An article sent without a key. " + Articles.unique();

        assertStatus(Status.Code.UNAUTHENTICATED, "no credential",
                () -> stub().ingestArticle(Articles.request(Articles.plainText(text))));
        assertEquals(Status.Code.UNAUTHENTICATED, bulk(IngestServiceGrpc.newStub(channel), text).getCode());

        assertEquals(before, Articles.articleCount());
    }

    @Test
    void aReaderMayNotIngest() {
        long before = Articles.articleCount();
        String text = "An article sent by a reader. " + Articles.unique();

        assertStatus(Status.Code.PERMISSION_DENIED, "the API key \"test-reader\" lacks the writer role that"
                        + " newsroom.ingest.v1.IngestService needs",
                () -> stub().withInterceptors(new BearerKey(readerKey)).ingestArticle(
                        Articles.request(Articles.plainText(text))));
        assertEquals(Status.Code.PERMISSION_DENIED,
                bulk(IngestServiceGrpc.newStub(channel).withInterceptors(new BearerKey(readerKey)), text).getCode());

        assertEquals(before, Articles.articleCount());
    }

    @Test
    void aReaderMayFollowAReanalysisButNotStartOne() {
        long jobs = QuarkusTransaction.requiringNew().call(() -> ((Number) StoredArticle.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM reanalysis_job").getSingleResult()).longValue());
        IngestServiceGrpc.IngestServiceBlockingStub reader = stub().withInterceptors(new BearerKey(readerKey));

        assertStatus(Status.Code.NOT_FOUND, "re-analysis " + Long.MAX_VALUE + " does not exist",
                () -> reader.getReanalysis(GetReanalysisRequest.newBuilder().setReanalysisId(Long.MAX_VALUE).build()));
        assertStatus(Status.Code.PERMISSION_DENIED, "the API key \"test-reader\" lacks the writer role that"
                        + " newsroom.ingest.v1.IngestService needs",
                () -> reader.startReanalysis(StartReanalysisRequest.getDefaultInstance()));
        assertStatus(Status.Code.PERMISSION_DENIED, "the API key \"test-analyzer\" lacks every role that"
                        + " newsroom.ingest.v1.IngestService/GetReanalysis takes (writer, reader)",
                () -> stub().withInterceptors(new BearerKey(analyzerKey)).getReanalysis(
                        GetReanalysisRequest.newBuilder().setReanalysisId(1).build()));

        assertEquals(jobs, QuarkusTransaction.requiringNew().call(() -> ((Number) StoredArticle.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM reanalysis_job").getSingleResult()).longValue()));
    }

    @Test
    void aWriterMayNotCallAnalysisDirectly() {
        // This server also hosts the tests' NlpService double: it still asks for the analyzer role.
        assertStatus(Status.Code.PERMISSION_DENIED, "the API key \"test-writer\" lacks the analyzer role",
                () -> NlpServiceGrpc.newBlockingStub(channel).withInterceptors(new BearerKey(writerKey))
                        .withDeadlineAfter(10, TimeUnit.SECONDS)
                        .analyzeDocument(AnalyzeDocumentRequest.getDefaultInstance()));
    }

    private IngestServiceGrpc.IngestServiceBlockingStub stub() {
        return IngestServiceGrpc.newBlockingStub(channel).withDeadlineAfter(10, TimeUnit.SECONDS);
    }

    /** Sends one article over the bulk stream and returns how the stream ended. */
    private static Status bulk(IngestServiceGrpc.IngestServiceStub stub, String text) {
        CompletableFuture<Status> ended = new CompletableFuture<>();
        StreamObserver<IngestArticlesRequest> requests = stub.withDeadlineAfter(10, TimeUnit.SECONDS)
                .ingestArticles(new StreamObserver<>() {
                    @Override
                    public void onNext(IngestArticlesResponse response) {
                    }

                    @Override
                    public void onError(Throwable failure) {
                        ended.complete(Status.fromThrowable(failure));
                    }

                    @Override
                    public void onCompleted() {
                        ended.complete(Status.OK);
                    }
                });
        requests.onNext(IngestArticlesRequest.newBuilder().setArticle(Articles.plainText(text)).build());
        requests.onCompleted();
        return ended.join();
    }

    private static void assertStatus(Status.Code code, String messageStart, Runnable call) {
        StatusRuntimeException failure = assertThrows(StatusRuntimeException.class, call::run);
        assertEquals(code, failure.getStatus().getCode(), failure::toString);
        assertTrue(String.valueOf(failure.getStatus().getDescription()).startsWith(messageStart), failure::toString);
    }
}
