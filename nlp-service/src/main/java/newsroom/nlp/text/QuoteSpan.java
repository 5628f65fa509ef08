package newsroom.nlp.text;

/**
 * Where a direct quote is in the cleaned text.
 *
 * @param outerBegin offset of the opening quotation mark
 * @param begin offset of the first quoted character (just after the mark)
 * @param end offset just after the last quoted character (at the closing mark)
 * @param outerEnd offset just after the closing quotation mark
 */
public record QuoteSpan(int outerBegin, int begin, int end, int outerEnd) {

    public boolean contains(int tokenBegin, int tokenEnd) {
        return tokenBegin >= outerBegin && tokenEnd <= outerEnd;
    }
}
