package newsroom.nlp.text;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One sentence: its tokens (document indices, in order) and its dependency
 * tree. The tree is indexed once, so finding a token's head or dependents
 * costs the same in a sentence of 10 tokens or of 5,000.
 */
public final class Sentence {

    private final int index;
    private final List<Token> tokens;
    private final List<Dependency> dependencies;
    /** By position in the sentence: the edge to the token's head, or null for a root or an unparsed token. */
    private final Dependency[] heads;
    /** By position in the sentence: the edges to the token's dependents, in the order of the parse's edges. */
    private final List<List<Dependency>> dependents;

    public Sentence(int index, List<Token> tokens, List<Dependency> dependencies) {
        this.index = index;
        this.tokens = List.copyOf(tokens);
        this.dependencies = List.copyOf(dependencies);
        int first = this.tokens.isEmpty() ? 0 : this.tokens.get(0).index();
        this.heads = new Dependency[this.tokens.size()];
        List<List<Dependency>> children = new ArrayList<>(this.tokens.size());
        for (int i = 0; i < this.tokens.size(); i++) {
            children.add(new ArrayList<>(2));
        }
        for (Dependency d : this.dependencies) {
            int dependent = d.dependent() - first;
            if (dependent >= 0 && dependent < heads.length && heads[dependent] == null) {
                heads[dependent] = d;
            }
            int governor = d.governor() - first;
            if (governor >= 0 && governor < heads.length) {
                children.get(governor).add(d);
            }
        }
        this.dependents = children.stream().map(List::copyOf).toList();
    }

    /** Index of the sentence in the document, from 0. */
    public int index() {
        return index;
    }

    public List<Token> tokens() {
        return tokens;
    }

    public List<Dependency> dependencies() {
        return dependencies;
    }

    public int begin() {
        return tokens.get(0).begin();
    }

    public int end() {
        return tokens.get(tokens.size() - 1).end();
    }

    /** Whether the document token {@code token} belongs to this sentence. */
    public boolean contains(int token) {
        return !tokens.isEmpty() && token >= tokens.get(0).index() && token <= tokens.get(tokens.size() - 1).index();
    }

    /** The edges to a token's dependents, in the order of the parse's edges. */
    public List<Dependency> dependentsOf(int governor) {
        return contains(governor) ? dependents.get(governor - tokens.get(0).index()) : List.of();
    }

    /**
     * The edge that attaches a token to its head: the root edge (governor -1)
     * for the root, null for a token the parse does not hold.
     */
    public Dependency headOf(int dependent) {
        return contains(dependent) ? heads[dependent - tokens.get(0).index()] : null;
    }

    @Override
    public String toString() {
        return "Sentence " + index + " " + Arrays.toString(tokens.stream().map(Token::word).toArray());
    }
}
