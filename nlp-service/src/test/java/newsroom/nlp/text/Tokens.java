package newsroom.nlp.text;

import java.util.ArrayList;
import java.util.List;

/** Hand-made tagged text for the rule stages' tests: "word/TAG" or "word/TAG/lemma" or "word/TAG/lemma/NER". */
public final class Tokens {

    private final StringBuilder text = new StringBuilder();
    private final List<Token> tokens = new ArrayList<>();
    private int sentence;

    public static Tokens of(String tagged) {
        return new Tokens().add(tagged);
    }

    /** Appends tokens; "-" written as "-/HYPH" joins its neighbours without spaces ("high-level"). */
    public Tokens add(String tagged) {
        for (String item : tagged.trim().split("\\s+")) {
            String[] parts = item.split("/");
            String word = parts[0];
            boolean glued = word.equals("-") || !tokens.isEmpty() && tokens.get(tokens.size() - 1).word().equals("-")
                    && tokens.get(tokens.size() - 1).tag().equals("HYPH");
            if (!text.isEmpty() && !glued) {
                text.append(' ');
            }
            int begin = text.length();
            text.append(word);
            String lemma = parts.length > 2 ? parts[2] : word.toLowerCase();
            String ner = parts.length > 3 ? parts[3] : "O";
            tokens.add(new Token(tokens.size(), sentence, word, lemma, parts[1], ner, begin, text.length()));
            if (word.equals(".")) {
                sentence++;
            }
        }
        return this;
    }

    public String text() {
        return text.toString();
    }

    public List<Token> tokens() {
        return List.copyOf(tokens);
    }

    /** The tokens as sentences, each ended by a "." token, without dependencies. */
    public List<Sentence> sentences() {
        List<Sentence> sentences = new ArrayList<>();
        for (int s = 0; s <= sentence; s++) {
            int index = s;
            List<Token> in = tokens.stream().filter(t -> t.sentence() == index).toList();
            if (!in.isEmpty()) {
                sentences.add(new Sentence(sentences.size(), in, List.of()));
            }
        }
        return sentences;
    }
}
