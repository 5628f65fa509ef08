package newsroom.nlp.quotes;

import java.util.ArrayList;
import java.util.List;
import newsroom.nlp.entities.EntityType;
import newsroom.nlp.text.Dependency;
import newsroom.nlp.text.Sentence;
import newsroom.nlp.text.Token;

/**
 * The speaker stage: from each cue to the words that name the speaker. For a
 * speech verb that is its grammatical subject, looking through "said,
 * adding" chains and up the clause ({@code X went so far as to say}); a verb
 * the parser gave no subject takes the agent of a passive ({@code was written
 * by X}), a person name it made the object of an inverted cue ({@code said
 * 9/11 widow Terry Strada}; never the listener of {@code tell}, {@code ask}),
 * a name right before or after it, and a participle ({@code …, asserting,
 * “…”}) the sentence's named subject. A subject in a party-state parenthesis
 * ({@code Cummings (D-Md.) said}) is the name before it, and a relative
 * {@code who} the noun its clause modifies. The other cues name their speaker
 * themselves.
 */
public final class SpeakerFinder {

    private final CueLexicon lexicon;

    public SpeakerFinder() {
        this(new CueLexicon());
    }

    SpeakerFinder(CueLexicon lexicon) {
        this.lexicon = lexicon;
    }

    public List<SpeakerReference> find(QuoteContext context, List<Cue> cues) {
        List<SpeakerReference> references = new ArrayList<>(cues.size());
        for (Cue cue : cues) {
            references.add(reference(context, cue));
        }
        return references;
    }

    private SpeakerReference reference(QuoteContext context, Cue cue) {
        if (cue instanceof Cue.SpeechVerb verb) {
            return subject(context, verb);
        }
        if (cue instanceof Cue.AccordingTo according) {
            return according.source() == null ? new SpeakerReference.Nobody(cue)
                    : context.nameEntity(according.source()) != null
                    ? new SpeakerReference.Named(cue, according.source())
                    : new SpeakerReference.Subject(cue, according.source(), according.source());
        }
        if (cue instanceof Cue.NamedSpeaker named) {
            return new SpeakerReference.Named(cue, named.name());
        }
        if (cue instanceof Cue.SignedWords signed) {
            return new SpeakerReference.Words(cue, signed.words());
        }
        if (cue instanceof Cue.Continuation continuation) {
            return new SpeakerReference.Continuing(continuation, reference(context, continuation.otherwise()));
        }
        return new SpeakerReference.Nobody(cue);
    }

    private SpeakerReference subject(QuoteContext context, Cue.SpeechVerb cue) {
        Token verb = cue.verb();
        Sentence sentence = context.sentence(verb.sentence());
        Token subject = context.subjectOf(sentence, reportingVerbAbove(context, sentence, verb).index());
        if (subject == null) {
            subject = subjectWithoutNsubj(context, sentence, verb);
        }
        if (subject == null && (verb.tag().equals("VBG") || verb.tag().equals("VBN"))) {
            // "Mr. Trump hardly clarified the matter, …, asserting, “…”": a participle says
            // the words of the person the sentence is about.
            Token about = context.lastNamedPersonSubject(sentence, verb.index());
            if (about != null) {
                return new SpeakerReference.Named(cue, about);
            }
        }
        if (subject == null) {
            return new SpeakerReference.Nobody(cue);
        }
        subject = nameBeforeParentheses(context, sentence, subject);
        return new SpeakerReference.Subject(cue, antecedentOfRelative(context, sentence, subject), subject);
    }

    /**
     * "X said the plan was sound, adding that ...": a speech verb's
     * participle with no subject of its own carries on the report of the
     * nearest speech verb above it, whose subject is the speaker (not the
     * subject of the clause the parser hung it from, "the plan"). Other
     * verbs stand for themselves.
     */
    private Token reportingVerbAbove(QuoteContext context, Sentence sentence, Token verb) {
        if (!verb.tag().equals("VBG") || !lexicon.isSpeechVerb(verb)
                || sentence.dependentsOf(verb.index()).stream().anyMatch(d -> d.relation().startsWith("nsubj"))) {
            return verb;
        }
        int at = verb.index();
        for (int depth = 0; depth < 4; depth++) {
            Dependency head = sentence.headOf(at);
            if (head == null || head.governor() < 0) {
                return verb;
            }
            at = head.governor();
            Token above = context.tokens.get(at);
            if (above.isVerb() && lexicon.isSpeechVerb(above) && !context.insideAnyQuote(above)) {
                return above;
            }
        }
        return verb;
    }

