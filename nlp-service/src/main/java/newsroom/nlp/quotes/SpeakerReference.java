package newsroom.nlp.quotes;

import newsroom.nlp.text.Token;

/**
 * The words that name a candidate's speaker, as the speaker stage finds them
 * from its cue, before coreference says which entity they refer to.
 */
public sealed interface SpeakerReference {

    /** The cue the reference was found from. */
    Cue cue();

    /**
     * A speech verb's subject: a name, a pronoun ("he"), a description ("the
     * minister", "the company") or a plural ("both countries").
     *
     * @param subject the word coreference resolves: the head of the subject, or for a relative
     *     "who" the noun its clause modifies
     * @param written the subject as written (the "who" itself), for the mention coreference adds
     */
    record Subject(Cue cue, Token subject, Token written) implements SpeakerReference {
    }

    /** A token of a speaker's name: the speaker is the entity the name belongs to. */
    record Named(Cue cue, Token name) implements SpeakerReference {
    }

    /** The words of a name no entity holds ("said Caddell" where NER found no person). */
    record Words(Cue cue, String words) implements SpeakerReference {
    }

    /** No one: a cue without a subject, or nothing attributing the words at all. */
    record Nobody(Cue cue) implements SpeakerReference {
    }

    /** The previous quote's speaker, if the quote continues it ({@link Cue.Continuation}); else {@code otherwise}. */
    record Continuing(Cue.Continuation cue, SpeakerReference otherwise) implements SpeakerReference {
    }
}
