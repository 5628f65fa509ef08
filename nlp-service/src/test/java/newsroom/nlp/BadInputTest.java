package newsroom.nlp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import newsroom.nlp.v1.AnalyzeDocumentRequest;
import newsroom.nlp.v1.Document;
import newsroom.nlp.v1.NlpServiceGrpc;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

/** Bad requests are refused with INVALID_ARGUMENT naming the field, whether or not the models are loaded. */
@QuarkusTest
@Order(2)
class BadInputTest {

    @GrpcClient("nlp")
    NlpServiceGrpc.NlpServiceBlockingStub nlp;

    private static Document.Builder text(String content) {
        return Document.newBuilder().setType(Document.Type.PLAIN_TEXT).setContent(content);
    }

    private void assertRefused(AnalyzeDocumentRequest request, String expectedMessageStart) {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> nlp.analyzeDocument(request));
        assertEquals(Status.Code.INVALID_ARGUMENT, e.getStatus().getCode(), e.getStatus().toString());
        assertTrue(e.getStatus().getDescription().startsWith(expectedMessageStart), e.getStatus().getDescription());
    }

    @Test
    void missingDocument() {
        assertRefused(AnalyzeDocumentRequest.getDefaultInstance(), "document: is required");
    }

    @Test
    void unspecifiedType() {
        assertRefused(AnalyzeDocumentRequest.newBuilder()
                .setDocument(Document.newBuilder().setContent("Lavrov arrived.")).build(), "document.type:");
    }

    @Test
    void emptyAndWhitespaceContent() {
        assertRefused(AnalyzeDocumentRequest.newBuilder().setDocument(text("")).build(), "document.content: must not be empty");
        assertRefused(AnalyzeDocumentRequest.newBuilder().setDocument(text(" \n\t ")).build(), "document.content: must not be empty");
    }

    @Test
    void htmlNestedDeeperThanTheLimit() {
        Document.Builder page = Document.newBuilder().setType(Document.Type.HTML)
                .setContent("<div>".repeat(100_000) + "<p>Lavrov arrived in Islamabad on Tuesday.</p>");
        assertRefused(AnalyzeDocumentRequest.newBuilder().setDocument(page).build(),
                "document.content: nests HTML elements more than 512 levels deep; the limit is 512");
    }

    @Test
    void contentOverOneMebibyte() {
        String content = "a".repeat(1024 * 1024 - 2) + "\u00e9\u00e9"; // 1 MiB + 2 bytes of UTF-8
        assertRefused(AnalyzeDocumentRequest.newBuilder().setDocument(text(content)).build(),
                "document.content: is 1048578 bytes of UTF-8; the limit is 1048576 bytes");
    }

    @Test
    void languagesOtherThanEnglish() {
        assertRefused(AnalyzeDocumentRequest.newBuilder().setDocument(text("Bonjour.").setLanguage("fr")).build(),
                "document.language:");
        assertRefused(AnalyzeDocumentRequest.newBuilder().setDocument(text("Hola.").setLanguage("es-ES")).build(),
                "document.language:");
    }

    @Test
    void contentThatIsOnlyBoilerplate() {
        assertRefused(AnalyzeDocumentRequest.newBuilder()
                .setDocument(text("Please enter your comment!\nPlease enter your name here")).build(), "document.content:");
        assertRefused(AnalyzeDocumentRequest.newBuilder().setDocument(Document.newBuilder()
                .setType(Document.Type.HTML).setContent("<html><script>var x;</script></html>")).build(), "document.content:");
    }

    @Test
    void publicationTimeOutOfRange() {
        assertRefused(AnalyzeDocumentRequest.newBuilder().setDocument(text("Lavrov arrived."))
                .setPublicationTime(Timestamp.newBuilder().setSeconds(Long.MAX_VALUE)).build(), "publication_time:");
    }
}
