package newsroom.nlp.entities;

/**
 * A proper name found by named-entity recognition, with offsets into the cleaned text.
 *
 * @param title the title NER tagged right before a person's name, lower case ("president" in
 *     "President Zelenskiy"), evidence that two spellings of a surname name one person; empty
 *     when there is none
 */
public record NameMention(String text, int begin, int end, EntityType type, String title) {

    /** A name without a title. */
    public NameMention(String text, int begin, int end, EntityType type) {
        this(text, begin, end, type, "");
    }

    NameMention withTitle(String title) {
        return new NameMention(text, begin, end, type, title);
    }
}
