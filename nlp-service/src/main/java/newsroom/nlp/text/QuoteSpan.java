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

    /**
     * Whether [begin, end) lies inside one of the quotes, marks included:
     * a binary search, as {@link QuoteFinder} gives quotes in text order
     * without overlaps.
     */
    public static boolean anyContains(java.util.List<QuoteSpan> quotes, int begin, int end) {
        int low = 0;
        int high = quotes.size() - 1;
        while (low <= high) {
            int middle = (low + high) >>> 1;
            QuoteSpan quote = quotes.get(middle);
            if (quote.outerEnd() < end) {
                low = middle + 1;
            } else if (quote.outerBegin() > begin) {
                high = middle - 1;
            } else {
                return quote.contains(begin, end);
            }
        }
        return false;
    }
}
