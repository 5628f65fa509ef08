package newsroom.nlp.tone;

/**
 * The tone of a text.
 *
 * @param score overall tone in [-1, 1]
 * @param magnitude total emotional weight, positive and negative together, in [0, +inf)
 */
public record Tone(double score, double magnitude) {
}
