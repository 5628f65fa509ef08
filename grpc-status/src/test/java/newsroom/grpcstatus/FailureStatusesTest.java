package newsroom.grpcstatus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.Test;

class FailureStatusesTest {

    private static final class Refused extends RuntimeException {
        Refused(String message) {
            super(message);
        }
    }

    private static final class RefusedHarder extends IllegalStateException {
        RefusedHarder(String message) {
            super(message);
        }
    }

    private final FailureStatuses statuses = FailureStatuses.builder()
            .refuse(Refused.class, Status.Code.INVALID_ARGUMENT)
            .refuse(IllegalStateException.class, Status.Code.FAILED_PRECONDITION)
            .otherwise(failure -> Status.INTERNAL.withDescription("unforeseen").asRuntimeException());

    @Test
    void aRefusalKeepsItsMessageForTheClient() {
        Status status = statuses.toStatus(new Refused("title: is required")).getStatus();
        assertEquals(Status.Code.INVALID_ARGUMENT, status.getCode());
        assertEquals("title: is required", status.getDescription());
    }

    @Test
    void aSubtypeIsRefusedAsItsType() {
        assertEquals(Status.Code.FAILED_PRECONDITION,
                statuses.toStatus(new RefusedHarder("moved")).getStatus().getCode());
    }

    @Test
    void aStatusPassesThrough() {
        StatusRuntimeException own = Status.NOT_FOUND.withDescription("no such row").asRuntimeException();
        assertSame(own, statuses.toStatus(own));
    }

    @Test
    void anythingElseGoesToTheRule() {
        assertEquals("unforeseen", statuses.toStatus(new RuntimeException("boom")).getStatus().getDescription());
    }

    @Test
    void aCallMayWordTheRestItsOwnWay() {
        StatusRuntimeException status = statuses.toStatus(new RuntimeException("boom"),
                failure -> Status.DEADLINE_EXCEEDED.withDescription("narrow it").asRuntimeException());
        assertEquals(Status.Code.DEADLINE_EXCEEDED, status.getStatus().getCode());
        assertEquals(Status.Code.INVALID_ARGUMENT, statuses.toStatus(new Refused("x"),
                failure -> Status.DEADLINE_EXCEEDED.asRuntimeException()).getStatus().getCode());
    }

    @Test
    void okIsNoRefusal() {
        assertThrows(IllegalArgumentException.class,
                () -> FailureStatuses.builder().refuse(Refused.class, Status.Code.OK));
    }
}
