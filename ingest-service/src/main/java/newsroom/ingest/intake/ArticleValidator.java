package newsroom.ingest.intake;

import com.google.protobuf.ByteString;
import com.google.protobuf.Timestamp;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Locale;
import newsroom.cleaning.ContentKind;
import newsroom.ingest.v1.Article;

/**
 * Checks a submitted article field by field and decodes it. Every rejection
 * names the field, so a client can fix its request without reading our code.
 */
public final class ArticleValidator {

    static final int MAX_URL_CHARS = 2048;
    static final int MAX_TITLE_CHARS = 1000;
    static final int MAX_SOURCE_CHARS = 200;
    static final int MAX_AUTHOR_CHARS = 200;
    /** RFC 5646 asks implementations to take tags of at least 35 characters; no real tag is longer. */
    static final int MAX_LANGUAGE_CHARS = 35;
    static final String DEFAULT_LANGUAGE = "en";

    // The range google.protobuf.Timestamp allows: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.
    private static final long MIN_TIMESTAMP_SECONDS = -62_135_596_800L;
    private static final long MAX_TIMESTAMP_SECONDS = 253_402_300_799L;
    private static final int MAX_NANOS = 999_999_999;
    /** Clocks and time zones differ: a day ahead is a mistake of zone, more is a mistake of date. */
    private static final java.time.Duration FUTURE_TOLERANCE = java.time.Duration.ofDays(1);
    /**
     * The earliest publication time taken. Each month an article falls in gets its own partitions
     * (store's MonthPartitions), so a floor bounds how many tables a client can make the store
     * create; 1900 keeps any archive of modern news.
     */
    static final Instant OLDEST_PUBLISHED = Instant.parse("1900-01-01T00:00:00Z");

    private final int maxContentBytes;

    public ArticleValidator(int maxContentBytes) {
        this.maxContentBytes = maxContentBytes;
    }

    /** The article, decoded; throws {@link InvalidArticleException} naming the first bad field. */
    public ValidArticle validate(Article article) {
        if (article == null) {
            throw new InvalidArticleException("article", "is required");
        }
        String content = content(article.getContent());
        ContentKind kind = contentKind(article);
        String url = url(article.getUrl());
        String source = boundedText("article.source", article.getSource(), MAX_SOURCE_CHARS);
        String title = boundedText("article.title", article.getTitle(), MAX_TITLE_CHARS);
        Instant publishedAt = article.hasPublishedTime() ? publishedAt(article.getPublishedTime()) : null;
        String language = language(article.getLanguage());
        String author = boundedText("article.author", article.getAuthor(), MAX_AUTHOR_CHARS);
        return new ValidArticle(url, source, title, publishedAt, content, sha256Hex(article.getContent()), kind,
                language, !article.getLanguage().isEmpty(), author, null);
    }

    private String content(ByteString bytes) {
        if (bytes.isEmpty()) {
            throw new InvalidArticleException("article.content", "must not be empty");
        }
        if (bytes.size() > maxContentBytes) {
            throw new InvalidArticleException("article.content", "is " + bytes.size()
                    + " bytes, more than the limit of " + maxContentBytes + " bytes");
        }
        String text = strictUtf8(bytes);
        if (text.indexOf('\0') >= 0) {
            throw new InvalidArticleException("article.content", "must not contain NUL (U+0000) characters");
        }
        if (isBlank(text)) {
            throw new InvalidArticleException("article.content",
                    "must not be blank (it is only whitespace and control characters)");
        }
        return text;
    }

    private static String strictUtf8(ByteString bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer buffer = bytes.asReadOnlyByteBuffer();
        try {
            return decoder.decode(buffer).toString();
        } catch (CharacterCodingException e) {
            throw new InvalidArticleException("article.content",
                    "is not valid UTF-8 (bad byte sequence at byte " + buffer.position() + ")");
        }
    }

    /** Blank: nothing but whitespace, spaces of any width, invisible format characters and control characters. */
    private static boolean isBlank(String text) {
        return text.codePoints().allMatch(c -> Character.isWhitespace(c) || Character.isSpaceChar(c)
                || Character.getType(c) == Character.FORMAT || Character.isISOControl(c));
    }

    private static ContentKind contentKind(Article article) {
        return switch (article.getContentType()) {
            case PLAIN_TEXT -> ContentKind.PLAIN_TEXT;
            case HTML -> ContentKind.HTML;
            case CONTENT_TYPE_UNSPECIFIED -> throw new InvalidArticleException("article.content_type",
                    "is required: PLAIN_TEXT or HTML");
            case UNRECOGNIZED -> throw new InvalidArticleException("article.content_type",
                    "unknown value " + article.getContentTypeValue() + "; use PLAIN_TEXT or HTML");
        };
    }

    private static String url(String url) {
        if (url.isEmpty()) {
            return null;
        }
        if (url.length() > MAX_URL_CHARS) {
            throw new InvalidArticleException("article.url",
                    "is " + url.length() + " characters, more than the limit of " + MAX_URL_CHARS);
        }
        rejectControlCharacters("article.url", url);
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new InvalidArticleException("article.url", "is not a valid URL: " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!uri.isAbsolute() || !(scheme.equals("http") || scheme.equals("https"))
                || uri.getHost() == null || uri.getHost().isEmpty()) {
            throw new InvalidArticleException("article.url", "must be an absolute http or https URL");
        }
        return url;
    }

