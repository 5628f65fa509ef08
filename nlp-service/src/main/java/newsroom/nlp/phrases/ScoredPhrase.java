package newsroom.nlp.phrases;

/** A phrase that says what a document is about, with a score in [0, 1]. */
public record ScoredPhrase(String text, double score) {
}
