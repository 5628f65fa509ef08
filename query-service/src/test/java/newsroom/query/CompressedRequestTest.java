package newsroom.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import newsroom.query.v1.QueryServiceGrpc;
import newsroom.query.v1.SearchArticlesRequest;
import org.junit.jupiter.api.Test;

/**
 * A compressed request is refused before it is inflated (auth's UncompressedRequestsOnly):
 * the Vert.x gRPC server would inflate it whole, however large, before any limit applies.
 */
@QuarkusTest
class CompressedRequestTest {

    @GrpcClient("query")
    QueryServiceGrpc.QueryServiceBlockingStub query;

    @Test
    void aGzipCompressedRequestIsRefusedNamingTheEncoding() {
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> query.withCompression("gzip")
                .searchArticles(SearchArticlesRequest.newBuilder().setQuery("Lavrov").build()));

        assertEquals(Status.Code.UNIMPLEMENTED, refused.getStatus().getCode(), refused.getMessage());
        assertTrue(refused.getStatus().getDescription().startsWith("grpc-encoding gzip is not accepted"),
                refused.getMessage());
    }

    @Test
    void theSameRequestUncompressedIsAnswered() {
        query.searchArticles(SearchArticlesRequest.newBuilder().setQuery("Lavrov").build());
    }
}
