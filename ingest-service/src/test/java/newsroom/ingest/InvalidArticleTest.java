package newsroom.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import newsroom.ingest.v1.Article;
import newsroom.ingest.v1.ArticleStatus;
import newsroom.ingest.v1.GetIngestStatusRequest;
import newsroom.ingest.v1.IngestArticleRequest;
import newsroom.ingest.v1.IngestArticleResponse;
import newsroom.ingest.v1.IngestServiceGrpc;
import org.junit.jupiter.api.Test;

/** Every kind of bad input gets INVALID_ARGUMENT naming the field, and nothing is stored. */
@QuarkusTest
class InvalidArticleTest {

    static final int ONE_MIB = 1024 * 1024;

    @GrpcClient("ingest")
    IngestServiceGrpc.IngestServiceBlockingStub ingest;

    @Test
    void aRequestWithoutAnArticle() {
        assertRejected(IngestArticleRequest.getDefaultInstance(), "article: is required");
    }

    @Test
    void emptyContent() {
        assertRejected(Articles.plainText("").setContent(ByteString.EMPTY), "article.content: must not be empty");
    }

    @Test
    void whitespaceOnlyContent() {
        assertRejected(Articles.plainText(" \n\t\r\n \u00A0\u2003\u200B "), "article.content: must not be blank");
    }

    @Test
    void contentOneByteOverTheLimit() {
        byte[] content = new byte[ONE_MIB + 1];
        Arrays.fill(content, (byte) 'a');
        assertRejected(Articles.plainText("").setContent(ByteString.copyFrom(content)),
                "article.content: is 1048577 bytes, more than the limit of 1048576 bytes");
    }

    @Test
    void contentAtTheLimitIsAccepted() {
        String prefix = "Exactly one mebibyte of text. " + Articles.unique() + " ";
        byte[] content = new byte[ONE_MIB];
        Arrays.fill(content, (byte) 'x');
        byte[] start = prefix.getBytes(StandardCharsets.UTF_8);
        System.arraycopy(start, 0, content, 0, start.length);
        IngestArticleResponse response = ingest.ingestArticle(
                Articles.request(Articles.plainText("").setContent(ByteString.copyFrom(content))));
        assertEquals(ArticleStatus.ACCEPTED, response.getStatus());
    }

    @Test
    void contentThatIsNotUtf8() {
        byte[] latin1 = {'C', 'a', 'f', (byte) 0xE9, ' ', 'n', 'e', 'w', 's'};
        assertRejected(Articles.plainText("").setContent(ByteString.copyFrom(latin1)),
                "article.content: is not valid UTF-8 (bad byte sequence at byte 3)");
        byte[] overlongSlash = {'a', (byte) 0xC0, (byte) 0xAF};
        assertRejected(Articles.plainText("").setContent(ByteString.copyFrom(overlongSlash)),
                "article.content: is not valid UTF-8");
        byte[] loneSurrogate = {'a', (byte) 0xED, (byte) 0xA0, (byte) 0x80};
        assertRejected(Articles.plainText("").setContent(ByteString.copyFrom(loneSurrogate)),
                "article.content: is not valid UTF-8");
    }

    @Test
    void contentWithNulCharacters() {
        assertRejected(Articles.plainText("Binary\0data " + Articles.unique()), "article.content: must not contain NUL");
    }

    @Test
    void contentWithNoTextLeftAfterCleaning() {
        assertRejected(Articles.plainText("Advertisement\n\nShare this article\n\nAll rights reserved."),
                "article.content: has no text left after cleaning");
        assertRejected(Articles.plainText("<div><script>var x = 1;</script></div>")
                .setContentType(Article.ContentType.HTML), "article.content: has no text left after cleaning");
    }

    @Test
    void contentTypeUnsetOrUnknown() {
        assertRejected(Articles.plainText("Some news " + Articles.unique())
                .setContentType(Article.ContentType.CONTENT_TYPE_UNSPECIFIED), "article.content_type: is required");
        assertRejected(Articles.plainText("Some news " + Articles.unique()).setContentTypeValue(7),
                "article.content_type: unknown value 7");
    }

    @Test
    void urlsThatAreNotAbsoluteHttpUrls() {
        for (String url : new String[] {"not a url", "ftp://example.org/a", "/news/today", "https://",
                "mailto:desk@example.org", "javascript:alert(1)"}) {
            assertRejected(Articles.plainText("Some news " + Articles.unique()).setUrl(url), "article.url:");
        }
        assertRejected(Articles.plainText("Some news " + Articles.unique())
                .setUrl("https://example.org/" + "a".repeat(2030)), "article.url: is 2050 characters");
    }

    @Test
    void titleAndSourceTooLong() {
        assertRejected(Articles.plainText("Some news " + Articles.unique()).setTitle("t".repeat(1001)),
                "article.title: is 1001 characters, more than the limit of 1000");
        assertRejected(Articles.plainText("Some news " + Articles.unique()).setSource("s".repeat(201)),
                "article.source: is 201 characters, more than the limit of 200");
        assertRejected(Articles.plainText("Some news " + Articles.unique()).setAuthor("a".repeat(201)),
                "article.author: is 201 characters, more than the limit of 200");
        assertRejected(Articles.plainText("Some news " + Articles.unique()).setAuthor("Ann\nQuayle"),
                "article.author: must not contain control characters");
    }

    @Test
    void publishedTimesThatAreNotTimes() {
        for (Timestamp time : new Timestamp[] {
                Timestamp.newBuilder().setSeconds(253_402_300_800L).build(),
                Timestamp.newBuilder().setSeconds(-62_135_596_801L).build(),
                Timestamp.newBuilder().setSeconds(1_617_753_600L).setNanos(-1).build(),
                Timestamp.newBuilder().setSeconds(1_617_753_600L).setNanos(1_000_000_000).build()}) {
            assertRejected(Articles.plainText("Some news " + Articles.unique()).setPublishedTime(time),
                    "article.published_time: is not a valid time");
        }
    }

    @Test
    void languageThatIsNotALanguageCode() {
        assertRejected(Articles.plainText("Some news " + Articles.unique()).setLanguage("english please!"),
                "article.language:");
    }

    @Test
    void statusOfAnUnknownArticle() {
        StatusRuntimeException e = assertThrows(StatusRuntimeException.class, () -> ingest.getIngestStatus(
                GetIngestStatusRequest.newBuilder().setArticleId(987_654_321L).build()));
        assertEquals(Status.Code.NOT_FOUND, e.getStatus().getCode());
        assertEquals("article 987654321 does not exist", e.getStatus().getDescription());

        StatusRuntimeException unset = assertThrows(StatusRuntimeException.class,
                () -> ingest.getIngestStatus(GetIngestStatusRequest.getDefaultInstance()));
        assertEquals(Status.Code.INVALID_ARGUMENT, unset.getStatus().getCode());
        assertTrue(unset.getStatus().getDescription().startsWith("article_id:"));
    }

    private void assertRejected(Article.Builder article, String expectedMessageStart) {
        assertRejected(Articles.request(article), expectedMessageStart);
    }

    private void assertRejected(IngestArticleRequest request, String expectedMessageStart) {
        Articles.assertRejected(ingest, request, expectedMessageStart);
    }
}
