package newsroom.cleaning;

/**
 * A submitted article after cleaning.
 *
 * @param text     the clean text: paragraphs separated by one blank line
 * @param metadata what the page said about itself; {@link PageMetadata#NONE} for plain text
 */
public record CleanedArticle(String text, PageMetadata metadata) {
}
