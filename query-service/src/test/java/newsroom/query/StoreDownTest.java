package newsroom.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import newsroom.query.v1.GetEntityRequest;
import newsroom.query.v1.QueryServiceGrpc;
import newsroom.query.v1.SearchArticlesRequest;
import newsroom.store.DatabaseFailures;
import newsroom.teststore.UnreachableStore;
import org.junit.jupiter.api.Test;

/**
 * With PostgreSQL unreachable, clients are told to retry later, in the same words as
 * ingest-service's, not shown an internal error.
 */
@QuarkusTest
@TestProfile(UnreachableStore.class)
class StoreDownTest {

    @GrpcClient("query")
    QueryServiceGrpc.QueryServiceBlockingStub query;

    @Test
    void aLookupIsUnavailable() {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
                () -> query.getEntity(GetEntityRequest.newBuilder().setEntityId(1).build()));
        assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode(), e.getStatus().toString());
        assertEquals(DatabaseFailures.STORE_UNAVAILABLE, e.getStatus().getDescription());
    }

    @Test
    void aSearchIsUnavailable() {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
                () -> query.searchArticles(SearchArticlesRequest.newBuilder().setQuery("trade").build()));
        assertEquals(Status.Code.UNAVAILABLE, e.getStatus().getCode(), e.getStatus().toString());
    }

    @Test
    void badInputIsStillRejectedAsBadInput() {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class,
                () -> query.getEntity(GetEntityRequest.newBuilder().setEntityId(-1).build()));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode());
    }
}
