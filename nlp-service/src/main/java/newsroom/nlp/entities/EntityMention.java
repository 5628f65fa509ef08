package newsroom.nlp.entities;

/** One place in the cleaned text that refers to a document entity. */
public record EntityMention(String text, int begin, int end, MentionKind kind) {
}
