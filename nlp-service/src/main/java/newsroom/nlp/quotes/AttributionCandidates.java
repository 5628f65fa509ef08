package newsroom.nlp.quotes;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import newsroom.nlp.text.ParsedText;
import newsroom.nlp.text.QuoteSpan;
import newsroom.nlp.text.Sentence;
import newsroom.nlp.text.Token;

/**
 * The candidate stage: every stretch of text that may be someone's words.
 * Each quotation is a candidate (DIRECT); each reported clause the parse
 * shows ({@link ReportedSpeechFinder}) is one too: MIXED when it holds a
 * quotation, INDIRECT when it holds none. A reported clause that is nothing
 * but a quotation ({@code He said: “…”}) stays the DIRECT quote, with the
 * quote's offsets; a quotation inside a longer reported clause is part of
 * that MIXED candidate, not a candidate of its own.
 */
public final class AttributionCandidates {

    /** How far up the parse a quotation's clause may be looked for. */
    private static final int NARRATIVE_STEPS = 4;

    private final CueLexicon lexicon;
    private final ReportedSpeechFinder reported;

    public AttributionCandidates() {
        this(new CueLexicon());
    }

    AttributionCandidates(CueLexicon lexicon) {
        this.lexicon = lexicon;
        this.reported = new ReportedSpeechFinder(lexicon);
    }

    public List<AttributionCandidate> find(QuoteContext context) {
        List<QuoteSpan> quotes = context.spans;
        List<AttributionCandidate> candidates = new ArrayList<>();
        boolean[] absorbed = new boolean[quotes.size()];
        for (ReportedClause clause : reported.find(context)) {
            List<QuoteSpan> inside = new ArrayList<>();
            int begin = clause.begin();
            int end = clause.end();
            for (int q = 0; q < quotes.size(); q++) {
                QuoteSpan quote = quotes.get(q);
                if (quote.outerBegin() < end && quote.outerEnd() > begin) {
                    inside.add(quote);
                }
            }
            if (!inside.isEmpty() && onlyQuotations(context.parsed, begin, end, inside)) {
                continue; // "He said: “…”": the quotation is the attribution, with its own offsets
            }
            for (QuoteSpan quote : inside) {
                // "footage shows X saying “…”": the quotation is X's, with a cue of its own inside the
                // clause, and stays an attribution of its own beside the clause that reports it.
                Token own = CueFinder.governingCue(context, lexicon, context.inside(quote));
                if (own == null || own.equals(clause.reportingWord()) || own.begin() < clause.begin()
                        || own.end() > clause.end()) {
                    absorbed[quotes.indexOf(quote)] = true;
                }
                begin = Math.min(begin, quote.outerBegin());
                end = Math.max(end, quote.outerEnd());
            }
            candidates.add(new AttributionCandidate(begin, end, inside.isEmpty() ? QuoteForm.INDIRECT : QuoteForm.MIXED,
                    inside, clause.reportingWord()));
        }
        for (int q = 0; q < quotes.size(); q++) {
            if (!absorbed[q]) {
                AttributionCandidate inNarrative = partOfNarrative(context, quotes.get(q));
                candidates.add(inNarrative != null ? inNarrative : AttributionCandidate.direct(quotes.get(q)));
            }
        }
        candidates.sort(Comparator.comparingInt(AttributionCandidate::begin).thenComparingInt(AttributionCandidate::end));
        return candidates;
    }

    /**
     * A quotation no speech verb introduces (none in its sentence, no colon
     * before it), inside a clause of narrative
     * ({@code Trump called Putin a “strong leader”}, {@code blamed police
     * shootings on “implicit bias” against minorities}): the words are the
     * subject's, given partly in the writer's words, so the attribution is
     * the verb's complement that holds the quotation, MIXED, with the verb as
     * its cue. Null when a speech verb governs the quotation, when no verb
     * outside quotation marks does, or when the complement is the quotation
     * alone (it stays DIRECT).
     */
    private AttributionCandidate partOfNarrative(QuoteContext context, QuoteSpan quote) {
        List<Token> inside = context.inside(quote);
        if (inside.isEmpty() || introducedByColon(context, quote) || speechVerbNear(context, quote)) {
            return null;
        }
        Token top = null;
        for (Token t : inside) {
            var head = context.sentence(t.sentence()).headOf(t.index());
            if (head != null && head.governor() >= 0 && !context.insideAnyQuote(context.tokens.get(head.governor()))
                    && !t.isPunctuation()) {
                top = t;
                break;
            }
        }
        if (top == null) {
            return null;
        }
        Sentence sentence = context.sentence(top.sentence());
        int child = top.index();
        for (int depth = 0; depth < NARRATIVE_STEPS; depth++) {
            var head = sentence.headOf(child);
            if (head == null || head.governor() < 0) {
                return null;
            }
            Token governor = context.tokens.get(head.governor());
            if (governor.isVerb() && !context.insideAnyQuote(governor)) {
                if (head.relation().startsWith("nsubj") || head.relation().equals("punct")) {
                    return null;
                }
                int[] span = subtreeSpan(sentence, child);
                int begin = Math.min(context.tokens.get(span[0]).begin(), quote.outerBegin());
                int end = Math.max(context.tokens.get(span[1]).end(), quote.outerEnd());
                if (onlyQuotations(context.parsed, begin, end, List.of(quote))) {
                    return null;
                }
                return new AttributionCandidate(begin, end, QuoteForm.MIXED, List.of(quote), governor);
            }
            child = head.governor();
        }
        return null;
    }

    /** "… the pollster Tom Becker: “…”": a quotation after a colon is an utterance of its own. */
    private static boolean introducedByColon(QuoteContext context, QuoteSpan quote) {
        String text = context.parsed.text();
        int at = quote.outerBegin() - 1;
        while (at >= 0 && Character.isWhitespace(text.charAt(at))) {
            at--;
        }
        return at >= 0 && text.charAt(at) == ':';
    }

    /** Whether a speech verb outside quotation marks shares a sentence with the quotation: the cue stage's. */
    private boolean speechVerbNear(QuoteContext context, QuoteSpan quote) {
        for (int s = context.firstSentence(quote); s <= context.lastSentence(quote); s++) {
            Sentence sentence = context.sentence(s);
            for (Token t : sentence.tokens()) {
                if (!context.insideAnyQuote(t) && lexicon.isQuoteCue(t, sentence, context.tokens)) {
                    return true;
                }
            }
        }
        return false;
    }

    /** First and last token of a token's subtree in its sentence. */
    private static int[] subtreeSpan(Sentence sentence, int root) {
        int first = root;
        int last = root;
        java.util.ArrayDeque<Integer> stack = new java.util.ArrayDeque<>(List.of(root));
        while (!stack.isEmpty()) {
            int at = stack.pop();
            first = Math.min(first, at);
            last = Math.max(last, at);
            sentence.dependentsOf(at).forEach(d -> stack.push(d.dependent()));
        }
        return new int[] {first, last};
    }

    /** Whether [begin, end) holds nothing but the quotations, punctuation and spaces. */
    private static boolean onlyQuotations(ParsedText parsed, int begin, int end, List<QuoteSpan> quotes) {
        String text = parsed.text();
        int at = begin;
        for (QuoteSpan quote : quotes) {
            if (hasWords(text, at, Math.max(at, quote.outerBegin()))) {
                return false;
            }
            at = Math.max(at, quote.outerEnd());
        }
        return !hasWords(text, at, end);
    }

    private static boolean hasWords(String text, int begin, int end) {
        for (int i = begin; i < end; i++) {
            if (Character.isLetterOrDigit(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }
}
