package newsroom.nlp.entities;

/** A proper name found by named-entity recognition, with offsets into the cleaned text. */
public record NameMention(String text, int begin, int end, EntityType type) {
}
