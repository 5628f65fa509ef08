package newsroom.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import newsroom.query.v1.ListStoriesRequest;
import newsroom.query.v1.QueryServiceGrpc;
import newsroom.query.v1.SearchArticlesRequest;
import org.junit.jupiter.api.Test;

/**
 * A start or end time that google.protobuf.Timestamp cannot hold (nanos outside [0, 999999999],
 * a year before 1 or after 9999) is INVALID_ARGUMENT naming the field, not an internal error
 * from Instant's arithmetic or a query for the year 292 billion.
 */
@QuarkusTest
class RequestTimesTest {

    static final List<Timestamp> NOT_TIMES = List.of(
            Timestamp.newBuilder().setSeconds(1_600_000_000L).setNanos(-1).build(),
            Timestamp.newBuilder().setSeconds(1_600_000_000L).setNanos(1_000_000_000).build(),
            Timestamp.newBuilder().setSeconds(-62_135_596_801L).build(), // the year 0
            Timestamp.newBuilder().setSeconds(253_402_300_800L).build(), // the year 10000
            Timestamp.newBuilder().setSeconds(Long.MAX_VALUE).build(),
            Timestamp.newBuilder().setSeconds(Long.MIN_VALUE).build());

    @GrpcClient("query")
    QueryServiceGrpc.QueryServiceBlockingStub query;

    @Test
    void aStartTimeThatIsNotATimeIsRefusedByName() {
        for (Timestamp time : NOT_TIMES) {
            assertRefused("start_time", () -> query.searchArticles(SearchArticlesRequest.newBuilder()
                    .setQuery("Lavrov").setStartTime(time).build()));
        }
    }

    @Test
    void anEndTimeThatIsNotATimeIsRefusedByName() {
        for (Timestamp time : NOT_TIMES) {
            assertRefused("end_time", () -> query.listStories(ListStoriesRequest.newBuilder().setEndTime(time).build()));
        }
    }

    @Test
    void theFirstAndLastTimesATimestampHoldsAreTimes() {
        query.listStories(ListStoriesRequest.newBuilder()
                .setStartTime(Timestamp.newBuilder().setSeconds(-62_135_596_800L))
                .setEndTime(Timestamp.newBuilder().setSeconds(253_402_300_799L).setNanos(999_999_999))
                .build());
    }

    private static void assertRefused(String field, Runnable call) {
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, call::run);
        assertEquals(Status.Code.INVALID_ARGUMENT, refused.getStatus().getCode(), refused.getMessage());
        assertTrue(refused.getStatus().getDescription().startsWith(field + ": is not a valid time"),
                refused.getMessage());
    }
}
