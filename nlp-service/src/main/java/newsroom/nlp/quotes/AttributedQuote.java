package newsroom.nlp.quotes;

import newsroom.nlp.entities.EntityMention;

/**
 * A direct quote with its speaker.
 *
 * @param text the quoted words, without the quotation marks
 * @param speakerEntityId the speaker's document entity id; empty when no single speaker is identified
 * @param speaker the speaker's canonical name; when {@code speakerEntityId} is empty, the words of a
 *     name no entity holds, or empty for nobody
 * @param cue the lemma of the attributing verb; empty when the quote continues the previous one
 * @param speakerMention the pronoun or role phrase ("he", "the minister") that names the speaker
 *     at the cue, a further mention of the speaker's entity; null when the cue's subject is a name
 */
public record AttributedQuote(String text, int begin, int end, String speakerEntityId, String speaker, String cue,
        EntityMention speakerMention) {
}
