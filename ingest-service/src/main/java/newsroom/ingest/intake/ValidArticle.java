package newsroom.ingest.intake;

import java.time.Instant;
import newsroom.cleaning.ContentKind;

/**
 * A submitted article that passed validation, decoded.
 *
 * @param url           the article's URL; null when none was given
 * @param publishedAt   when it was published; null when not given
 * @param content       the raw content, decoded from UTF-8
 * @param contentSha256 hex SHA-256 of the raw content bytes
 * @param language      BCP-47 language code, "en" when none was given
 * @param languageGiven whether the client named the language (otherwise it is detected)
 * @param author        the byline's name; empty when none was given
 * @param canonicalUrl  the address the page names as its own, normalised; null when none (or not well formed)
 */
public record ValidArticle(String url, String source, String title, Instant publishedAt, String content,
                           String contentSha256, ContentKind kind, String language, boolean languageGiven,
                           String author, String canonicalUrl) {
}
