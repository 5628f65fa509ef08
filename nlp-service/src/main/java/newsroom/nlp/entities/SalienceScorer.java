package newsroom.nlp.entities;

import java.util.List;

/**
 * How central an entity is, before normalisation: every mention counts, names
 * more than descriptions and descriptions more than pronouns, and early
 * mentions count up to 1.5 times as much as the last ones, because news puts
 * what matters most in the headline and the first paragraphs.
 */
final class SalienceScorer {

    double rawScore(List<EntityMention> mentions, int textLength) {
        double score = 0;
        for (EntityMention m : mentions) {
            double weight = switch (m.kind()) {
                case NAME -> 1.0;
                case NOMINAL -> 0.6;
                case PRONOMINAL -> 0.4;
            };
            double position = textLength <= 0 ? 0 : (double) m.begin() / textLength;
            score += weight * (1.0 + 0.5 * (1.0 - position));
        }
        return score;
    }
}
