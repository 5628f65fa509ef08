package newsroom.nlp.quotes;

/**
 * A direct quote with its speaker.
 *
 * @param text the quoted words, without the quotation marks
 * @param speakerEntityId the speaker's document entity id; empty when no single speaker is identified
 * @param speaker the speaker's canonical name; empty when {@code speakerEntityId} is
 * @param cue the lemma of the attributing verb; empty when the quote continues the previous one
 */
public record AttributedQuote(String text, int begin, int end, String speakerEntityId, String speaker, String cue) {
}
