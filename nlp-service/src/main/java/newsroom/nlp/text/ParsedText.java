package newsroom.nlp.text;

import java.util.List;

/**
 * The cleaned text with its sentences, the common input of the rule stages.
 * Token offsets index into {@code text}.
 */
public record ParsedText(String text, List<Sentence> sentences) {

    public ParsedText {
        sentences = List.copyOf(sentences);
    }

    public List<Token> tokens() {
        return sentences.stream().flatMap(s -> s.tokens().stream()).toList();
    }

    public Sentence sentence(int index) {
        return sentences.get(index);
    }

    public String span(int begin, int end) {
        return text.substring(begin, end);
    }
}
