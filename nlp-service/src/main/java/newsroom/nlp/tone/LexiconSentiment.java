package newsroom.nlp.tone;

import java.util.List;
import java.util.Locale;
import java.util.Set;
import newsroom.nlp.text.Token;

/**
 * Scores a document's tone from a news lexicon ({@link NewsLexicon}), with
 * negation ("not productive" counts against) and intensifiers ("very
 * productive" counts more). The magnitude is the summed absolute weight; the
 * score is the summed signed weight over the magnitude (plus a small constant,
 * so a text with one mild word is not called strongly positive): the balance
 * of positive and negative language, in (-1, 1), independent of length.
 *
 * <p>Limits: it reads words, not meaning. It misses sarcasm, tone carried by
 * facts ("the death toll rose to 40" counts "death" only), who the tone is
 * about, and words outside its list; a quoted politician's upbeat words count
 * as the article's tone. It is a cheap, explainable signal, not a judgement.
 * CoreNLP's sentiment model is not used: it was trained on movie reviews and
 * calls plain diplomatic reporting negative.
 */
public final class LexiconSentiment {

    private static final Set<String> NEGATIONS = Set.of(
            "not", "n't", "no", "never", "without", "neither", "nor", "hardly", "barely", "nothing", "none", "lack");
    private static final Set<String> INTENSIFIERS = Set.of(
            "very", "highly", "extremely", "deeply", "strongly", "really", "most", "particularly", "greatly");
    private static final int NEGATION_WINDOW = 3;
    private static final double NEGATION_FACTOR = -0.7;
    private static final double INTENSIFIER_FACTOR = 1.3;
    /** Damps the score of texts with little tonal evidence: one mild word is not a verdict. */
    private static final double SMOOTHING = 4.0;

    private final NewsLexicon lexicon = new NewsLexicon();

    public Tone score(List<Token> tokens) {
        double sum = 0;
        double magnitude = 0;
        for (int i = 0; i < tokens.size(); i++) {
            Token token = tokens.get(i);
            double weight = lexicon.weight(token.key(), token.word().toLowerCase(Locale.ROOT));
            if (weight == 0) {
                continue;
            }
            if (i > 0 && INTENSIFIERS.contains(tokens.get(i - 1).word().toLowerCase(Locale.ROOT))) {
                weight *= INTENSIFIER_FACTOR;
            }
            if (negated(tokens, i)) {
                weight *= NEGATION_FACTOR;
            }
            sum += weight;
            magnitude += Math.abs(weight);
        }
        double score = sum / (magnitude + SMOOTHING);
        return new Tone(score, magnitude);
    }

    /** A negation within three words before, in the same sentence, and not across a comma. */
    private static boolean negated(List<Token> tokens, int index) {
        for (int j = index - 1; j >= 0 && j >= index - NEGATION_WINDOW; j--) {
            Token before = tokens.get(j);
            if (before.sentence() != tokens.get(index).sentence() || before.word().equals(",")) {
                return false;
            }
            if (NEGATIONS.contains(before.word().toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
