package newsroom.nlp.quotes;

import java.util.List;
import newsroom.nlp.text.Dependency;
import newsroom.nlp.text.Sentence;
import newsroom.nlp.text.Token;

/**
 * "According to X": the parse makes "according" (with "to") the case
 * marker of X, and X a modifier of the clause it sources.
 */
final class AccordingToPhrase {

    private AccordingToPhrase() {
    }

    static boolean startsAt(List<Token> tokens, Token t) {
        return t.word().equalsIgnoreCase("according") && t.index() + 1 < tokens.size()
                && tokens.get(t.index() + 1).word().equalsIgnoreCase("to");
    }

    /** The edge from "according" to X's head, or null when the parse does not read it so. */
    static Dependency sourceEdge(Sentence sentence, Token according) {
        Dependency source = sentence.headOf(according.index());
        return source == null || source.governor() < 0 || !source.relation().equals("case") ? null : source;
    }

    /**
     * The word that names the source: X's head, or for "according to a
     * statement from the ministry" the name the head's "from"/"by"/"of"
     * phrase holds; null when the parse does not show one.
     */
    static Token source(QuoteContext context, Token according) {
        Sentence sentence = context.sentence(according.sentence());
        Dependency edge = sourceEdge(sentence, according);
        if (edge == null) {
            return null;
        }
        Token head = context.tokens.get(edge.governor());
        if (context.nameEntity(head) == null) {
            for (Dependency d : sentence.dependentsOf(head.index())) {
                Token dependent = context.tokens.get(d.dependent());
                if (d.relation().startsWith("nmod") && context.isSpeakerName(dependent)) {
                    return dependent;
                }
            }
        }
        return head;
    }
}
