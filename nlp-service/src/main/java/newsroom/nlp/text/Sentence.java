package newsroom.nlp.text;

import java.util.List;

/**
 * One sentence: its tokens (document indices, in order) and its dependency tree.
 */
public record Sentence(int index, List<Token> tokens, List<Dependency> dependencies) {

    public Sentence {
        tokens = List.copyOf(tokens);
        dependencies = List.copyOf(dependencies);
    }

    public int begin() {
        return tokens.get(0).begin();
    }

    public int end() {
        return tokens.get(tokens.size() - 1).end();
    }

    /** The dependents of a token, in token order. */
    public List<Dependency> dependentsOf(int governor) {
        return dependencies.stream().filter(d -> d.governor() == governor).toList();
    }

    /** The edge that attaches a token to its head, or null for the root. */
    public Dependency headOf(int dependent) {
        return dependencies.stream().filter(d -> d.dependent() == dependent).findFirst().orElse(null);
    }
}