    /**
     * A page's canonical URL when it would pass as a submitted one; null otherwise, since a
     * page's own markup must never make a submission fail.
     */
    static String canonicalUrl(String url) {
        if (url == null) {
            return null;
        }
        try {
            return url(url);
        } catch (InvalidArticleException e) {
            return null;
        }
    }

    private static String boundedText(String field, String text, int maxChars) {
        int chars = text.codePointCount(0, text.length());
        if (chars > maxChars) {
            throw new InvalidArticleException(field,
                    "is " + chars + " characters, more than the limit of " + maxChars);
        }
        rejectControlCharacters(field, text);
        return text;
    }

    /**
     * A one-line field (url, source, title, language) holds no control characters: NUL cannot be
     * stored in PostgreSQL's text, and the others (line breaks, escape sequences) would reach a
     * terminal or a log line as commands, not as text.
     */
    private static void rejectControlCharacters(String field, String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\0') {
                throw new InvalidArticleException(field, "must not contain NUL (U+0000) characters");
            }
            if (Character.isISOControl(c)) {
                throw new InvalidArticleException(field, String.format(
                        "must not contain control characters (U+%04X at character %d)", (int) c, i));
            }
        }
    }

    private static Instant publishedAt(Timestamp time) {
        if (time.getSeconds() < MIN_TIMESTAMP_SECONDS || time.getSeconds() > MAX_TIMESTAMP_SECONDS
                || time.getNanos() < 0 || time.getNanos() > MAX_NANOS) {
            throw new InvalidArticleException("article.published_time", "is not a valid time (seconds "
                    + time.getSeconds() + ", nanos " + time.getNanos()
                    + "): it must lie between 0001-01-01 and 9999-12-31 with nanos in [0, 999999999]");
        }
        Instant published = Instant.ofEpochSecond(time.getSeconds(), time.getNanos());
        if (published.isBefore(OLDEST_PUBLISHED)) {
            throw new InvalidArticleException("article.published_time", "is " + published
                    + ", before " + OLDEST_PUBLISHED + ", the earliest publication time the store takes");
        }
        if (published.isAfter(Instant.now().plus(FUTURE_TOLERANCE))) {
            throw new InvalidArticleException("article.published_time", "is " + published
                    + ", in the future: an article cannot be published later than it is submitted");
        }
        return published;
    }

    /**
     * A page's own author when it would pass as a submitted one (trimmed, at most
     * {@link #MAX_AUTHOR_CHARS} characters, one line); empty otherwise.
     */
    static String plausibleAuthor(String author) {
        String trimmed = author.strip();
        if (trimmed.codePointCount(0, trimmed.length()) > MAX_AUTHOR_CHARS
                || trimmed.chars().anyMatch(Character::isISOControl)) {
            return "";
        }
        return trimmed;
    }

    /**
     * A page's own published time, or null when it lies in the future or before the earliest taken
     * (a page's markup never fails a submission).
     */
    static Instant plausiblePublishedTime(Instant time) {
        return time == null || time.isAfter(Instant.now().plus(FUTURE_TOLERANCE)) || time.isBefore(OLDEST_PUBLISHED)
                ? null : time;
    }

    private static String language(String language) {
        if (language.isEmpty()) {
            return DEFAULT_LANGUAGE;
        }
        if (language.length() > MAX_LANGUAGE_CHARS) {
            throw new InvalidArticleException("article.language", "is " + language.length()
                    + " characters, more than the limit of " + MAX_LANGUAGE_CHARS + " for a BCP-47 language code");
        }
        rejectControlCharacters("article.language", language);
        if (!isLanguageTag(language)) {
            throw new InvalidArticleException("article.language", "is not a BCP-47 language code (\"en\", \"pt-BR\")");
        }
        return language;
    }

    /**
     * Two to eight letters, then any number of subtags of one to eight letters or digits, each
     * after a hyphen. Scanned by hand: the pattern {@code [A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*}
     * recurses once per subtag in java.util.regex, and a long enough string of "-a" overflowed
     * the stack.
     */
    static boolean isLanguageTag(String tag) {
        int subtagStart = 0;
        for (int i = 0; i <= tag.length(); i++) {
            if (i < tag.length() && tag.charAt(i) != '-') {
                char c = tag.charAt(i);
                boolean letter = c >= 'A' && c <= 'Z' || c >= 'a' && c <= 'z';
                if (!letter && !(subtagStart > 0 && c >= '0' && c <= '9')) {
                    return false;
                }
                continue;
            }
            int length = i - subtagStart;
            if (length < (subtagStart == 0 ? 2 : 1) || length > 8) {
                return false;
            }
            subtagStart = i + 1;
        }
        return true;
    }

    private static String sha256Hex(ByteString bytes) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(bytes.asReadOnlyByteBuffer());
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JVM has SHA-256", e);
        }
    }
}
