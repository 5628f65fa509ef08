package newsroom.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.util.Map;
import newsroom.ingest.v1.GetIngestStatusRequest;
import newsroom.ingest.v1.IngestServiceGrpc;
import newsroom.store.DatabaseFailures;
import newsroom.teststore.UnreachableStore;
import org.junit.jupiter.api.Test;

/** With the database unreachable, clients are told to retry later, not shown an internal error. */
@QuarkusTest
@TestProfile(StoreDownTest.NoDatabase.class)
class StoreDownTest {

    /** Without a store the analysis worker has nothing to poll. */
    public static class NoDatabase extends UnreachableStore {

        @Override
        protected Map<String, String> serviceOverrides() {
            return Map.of("newsroom.ingest.worker.enabled", "false");
        }
    }

    @GrpcClient("ingest")
    IngestServiceGrpc.IngestServiceBlockingStub ingest;

    @Test
    void ingestingIsUnavailable() {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> ingest.ingestArticle(
                Articles.request(Articles.plainText("News for a store that is down. " + Articles.unique()))));
        assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode(), e.getStatus().toString());
        assertEquals(DatabaseFailures.STORE_UNAVAILABLE, e.getStatus().getDescription());
    }

    @Test
    void statusIsUnavailable() {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> ingest.getIngestStatus(
                GetIngestStatusRequest.newBuilder().setArticleId(1).build()));
        assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode(), e.getStatus().toString());
    }

    @Test
    void badInputIsStillRejectedAsBadInput() {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> ingest.ingestArticle(
                Articles.request(Articles.plainText(" "))));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
    }
}