    /**
     * The speaker of a cue the parser gave no subject: the agent of a
     * passive ("was written by Springsteen"), a name the parser made the
     * object of an inverted cue ("…,” said 9/11 widow Terry Strada), a
     * name right before the cue ("…,’” Merkley said, the name parsed as
     * part of the quote) or right after it ("Said Ellis:").
     */
    private Token subjectWithoutNsubj(QuoteContext context, Sentence sentence, Token cue) {
        List<Token> tokens = context.tokens;
        for (Dependency d : sentence.dependentsOf(cue.index())) {
            Token dependent = tokens.get(d.dependent());
            if (context.insideAnyQuote(dependent)) {
                continue;
            }
            boolean byPhrase = d.relation().startsWith("obl") && sentence.dependentsOf(d.dependent()).stream()
                    .anyMatch(c -> c.relation().equals("case") && tokens.get(c.dependent()).word().equalsIgnoreCase("by"));
            if (d.relation().equals("obl:agent") || byPhrase && isPassive(sentence, cue)) {
                return dependent;
            }
            boolean inverted = d.relation().equals("obj") || d.relation().equals("xcomp") || d.relation().equals("dep");
            if (inverted && d.dependent() > cue.index() && !lexicon.isListenerCue(cue) && context.isSpeakerName(dependent)
                    && context.nameEntity(dependent).type() == EntityType.PERSON) {
                return dependent;
            }
        }
        if (cue.index() > 0) {
            Token before = tokens.get(cue.index() - 1);
            if (before.sentence() == cue.sentence() && !context.insideAnyQuote(before) && context.isSpeakerName(before)) {
                return before;
            }
        }
        return invertedName(context, sentence, cue);
    }

    private static boolean isPassive(Sentence sentence, Token verb) {
        return sentence.dependentsOf(verb.index()).stream()
                .anyMatch(d -> d.relation().equals("aux:pass") || d.relation().equals("nsubj:pass"));
    }

    /** "Said Ellis:" where the parser found no subject: a name right after the cue. */
    private static Token invertedName(QuoteContext context, Sentence sentence, Token cue) {
        List<Token> tokens = context.tokens;
        int next = cue.index() + 1;
        if (next < tokens.size() && tokens.get(next).sentence() == sentence.index() && isNameWord(context, tokens.get(next))) {
            int last = next;
            while (last + 1 < tokens.size() && tokens.get(last + 1).sentence() == sentence.index()
                    && isNameWord(context, tokens.get(last + 1))) {
                last++;
            }
            return tokens.get(last);
        }
        return null;
    }

    /** A proper noun, or a word NER put in a name whatever its tag ("said Devine", Devine tagged JJ). */
    private static boolean isNameWord(QuoteContext context, Token t) {
        return t.tag().startsWith("NNP") || context.nameEntity(t) != null;
    }

    /**
     * "Rep. Elijah E. Cummings (D-Md.) said": the parser can make the
     * party and state in parentheses the subject; the name before them is.
     */
    private static Token nameBeforeParentheses(QuoteContext context, Sentence sentence, Token subject) {
        int open = -1;
        for (Token t : sentence.tokens()) {
            if (t.index() > subject.index()) {
                break;
            }
            if (t.tag().equals("-LRB-")) {
                open = t.index();
            } else if (t.tag().equals("-RRB-")) {
                open = -1;
            }
        }
        if (open <= 0 || context.tokens.get(open - 1).sentence() != subject.sentence()) {
            return subject;
        }
        Token before = context.tokens.get(open - 1);
        return context.isSpeakerName(before) ? before : subject;
    }

    /**
     * "Stevie Wonder, who joked", "the report, which found": a relative
     * pronoun subject stands for the noun its clause modifies.
     */
    private static Token antecedentOfRelative(QuoteContext context, Sentence sentence, Token subject) {
        if (!subject.word().equalsIgnoreCase("who") && !subject.word().equalsIgnoreCase("which")) {
            return subject;
        }
        Dependency clause = sentence.headOf(subject.index());
        if (clause == null || clause.governor() < 0) {
            return subject;
        }
        for (int verb = clause.governor(), depth = 0; depth < 3; depth++) {
            Dependency head = sentence.headOf(verb);
            if (head == null || head.governor() < 0) {
                return subject;
            }
            if (head.relation().equals("acl:relcl")) {
                return context.tokens.get(head.governor());
            }
            if (!QuoteContext.climbsToSubject(head.relation())) {
                return subject;
            }
            verb = head.governor();
        }
        return subject;
    }
}
