package newsroom.query.quotes;

import newsroom.query.articles.ArticleSummary;

/**
 * A direct quote with who said it and where.
 *
 * @param speakerEntityId the speaker's global entity; 0 when there is no single identifiable speaker
 * @param speaker         the speaker's canonical name; empty when unknown
 * @param cue             lemma of the attributing verb ("say"); may be empty
 * @param begin           start offset in the article's cleaned text, UTF-16 code units
 * @param end             end offset in the article's cleaned text, UTF-16 code units, exclusive
 */
public record AttributedQuote(String text, long speakerEntityId, String speaker, String cue,
                              ArticleSummary article, int begin, int end) {
}
