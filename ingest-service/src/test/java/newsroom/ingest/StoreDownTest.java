package newsroom.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import newsroom.ingest.v1.GetIngestStatusRequest;
import newsroom.ingest.v1.IngestServiceGrpc;
import newsroom.testkeys.TestKeysResource;
import org.junit.jupiter.api.Test;

/** With the database unreachable, clients are told to retry later, not shown an internal error. */
@QuarkusTest
@TestProfile(StoreDownTest.NoDatabase.class)
class StoreDownTest {

    /** The datasource points at a port where nothing listens. */
    public static class NoDatabase implements QuarkusTestProfile {

        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of(
                    "quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + closedPort() + "/newsroom",
                    "quarkus.datasource.jdbc.acquisition-timeout", "2S",
                    "quarkus.flyway.migrate-at-start", "false",
                    "newsroom.ingest.worker.enabled", "false");
        }

        @Override
        public boolean disableGlobalTestResources() {
            return true;
        }

        /** No database, but the API keys stay: auth is on here as everywhere. */
        @Override
        public List<TestResourceEntry> testResources() {
            return List.of(new TestResourceEntry(TestKeysResource.class));
        }

        private static int closedPort() {
            try (ServerSocket socket = new ServerSocket(0)) {
                return socket.getLocalPort();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    @GrpcClient("ingest")
    IngestServiceGrpc.IngestServiceBlockingStub ingest;

    @Test
    void ingestingIsUnavailable() {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> ingest.ingestArticle(
                Articles.request(Articles.plainText("News for a store that is down. " + Articles.unique()))));
        assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode(), e.getStatus().toString());
        assertEquals("the article store is unavailable; retry later", e.getStatus().getDescription());
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
