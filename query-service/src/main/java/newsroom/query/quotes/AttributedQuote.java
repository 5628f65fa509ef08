package newsroom.query.quotes;

import newsroom.nlp.v1.AttributionForm;
import newsroom.query.articles.ArticleMetadata;

/**
 * An attribution (quoted words or reported speech) with who said it and where.
 *
 * @param text            DIRECT: the quoted words; MIXED and INDIRECT: the reported content
 * @param speakerEntityId the speaker's global entity; 0 when there is no single identifiable speaker
 * @param speaker         the speaker's canonical name; empty when unknown
 * @param cue             lemma of the cue ("say", "according to"); may be empty
 * @param form            DIRECT, MIXED or INDIRECT
 * @param begin           start offset in the article's cleaned text, UTF-16 code units
 * @param end             end offset in the article's cleaned text, UTF-16 code units, exclusive
 */
public record AttributedQuote(String text, long speakerEntityId, String speaker, String cue, AttributionForm form,
                              ArticleMetadata article, int begin, int end) {
}
