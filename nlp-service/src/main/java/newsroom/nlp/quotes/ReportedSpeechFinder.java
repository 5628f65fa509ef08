package newsroom.nlp.quotes;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import newsroom.nlp.text.Dependency;
import newsroom.nlp.text.Sentence;
import newsroom.nlp.text.Token;

/**
 * Reported speech as the dependency parse shows it, one sentence at a time:
 * <ul>
 * <li>a reporting verb's complement: {@code Qureshi said [the talks had been
 * productive]}, {@code officials believe [the deal will hold]}, {@code she
 * urged them [to vote]} (which complements count for which verb is the
 * lexicon's, {@link CueLexicon#reportsThrough});</li>
 * <li>the clause a reporting verb interrupts or follows: {@code [The talks
 * were productive], he said.};</li>
 * <li>the clause an "according to" phrase modifies: {@code According to
 * officials, [the talks will resume in May].}</li>
 * </ul>
 * The content is the complement's words in the sentence, without a leading
 * "that" or the punctuation around them.
 */
final class ReportedSpeechFinder {

    private final CueLexicon lexicon;

    ReportedSpeechFinder(CueLexicon lexicon) {
        this.lexicon = lexicon;
    }

    List<ReportedClause> find(QuoteContext context) {
        List<ReportedClause> clauses = new ArrayList<>();
        for (Sentence sentence : context.parsed.sentences()) {
            find(context, sentence, clauses);
        }
        return clauses;
    }

    private void find(QuoteContext context, Sentence sentence, List<ReportedClause> clauses) {
        List<Token> tokens = context.tokens;
        for (Token t : sentence.tokens()) {
            if (context.insideAnyQuote(t)) {
                continue; // the speaker's own words report nothing of the article's
            }
            if (AccordingToPhrase.startsAt(tokens, t)) {
                accordingTo(context, sentence, t, clauses);
                continue;
            }
            if (!t.isVerb()) {
                continue;
            }
            for (Dependency d : sentence.dependentsOf(t.index())) {
                if (lexicon.reportsThrough(t, d.relation()) && !reportsOnItsBehalf(context, sentence, d.dependent())) {
                    add(context, sentence, content(context, sentence, d.dependent(), -1), t, clauses);
                }
            }
            Dependency head = sentence.headOf(t.index());
            if (head != null && head.governor() >= 0 && head.relation().equals("parataxis")
                    && lexicon.reportsThrough(t, "parataxis:head")) {
                add(context, sentence, content(context, sentence, head.governor(), t.index()), t, clauses);
            }
        }
    }

    /**
     * "He said, adding that ...": a complement that is a speech verb's
     * participle without a subject of its own carries on its head's report;
     * its own content is the attribution, not the whole "adding that ..." clause.
     */
    private boolean reportsOnItsBehalf(QuoteContext context, Sentence sentence, int complement) {
        Token head = context.tokens.get(complement);
        return head.tag().equals("VBG") && lexicon.isSpeechVerb(head)
                && sentence.dependentsOf(complement).stream().noneMatch(d -> d.relation().startsWith("nsubj"));
    }

    /** "According to officials, the talks will resume": the clause the phrase modifies, without it. */
    private void accordingTo(QuoteContext context, Sentence sentence, Token according, List<ReportedClause> clauses) {
        Dependency source = AccordingToPhrase.sourceEdge(sentence, according);
        if (source == null) {
            return;
        }
        Dependency clause = sentence.headOf(source.governor());
        if (clause == null || clause.governor() < 0) {
            return;
        }
        add(context, sentence, content(context, sentence, clause.governor(), source.governor()), according, clauses);
    }

    /**
     * The words under {@code root} in the sentence, without the subtree of
     * {@code excluded} (-1: none) and without a speech verb's participle that
     * carries the report on ("the plan was sound, [adding that ...]"), which
     * is an attribution of its own.
     */
    private BitSet content(QuoteContext context, Sentence sentence, int root, int excluded) {
        BitSet words = new BitSet();
        int first = sentence.tokens().get(0).index();
        List<Integer> stack = new ArrayList<>(List.of(root));
        while (!stack.isEmpty()) {
            int at = stack.remove(stack.size() - 1);
            if (at == excluded || !sentence.contains(at) || words.get(at - first)
                    || at != root && reportsOnItsBehalf(context, sentence, at)) {
                continue;
            }
            words.set(at - first);
            for (Dependency d : sentence.dependentsOf(at)) {
                stack.add(d.dependent());
            }
        }
        return words;
    }

    private static void add(QuoteContext context, Sentence sentence, BitSet words, Token reporting,
            List<ReportedClause> clauses) {
        List<Token> tokens = sentence.tokens();
        int first = words.nextSetBit(0);
        int last = words.length() - 1;
        while (first >= 0 && first <= last && skippedAtStart(tokens.get(first))) {
            first = words.nextSetBit(first + 1);
        }
        while (last >= first && first >= 0 && skippedAtEnd(tokens.get(last), context)) {
            last = words.previousSetBit(last - 1);
        }
        if (first < 0 || last < first) {
            return;
        }
        clauses.add(new ReportedClause(tokens.get(first).begin(), tokens.get(last).end(), reporting));
    }

    /** A leading "that", "and", a comma or a dash is not part of what was said. */
    private static boolean skippedAtStart(Token t) {
        return t.isPunctuation() && !isQuotationMark(t) || t.word().equalsIgnoreCase("that") && t.tag().equals("IN")
                || t.tag().equals("CC");
    }

    private static boolean skippedAtEnd(Token t, QuoteContext context) {
        return t.isPunctuation() && !isQuotationMark(t);
    }

    private static boolean isQuotationMark(Token t) {
        return t.tag().equals("``") || t.tag().equals("''");
    }
}
