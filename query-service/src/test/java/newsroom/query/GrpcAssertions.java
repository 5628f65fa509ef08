package newsroom.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import org.junit.jupiter.api.function.Executable;

final class GrpcAssertions {

    private GrpcAssertions() {
    }

    /** Asserts the call fails with {@code code} and a description starting with {@code messageStart}. */
    static void assertFailsWith(Status.Code code, String messageStart, Executable call) {
        StatusRuntimeException failure = assertThrows(StatusRuntimeException.class, call);
        assertEquals(code, failure.getStatus().getCode(), () -> "status of " + failure);
        String description = failure.getStatus().getDescription();
        assertTrue(description != null && description.startsWith(messageStart),
                () -> "description '" + description + "' should start with '" + messageStart + "'");
    }
}
