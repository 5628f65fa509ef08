package newsroom.store;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The key entity names are matched by: case, diacritics and punctuation folded
 * away, so "Yıldırım", "YILDIRIM" and "Yildirim" share one key and "Lavrov"
 * in one article finds "lavrov" stored from another.
 */
public final class NameKey {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_LETTER_OR_DIGIT = Pattern.compile("[^\\p{L}\\p{N}]+");

    private NameKey() {
    }

    /** The key of a name; empty when the name has no letters or digits. */
    public static String of(String name) {
        // Dotless i and a few letters that NFD does not decompose.
        String folded = name.replace('ı', 'i').replace('ł', 'l').replace('Ł', 'L')
                .replace('ø', 'o').replace('Ø', 'O').replace("ß", "ss");
        String decomposed = Normalizer.normalize(folded, Normalizer.Form.NFD);
        String unmarked = COMBINING_MARKS.matcher(decomposed).replaceAll("");
        String spaced = NOT_LETTER_OR_DIGIT.matcher(unmarked.toLowerCase(Locale.ROOT)).replaceAll(" ");
        return spaced.strip();
    }
}
