package newsroom.nlp.entities;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import newsroom.nlp.text.Token;

/**
 * Gives each person's name the title right before it ("President", "Foreign
 * Minister": the tokens CoreNLP's fine-grained NER tags TITLE), the evidence
 * the clusterer needs to join two spellings of a surname that no full name
 * ties together ("President Zelensky", "President Zelenskiy").
 */
public final class NameTitles {

    /** The names, persons with the title before them, in the same order. */
    public List<NameMention> addTo(List<NameMention> names, List<Token> tokens) {
        List<NameMention> titled = new ArrayList<>();
        int k = 0;
        for (NameMention name : names) {
            if (k > 0 && tokens.get(k - 1).begin() >= name.begin()) {
                k = 0;
            }
            while (k < tokens.size() && tokens.get(k).begin() < name.begin()) {
                k++;
            }
            titled.add(name.type() == EntityType.PERSON ? name.withTitle(titleBefore(tokens, k)) : name);
        }
        return titled;
    }

    /** The TITLE tokens that end right before token {@code k}, in the same sentence, lower case. */
    private static String titleBefore(List<Token> tokens, int k) {
        int first = k;
        while (first > 0 && tokens.get(first - 1).ner().equals("TITLE")
                && (k == tokens.size() || tokens.get(first - 1).sentence() == tokens.get(k).sentence())) {
            first--;
        }
        StringBuilder title = new StringBuilder();
        for (int i = first; i < k; i++) {
            title.append(title.isEmpty() ? "" : " ").append(tokens.get(i).word().toLowerCase(Locale.ROOT));
        }
        return title.toString();
    }
}
