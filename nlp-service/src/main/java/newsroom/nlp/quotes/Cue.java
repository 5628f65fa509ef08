package newsroom.nlp.quotes;

import java.util.List;
import newsroom.nlp.text.Token;

/**
 * What attributes a candidate to someone, as the cue stage finds it: a
 * speech or cognition verb, whose subject the speaker stage then looks for,
 * or one of the ways news names a speaker without one.
 */
public sealed interface Cue {

    /** The cue as the contract's {@code Quote.cue} gives it: a lemma, "according to", or empty. */
    String lemma();

    /** The sentence of a speech verb; -1 for the other cues. */
    default int verbSentence() {
        return -1;
    }

    /** {@code X said}, {@code said X}, {@code X told reporters}, {@code X believes}: the verb's subject speaks. */
    record SpeechVerb(Token verb) implements Cue {
        @Override
        public String lemma() {
            return verb.key();
        }

        @Override
        public int verbSentence() {
            return verb.sentence();
        }
    }

    /** {@code according to X}: {@code source} is X's word (a name, or the head of a description). */
    record AccordingTo(Token according, Token source) implements Cue {
        @Override
        public String lemma() {
            return "according to";
        }
    }

    /**
     * A speaker named without a speech verb: {@code pollster Daron Shaw: “…”}
     * (a colon), {@code “…” ― Pamela Padilla} (a signature), or the named
     * subject of the narrative a partial quote sits in ({@code Trump attacked
     * “the hateful ideology …”}). {@code name} is a token of the speaker's name.
     */
    record NamedSpeaker(Token name) implements Cue {
        @Override
        public String lemma() {
            return "";
        }
    }

    /** A signature whose words no entity holds: the words themselves. */
    record SignedWords(String words) implements Cue {
        @Override
        public String lemma() {
            return "";
        }
    }

    /**
     * A quote with no cue of its own that may continue the previous quote:
     * it does when the previous quote has a speaker and the two are adjacent
     * (the same or the next sentence), or in one paragraph with no other named
     * person as a subject between them. Whether the previous quote has a
     * speaker is known only after coreference, so {@code otherwise} is the
     * cue to use when it does not continue.
     *
     * @param adjacent the quote starts at most one sentence after the previous one's last sentence or cue
     * @param sameParagraph no line break lies between the previous quote's end and this one
     * @param subjectsBetween the named persons that are subjects of the sentences in between
     */
    record Continuation(boolean adjacent, boolean sameParagraph, List<Token> subjectsBetween, Cue otherwise)
            implements Cue {
        @Override
        public String lemma() {
            return "";
        }
    }

    /** Nothing attributes the words. */
    record None() implements Cue {
        @Override
        public String lemma() {
            return "";
        }
    }
}
