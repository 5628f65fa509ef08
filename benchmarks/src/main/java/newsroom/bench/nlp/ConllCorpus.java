package newsroom.bench.nlp;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A CoNLL-2003 file read as the reference scorer ({@code conll.py}) reads it:
 * documents end at any {@code -DOCSTART-} line (and at end of file), sentences
 * at blank lines; each document's text is its tokens joined by single spaces,
 * one sentence per line, with a final newline, named {@code <file>-<iii>}.
 */
final class ConllCorpus {

    /** One token with its NER tag and its place in the document text. */
    record Token(String word, String tag, int begin, int end) {
    }

    record Doc(String name, String text, List<List<Token>> sentences) {
    }

    static List<Doc> read(Path file) throws IOException {
        List<List<String[]>> doc = new ArrayList<>();
        List<String[]> sentence = new ArrayList<>();
        List<List<List<String[]>>> docs = new ArrayList<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String[] cols = line.trim().split("\\s+");
            if (line.isBlank()) {
                if (!sentence.isEmpty()) {
                    doc.add(sentence);
                    sentence = new ArrayList<>();
                }
            } else if (cols[0].equals("-DOCSTART-")) {
                if (!sentence.isEmpty()) {
                    doc.add(sentence);
                    sentence = new ArrayList<>();
                }
                if (!doc.isEmpty()) {
                    docs.add(doc);
                    doc = new ArrayList<>();
                }
            } else {
                sentence.add(new String[] {cols[0], cols[cols.length - 1]});
            }
        }
        if (!sentence.isEmpty()) {
            doc.add(sentence);
        }
        if (!doc.isEmpty()) {
            docs.add(doc);
        }
        List<Doc> result = new ArrayList<>();
        for (int d = 0; d < docs.size(); d++) {
            StringBuilder text = new StringBuilder();
            List<List<Token>> sentences = new ArrayList<>();
            for (List<String[]> s : docs.get(d)) {
                if (!sentences.isEmpty()) {
                    text.append('\n');
                }
                List<Token> tokens = new ArrayList<>();
                for (String[] t : s) {
                    if (!tokens.isEmpty()) {
                        text.append(' ');
                    }
                    tokens.add(new Token(t[0], t[1], text.length(), text.length() + t[0].length()));
                    text.append(t[0]);
                }
                sentences.add(tokens);
            }
            text.append('\n');
            result.add(new Doc(String.format("%s-%03d", file.getFileName(), d + 1), text.toString(), sentences));
        }
        return result;
    }
}
