package newsroom.nlp.entities;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * A name reduced to comparable words: diacritics removed ("Yıldırım" and
 * "Yildirim" agree), lower case, honorifics and a leading "the" dropped.
 */
record NameForm(List<String> words) {

    private static final Set<String> HONORIFICS = Set.of(
            "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "the");

    static NameForm of(String name) {
        String ascii = Normalizer.normalize(name.replace('ı', 'i'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT);
        List<String> words = new ArrayList<>();
        for (String word : ascii.split("[^\\p{L}\\p{N}]+")) {
            if (!word.isEmpty() && !(words.isEmpty() && HONORIFICS.contains(word))) {
                words.add(word);
            }
        }
        return new NameForm(List.copyOf(words));
    }

    int size() {
        return words.size();
    }

    boolean isEmpty() {
        return words.isEmpty();
    }

    String first() {
        return words.get(0);
    }

    String last() {
        return words.get(words.size() - 1);
    }

    String key() {
        return String.join(" ", words);
    }

    /**
     * Whether two person names of two or more words can name the same person:
     * same surname, and first names equal, one word apart in spelling
     * (Sergey/Sergei), or one name's words all found in the other in order
     * ("Mahmood Qureshi" in "Shah Mahmood Qureshi").
     */
    boolean samePersonAs(NameForm other) {
        if (!last().equals(other.last())) {
            return false;
        }
        if (first().equals(other.first()) || isSubsequence(this, other) || isSubsequence(other, this)) {
            return true;
        }
        return first().length() >= 4 && other.first().length() >= 4
                && editDistanceAtMostOne(first(), other.first());
    }

    /** Whether this name's words appear in the other, in order. */
    static boolean isSubsequence(NameForm shorter, NameForm longer) {
        int i = 0;
        for (String word : longer.words) {
            if (i < shorter.size() && shorter.words.get(i).equals(word)) {
                i++;
            }
        }
        return i == shorter.size();
    }

    /** An acronym of this name's significant words ("United Nations" -> "un"). */
    String acronym() {
        StringBuilder letters = new StringBuilder();
        for (String word : words) {
            if (!Set.of("of", "and", "for", "the").contains(word)) {
                letters.append(word.charAt(0));
            }
        }
        return letters.toString();
    }

    static boolean editDistanceAtMostOne(String a, String b) {
        if (Math.abs(a.length() - b.length()) > 1) {
            return false;
        }
        int i = 0;
        int j = 0;
        int edits = 0;
        while (i < a.length() && j < b.length()) {
            if (a.charAt(i) == b.charAt(j)) {
                i++;
                j++;
                continue;
            }
            if (++edits > 1) {
                return false;
            }
            if (a.length() > b.length()) {
                i++;
            } else if (a.length() < b.length()) {
                j++;
            } else {
                i++;
                j++;
            }
        }
        return edits + (a.length() - i) + (b.length() - j) <= 1;
    }
}
