package newsroom.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Attributes;
import io.grpc.Metadata;
import io.grpc.MethodDescriptor;
import io.grpc.ServerCall;
import io.grpc.Status;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class UnparsedRequestsTest {

    private static final MethodDescriptor.Marshaller<String> TEXT = new MethodDescriptor.Marshaller<>() {
        @Override
        public InputStream stream(String value) {
            return new ByteArrayInputStream(value.getBytes());
        }

        @Override
        public String parse(InputStream stream) {
            return "";
        }
    };

    @Test
    void aUnaryCallHalfClosedWithoutItsMessageIsInvalidArgumentNamingTheMethod() {
        RecordingCall call = new RecordingCall(MethodDescriptor.MethodType.UNARY);
        List<String> seen = new ArrayList<>();

        new UnparsedRequests().interceptCall(call, new Metadata(), (c, h) -> listener(seen)).onHalfClose();

        assertEquals(Status.Code.INVALID_ARGUMENT, call.closedWith.getCode());
        assertEquals("the request to test.Service/Method could not be parsed as its message: it is not protobuf,"
                + " or a string field in it is not UTF-8", call.closedWith.getDescription());
        assertEquals(List.of(), seen, "the handler never sees a request end without its message");
    }

    @Test
    void aUnaryCallWithItsMessageGoesOnAsSent() {
        RecordingCall call = new RecordingCall(MethodDescriptor.MethodType.UNARY);
        List<String> seen = new ArrayList<>();

        ServerCall.Listener<String> listener = new UnparsedRequests().interceptCall(call, new Metadata(),
                (c, h) -> listener(seen));
        listener.onMessage("request");
        listener.onHalfClose();

        assertNull(call.closedWith);
        assertEquals(List.of("message request", "half-close"), seen);
    }

    @Test
    void aClientStreamMayEndWithoutMessages() {
        RecordingCall call = new RecordingCall(MethodDescriptor.MethodType.CLIENT_STREAMING);
        List<String> seen = new ArrayList<>();

        new UnparsedRequests().interceptCall(call, new Metadata(), (c, h) -> listener(seen)).onHalfClose();

        assertNull(call.closedWith);
        assertTrue(seen.contains("half-close"));
    }

    private static ServerCall.Listener<String> listener(List<String> seen) {
        return new ServerCall.Listener<>() {
            @Override
            public void onMessage(String message) {
                seen.add("message " + message);
            }

            @Override
            public void onHalfClose() {
                seen.add("half-close");
            }
        };
    }

    private static final class RecordingCall extends ServerCall<String, String> {

        private final MethodDescriptor<String, String> method;
        private Status closedWith;

        RecordingCall(MethodDescriptor.MethodType type) {
            this.method = MethodDescriptor.<String, String>newBuilder().setType(type)
                    .setFullMethodName("test.Service/Method").setRequestMarshaller(TEXT).setResponseMarshaller(TEXT)
                    .build();
        }

        @Override
        public void request(int numMessages) {
        }

        @Override
        public void sendHeaders(Metadata headers) {
        }

        @Override
        public void sendMessage(String message) {
        }

        @Override
        public void close(Status status, Metadata trailers) {
            closedWith = status;
        }

        @Override
        public boolean isCancelled() {
            return false;
        }

        @Override
        public Attributes getAttributes() {
            return Attributes.EMPTY;
        }

        @Override
        public MethodDescriptor<String, String> getMethodDescriptor() {
            return method;
        }
    }
}
