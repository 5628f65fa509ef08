package newsroom.nlp.quotes;

import newsroom.nlp.text.Token;

/**
 * The content of reported speech and the word that reports it.
 *
 * @param begin start of the content in the cleaned text, inclusive
 * @param end end of the content, exclusive
 * @param reportingWord the speech or cognition verb, or "according" of "according to"
 */
record ReportedClause(int begin, int end, Token reportingWord) {
}
