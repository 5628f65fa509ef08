package newsroom.query.console;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import newsroom.nlp.v1.Analysis;
import newsroom.nlp.v1.Entity;
import newsroom.nlp.v1.Mention;

/** An article's cleaned text cut into plain runs and entity mentions, by the analysis' offsets. */
final class MentionedText {

    private record Span(int begin, int end, long entityId, String type) {
    }

    private MentionedText() {
    }

    /**
     * The text's pieces: every named or nominal mention of an entity (pronouns stay plain text)
     * becomes a piece of its own with its global entity; offsets are UTF-16 code units, as Java
     * strings count, and spans that overlap an earlier one or fall outside the text are skipped.
     *
     * @param globalIds the analysis' entity ids mapped to global entity ids (GetArticleResponse)
     */
    static List<TextPiece> of(String text, Analysis analysis, Map<String, Long> globalIds) {
        List<Span> spans = new ArrayList<>();
        for (Entity entity : analysis.getEntitiesList()) {
            long globalId = globalIds.getOrDefault(entity.getId(), 0L);
            for (Mention mention : entity.getMentionsList()) {
                if (mention.getKind() == Mention.Kind.PRONOMINAL) {
                    continue;
                }
                spans.add(new Span(mention.getBegin(), mention.getEnd(), globalId, entity.getType().name()));
            }
        }
        spans.sort(Comparator.comparingInt(Span::begin).thenComparing(Comparator.comparingInt(Span::end).reversed()));
        List<TextPiece> pieces = new ArrayList<>();
        int at = 0;
        for (Span span : spans) {
            if (span.begin() < at || span.end() > text.length() || span.end() <= span.begin()) {
                continue;
            }
            if (span.begin() > at) {
                pieces.add(TextPiece.plain(text.substring(at, span.begin())));
            }
            pieces.add(new TextPiece(text.substring(span.begin(), span.end()), false, span.entityId(), span.type()));
            at = span.end();
        }
        if (at < text.length()) {
            pieces.add(TextPiece.plain(text.substring(at)));
        }
        return pieces;
    }
}
