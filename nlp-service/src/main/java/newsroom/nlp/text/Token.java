package newsroom.nlp.text;

/**
 * One token of the analysed text, as the rule stages see it.
 *
 * @param index position in the whole document, from 0
 * @param sentence index of the sentence holding the token, from 0
 * @param word the token's text as written
 * @param lemma the dictionary form ("say" for "said")
 * @param tag the Penn Treebank part-of-speech tag ("NNP", "VBD", "HYPH")
 * @param ner the fine-grained named-entity tag ("PERSON", "COUNTRY", "TITLE", "O")
 * @param begin start offset in the cleaned text, UTF-16 code units, inclusive
 * @param end end offset in the cleaned text, UTF-16 code units, exclusive
 */
public record Token(int index, int sentence, String word, String lemma, String tag, String ner, int begin, int end) {

    public boolean isNoun() {
        return tag.startsWith("NN");
    }

    public boolean isAdjective() {
        return tag.startsWith("JJ");
    }

    public boolean isVerb() {
        return tag.startsWith("VB");
    }

    public boolean isPunctuation() {
        return !word.codePoints().anyMatch(Character::isLetterOrDigit);
    }

    /** The lower-cased lemma, the form lexicons and word lists are keyed by. */
    public String key() {
        return (lemma == null || lemma.isEmpty() ? word : lemma).toLowerCase(java.util.Locale.ROOT);
    }
}
