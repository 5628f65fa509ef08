package newsroom.store;

/** Where a stored article is in its life; the values of {@code article.status}. */
public enum ArticleState {
    /** Stored, waiting for analysis or being analysed. */
    ACCEPTED,
    /** Analysed; its mentions and quotes are stored. */
    ANALYZED,
    /** Analysis failed for good; {@code last_error} says why. */
    FAILED,
    /** Stored but not analysed: its language is not one the NLP pipeline reads. */
    UNSUPPORTED_LANGUAGE
}
