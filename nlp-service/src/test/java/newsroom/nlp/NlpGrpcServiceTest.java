package newsroom.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import newsroom.nlp.v1.AnalyzeDocumentRequest;
import newsroom.nlp.v1.Document;
import newsroom.nlp.v1.NlpServiceGrpc;
import org.junit.jupiter.api.Test;

@QuarkusTest
class NlpGrpcServiceTest {
    @GrpcClient("nlp")
    NlpServiceGrpc.NlpServiceBlockingStub nlp;

    @Test
    void echoes() {
        var r = nlp.analyzeDocument(AnalyzeDocumentRequest.newBuilder()
                .setDocument(Document.newBuilder().setContent("hi").setType(Document.Type.PLAIN_TEXT)).build());
        assertEquals("hi", r.getAnalysis().getCleanedText());
    }
}
