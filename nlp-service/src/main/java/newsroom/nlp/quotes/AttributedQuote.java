package newsroom.nlp.quotes;

import newsroom.nlp.entities.EntityMention;

/**
 * Words attributed to a speaker: a direct quote, or reported speech with or
 * without quoted words in it.
 *
 * @param text the attributed words: for DIRECT without the quotation marks, for reported speech the content
 * @param begin start of {@code text} in the cleaned text, inclusive
 * @param end end of {@code text} in the cleaned text, exclusive
 * @param speakerEntityId the speaker's document entity id; empty when no single speaker is identified
 * @param speaker the speaker's canonical name; when {@code speakerEntityId} is empty, the words of a
 *     name no entity holds, or empty for nobody
 * @param cue the lemma of the attributing verb, "according to", or empty (a quote continuing the previous one)
 * @param speakerMention the pronoun or role phrase ("he", "the minister") that names the speaker
 *     at the cue, a further mention of the speaker's entity; null when the cue's subject is a name
 * @param form how the words are given
 */
public record AttributedQuote(String text, int begin, int end, String speakerEntityId, String speaker, String cue,
        EntityMention speakerMention, QuoteForm form) {
}
