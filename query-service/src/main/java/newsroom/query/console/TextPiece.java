package newsroom.query.console;

import java.util.ArrayList;
import java.util.List;

/**
 * A run of stored text as a page shows it: plain, marked (a search match) or an entity
 * mention. Templates print {@link #text} escaped, always; the markup around it comes from the
 * template, never from the text, so stored text cannot add elements to a page.
 *
 * @param text       the characters, unescaped
 * @param marked     a word of the search
 * @param entityId   the mentioned global entity; 0 when not a mention, or a mention of an
 *                   entity the store has not resolved
 * @param entityType the mentioned entity's type ("PERSON"); empty when not a mention
 */
public record TextPiece(String text, boolean marked, long entityId, String entityType) {

    private static final String MATCH_START = "<b>";
    private static final String MATCH_END = "</b>";

    static TextPiece plain(String text) {
        return new TextPiece(text, false, 0, "");
    }

    /** Whether the piece is an entity mention (linked when {@link #entityId} is set). */
    public boolean mention() {
        return !entityType.isEmpty();
    }

    /**
     * A search snippet's pieces: SearchArticles puts the query's words between {@code <b>} and
     * {@code </b>} and does not escape the text otherwise, so only those markers become marks
     * and everything else stays text (a literal "<b>" in an article marks, harmlessly).
     */
    static List<TextPiece> ofSnippet(String snippet) {
        List<TextPiece> pieces = new ArrayList<>();
        boolean inMatch = false;
        int at = 0;
        while (at < snippet.length()) {
            String marker = inMatch ? MATCH_END : MATCH_START;
            int next = snippet.indexOf(marker, at);
            int end = next < 0 ? snippet.length() : next;
            if (end > at) {
                pieces.add(new TextPiece(snippet.substring(at, end), inMatch, 0, ""));
            }
            if (next < 0) {
                break;
            }
            at = next + marker.length();
            inMatch = !inMatch;
        }
        return pieces;
    }
}
