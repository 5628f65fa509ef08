package newsroom.nlp.text;

/**
 * One edge of a sentence's basic (tree-shaped) Universal Dependencies parse.
 *
 * @param governor document token index of the head; -1 for the root
 * @param dependent document token index of the dependent
 * @param relation the relation name ("nsubj", "conj", "obl:tmod")
 */
public record Dependency(int governor, int dependent, String relation) {
}
