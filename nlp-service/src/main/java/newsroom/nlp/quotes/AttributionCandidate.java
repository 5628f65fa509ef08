package newsroom.nlp.quotes;

import java.util.List;
import newsroom.nlp.text.QuoteSpan;
import newsroom.nlp.text.Token;

/**
 * Words that may be someone's, before anyone is found to have said them:
 * a quotation (DIRECT), or the content of reported speech with or without
 * quoted words in it (MIXED, INDIRECT).
 *
 * @param begin start of the content in the cleaned text, inclusive (for DIRECT just after the opening mark)
 * @param end end of the content, exclusive (for DIRECT at the closing mark)
 * @param form how the words are given
 * @param quotes the quotations the content holds, in order: one for DIRECT, any for MIXED, none for INDIRECT
 * @param reportingWord for reported speech, the word that reports it: the speech or cognition verb
 *     ("said", "believes") or "according" of "according to"; null for DIRECT, whose cue the
 *     cue stage finds
 */
public record AttributionCandidate(int begin, int end, QuoteForm form, List<QuoteSpan> quotes, Token reportingWord) {

    public AttributionCandidate {
        quotes = List.copyOf(quotes);
    }

    static AttributionCandidate direct(QuoteSpan quote) {
        return new AttributionCandidate(quote.begin(), quote.end(), QuoteForm.DIRECT, List.of(quote), null);
    }

    /** The quotation of a DIRECT candidate. */
    QuoteSpan quote() {
        return quotes.get(0);
    }

    /** Where the candidate starts, quotation marks included. */
    int outerBegin() {
        return quotes.isEmpty() ? begin : Math.min(begin, quotes.get(0).outerBegin());
    }
}
