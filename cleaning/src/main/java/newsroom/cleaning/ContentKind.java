package newsroom.cleaning;

/** How a submitted article's content is encoded. */
public enum ContentKind {
    PLAIN_TEXT,
    HTML
}
