package newsroom.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import grpc.health.v1.HealthGrpc;
import grpc.health.v1.HealthOuterClass.HealthCheckRequest;
import grpc.health.v1.HealthOuterClass.HealthCheckResponse.ServingStatus;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import newsroom.nlp.pipeline.CoreNlpPipeline;
import newsroom.nlp.pipeline.TestModels;
import newsroom.nlp.v1.AnalyzeDocumentRequest;
import newsroom.nlp.v1.Document;
import newsroom.nlp.v1.NlpServiceGrpc;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Runs first, while the models are loading: the service is up but says it is not ready. */
@QuarkusTest
@Order(1)
class StartupTest {

    @Inject
    CoreNlpPipeline pipeline;

    @GrpcClient("nlp")
    NlpServiceGrpc.NlpServiceBlockingStub nlp;

    @GrpcClient("nlp")
    HealthGrpc.HealthBlockingStub health;

    @TestHTTPResource(value = "health/ready", management = true)
    URI readiness;

    private final HttpClient http = HttpClient.newHttpClient();

    @Test
    void notReadyUntilTheModelsAreLoadedThenReady() throws Exception {
        if (!pipeline.isReady()) {
            int httpStatus = readinessStatus();
            ServingStatus grpcStatus = grpcStatus("");
            StatusRuntimeException refused = assertThrows(StatusRuntimeException.class, () -> nlp.analyzeDocument(
                    AnalyzeDocumentRequest.newBuilder().setDocument(Document.newBuilder()
                            .setType(Document.Type.PLAIN_TEXT).setContent("Lavrov arrived in Islamabad.")).build()));
            // Loading takes tens of seconds; should it have finished in between, the calls above raced it.
            if (!pipeline.isReady()) {
                assertEquals(503, httpStatus);
                assertEquals(ServingStatus.NOT_SERVING, grpcStatus);
                assertEquals(Status.Code.UNAVAILABLE, refused.getStatus().getCode());
                assertEquals("NLP models are still loading; retry in a few seconds", refused.getStatus().getDescription());
            }
        }
        TestModels.awaitLoaded(pipeline);
        assertEquals(200, readinessStatus());
        assertEquals(ServingStatus.SERVING, grpcStatus(""));
        assertEquals(ServingStatus.SERVING, grpcStatus(NlpServiceGrpc.SERVICE_NAME));
    }

    private int readinessStatus() throws Exception {
        return http.send(HttpRequest.newBuilder(readiness).GET().build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private ServingStatus grpcStatus(String service) {
        return health.check(HealthCheckRequest.newBuilder().setService(service).build()).getStatus();
    }
}
