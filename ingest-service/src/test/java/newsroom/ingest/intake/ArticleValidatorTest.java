package newsroom.ingest.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.google.protobuf.ByteString;
import newsroom.cleaning.ContentKind;
import newsroom.ingest.v1.Article;
import org.junit.jupiter.api.Test;

class ArticleValidatorTest {

    private final ArticleValidator validator = new ArticleValidator(16);

    @Test
    void optionalFieldsGetTheirDefaultsAndTheContentItsHash() {
        ValidArticle article = validator.validate(Article.newBuilder()
                .setContent(ByteString.copyFromUtf8("abc"))
                .setContentType(Article.ContentType.HTML)
                .build());

        assertNull(article.url());
        assertNull(article.publishedAt());
        assertEquals("en", article.language());
        assertEquals("", article.title());
        assertEquals(ContentKind.HTML, article.kind());
        assertEquals("abc", article.content());
        // SHA-256 of the bytes "abc" (FIPS 180-2 test vector).
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad", article.contentSha256());
    }

    @Test
    void theLimitCountsBytesNotCharacters() {
        // 6 characters, 18 bytes of UTF-8.
        Article tooLong = Article.newBuilder().setContent(ByteString.copyFromUtf8("\u65E5\u672C\u8A9E\u65E5\u672C\u8A9E"))
                .setContentType(Article.ContentType.PLAIN_TEXT).build();
        InvalidArticleException e = assertThrows(InvalidArticleException.class, () -> validator.validate(tooLong));
        assertEquals("article.content", e.field());
        assertEquals("article.content: is 18 bytes, more than the limit of 16 bytes", e.getMessage());
    }
}
