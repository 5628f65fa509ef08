package newsroom.query;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.MethodDescriptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.stub.ClientCalls;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import java.util.concurrent.TimeUnit;
import newsroom.query.v1.QueryServiceGrpc;
import newsroom.testrawgrpc.RawBytes;
import org.junit.jupiter.api.Test;

/**
 * A request whose string field is not UTF-8 (sent as raw bytes: generated stubs cannot) is
 * INVALID_ARGUMENT naming the method (auth's UnparsedRequests), not INTERNAL.
 */
@QuarkusTest
class UnparsedRequestTest {

    @GrpcClient("query")
    Channel channel;

    @Test
    void aQueryThatIsNotUtf8IsInvalidArgument() {
        // SearchArticlesRequest.query (field 1, length 3): 'a', a lone continuation byte, 'b'.
        byte[] request = {0x0a, 0x03, 'a', (byte) 0x80, 'b'};
        MethodDescriptor<byte[], byte[]> raw = RawBytes.of(QueryServiceGrpc.getSearchArticlesMethod());

        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> ClientCalls.blockingUnaryCall(
                channel, raw, CallOptions.DEFAULT.withDeadlineAfter(30, TimeUnit.SECONDS), request));

        assertEquals(Status.Code.INVALID_ARGUMENT, refused.getStatus().getCode(), refused.getMessage());
        assertEquals("the request to newsroom.query.v1.QueryService/SearchArticles could not be parsed as its message:"
                + " it is not protobuf, or a string field in it is not UTF-8", refused.getStatus().getDescription());
    }
}
