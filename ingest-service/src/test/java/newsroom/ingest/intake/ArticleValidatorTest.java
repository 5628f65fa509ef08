package newsroom.ingest.intake;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.ByteString;
import java.time.Duration;
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

    @Test
    void languageTagsAreBcp47Shaped() {
        for (String tag : new String[] {"en", "pt-BR", "zh-Hant-TW", "es-419", "en-US-x-twain", "ENG"}) {
            assertTrue(ArticleValidator.isLanguageTag(tag), tag);
        }
        for (String tag : new String[] {"", "e", "english please!", "en-", "-en", "en--US", "419", "en-abcdefghi",
                "en_US", "en-\u00e9t\u00e9"}) {
            assertFalse(ArticleValidator.isLanguageTag(tag), tag);
        }
    }

    @Test
    void aLanguageTagOfAMillionSubtagsIsCheckedWithoutOverflowingTheStack() {
        // The pattern [A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})* recursed once per subtag: a StackOverflowError here.
        String hostile = "en" + "-a".repeat(1_000_000);

        assertTrue(assertTimeoutPreemptively(Duration.ofSeconds(30), () -> ArticleValidator.isLanguageTag(hostile)));
        InvalidArticleException e = assertThrows(InvalidArticleException.class,
                () -> validator.validate(withLanguage(hostile)));
        assertEquals("article.language: is 2000002 characters, more than the limit of 35 for a BCP-47 language code",
                e.getMessage());
        assertEquals("pt-BR", validator.validate(withLanguage("pt-BR")).language());
    }

    @Test
    void aPublicationTimeBefore1900IsRefusedSoAClientCannotMakeTheStoreCreateAPartitionPerAncientMonth() {
        Article ancient = Article.newBuilder().setContent(ByteString.copyFromUtf8("abc"))
                .setContentType(Article.ContentType.PLAIN_TEXT)
                .setPublishedTime(com.google.protobuf.Timestamp.newBuilder().setSeconds(-3_000_000_000L)).build();

        InvalidArticleException e = assertThrows(InvalidArticleException.class, () -> validator.validate(ancient));

        assertEquals("article.published_time: is 1874-12-07T18:40:00Z, before 1900-01-01T00:00:00Z, "
                + "the earliest publication time the store takes", e.getMessage());
        assertEquals(null, ArticleValidator.plausiblePublishedTime(java.time.Instant.parse("1899-12-31T23:59:59Z")));
    }

    private static Article withLanguage(String language) {
        return Article.newBuilder().setContent(ByteString.copyFromUtf8("abc"))
                .setContentType(Article.ContentType.PLAIN_TEXT).setLanguage(language).build();
    }

    @Test
    void oneLineFieldsRefuseControlCharactersNamingTheFieldAndTheCharacter() {
        Article.Builder article = Article.newBuilder().setContent(ByteString.copyFromUtf8("abc"))
                .setContentType(Article.ContentType.PLAIN_TEXT);
        assertRefused("article.title: must not contain control characters (U+001B at character 6)",
                article.clone().setTitle("Talks \u001b[2J"));
        assertRefused("article.source: must not contain control characters (U+007F at character 4)",
                article.clone().setSource("Dawn\u007f"));
        assertRefused("article.url: must not contain control characters (U+000D at character 21)",
                article.clone().setUrl("https://example.com/a\r\nSet-Cookie: x=y"));
        assertRefused("article.language: must not contain control characters (U+0009 at character 2)",
                article.clone().setLanguage("en\t"));
        assertRefused("article.title: must not contain NUL (U+0000) characters", article.clone().setTitle("a\0"));
    }

    @Test
    void contentOfNothingButControlCharactersIsBlank() {
        InvalidArticleException e = assertThrows(InvalidArticleException.class, () -> validator.validate(
                Article.newBuilder().setContent(ByteString.copyFromUtf8("\u0001\u0007 \u001b\n"))
                        .setContentType(Article.ContentType.PLAIN_TEXT).build()));
        assertEquals("article.content: must not be blank (it is only whitespace and control characters)",
                e.getMessage());
    }

    @Test
    void contentMayHoldControlCharactersAmongItsText() {
        assertEquals("a\u0007b", validator.validate(Article.newBuilder().setContent(ByteString.copyFromUtf8("a\u0007b"))
                .setContentType(Article.ContentType.PLAIN_TEXT).build()).content());
    }

    @Test
    void aLanguageLongerThanAnyTagIsRefusedBeforeThePatternReadsIt() {
        // 200,001 characters of subtags: the tag pattern would recurse once per subtag.
        assertRefused("article.language: is 200002 characters, more than the limit of 35 for a BCP-47 language code",
                Article.newBuilder().setContent(ByteString.copyFromUtf8("abc"))
                        .setContentType(Article.ContentType.PLAIN_TEXT).setLanguage("en" + "-a".repeat(100_000)));
    }

    private void assertRefused(String message, Article.Builder article) {
        InvalidArticleException e = assertThrows(InvalidArticleException.class, () -> validator.validate(article.build()));
        assertEquals(message, e.getMessage());
    }
}
