package newsroom.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ClientInterceptor;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.test.junit.QuarkusTest;
import java.util.concurrent.TimeUnit;
import newsroom.auth.BearerKey;
import newsroom.nlp.v1.AnalyzeDocumentRequest;
import newsroom.nlp.v1.NlpServiceGrpc;
import newsroom.testkeys.ChosenKeyTest;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/**
 * nlp-service answers only callers with the analyzer role (ingest-service's key); a
 * client key for ingesting or querying is refused. The empty request gets as far as
 * validation (INVALID_ARGUMENT) only when the caller was let in.
 */
@QuarkusTest
@Order(2)
class AccessControlTest extends ChosenKeyTest {

    private static final AnalyzeDocumentRequest EMPTY = AnalyzeDocumentRequest.getDefaultInstance();

    @Test
    void theAnalyzerKeyGetsThrough() {
        assertEquals(Status.Code.INVALID_ARGUMENT, call(new BearerKey(analyzerKey)).getCode());
    }

    @Test
    void noKeyIsUnauthenticated() {
        Status refused = call();
        assertEquals(Status.Code.UNAUTHENTICATED, refused.getCode());
        assertTrue(refused.getDescription().startsWith("no credential"), refused.toString());
    }

    @Test
    void writerAndReaderKeysAreRefused() {
        Status writer = call(new BearerKey(writerKey));
        assertEquals(Status.Code.PERMISSION_DENIED, writer.getCode());
        assertTrue(writer.getDescription().contains("lacks the analyzer role that newsroom.nlp.v1.NlpService needs"),
                writer.toString());
        assertEquals(Status.Code.PERMISSION_DENIED, call(new BearerKey(readerKey)).getCode());
    }

    private Status call(ClientInterceptor... interceptors) {
        StatusRuntimeException failure = assertThrows(StatusRuntimeException.class, () -> NlpServiceGrpc
                .newBlockingStub(channel).withInterceptors(interceptors).withDeadlineAfter(10, TimeUnit.SECONDS)
                .analyzeDocument(EMPTY));
        return failure.getStatus();
    }
}
