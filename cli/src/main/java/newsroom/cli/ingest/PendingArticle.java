package newsroom.cli.ingest;

import newsroom.ingest.v1.Article;

/**
 * One article about to be sent: a file, or one line of a JSON Lines file.
 *
 * @param reference  where it came from ({@code path} or {@code path:line}), echoed in its outcome
 * @param article    the article; null when it could not be read
 * @param unreadable why it could not be read; null when it was
 */
public record PendingArticle(String reference, Article article, String unreadable) {
}
