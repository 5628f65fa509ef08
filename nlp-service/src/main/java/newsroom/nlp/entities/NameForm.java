package newsroom.nlp.entities;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;

/**
 * A name reduced to comparable words: diacritics removed ("Yıldırım" and
 * "Yildirim", "Wałęsa" and "Walesa" agree), lower case, honorifics and a
 * leading "the" dropped.
 */
record NameForm(List<String> words) {

    private static final Set<String> HONORIFICS = Set.of(
            "mr", "mrs", "ms", "miss", "dr", "prof", "sir", "dame", "lord", "lady", "the");
    /** Letters that are not a base letter plus a diacritic in Unicode, so NFD leaves them. */
    private static final String UNDECOMPOSED = "ıłøđəß";
    private static final String[] THEIR_LETTERS = {"i", "l", "o", "d", "a", "ss"};
    /**
     * A company's legal form and group words, which news drops after the first
     * mention ("Apple Inc." then "Apple", "OAO Gazprom" then "Gazprom"); "s a"
     * is "S.A." split at its dots.
     */
    private static final List<List<String>> LEGAL_SUFFIXES = Stream.of(
            "inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "llc", "llp", "lp",
            "plc", "ag", "kg", "sa", "s a", "nv", "n v", "bv", "gmbh", "se", "spa", "s p a", "ab", "asa", "oyj",
            "pjsc", "ojsc", "jsc", "oao", "pao", "zao", "ooo", "group", "holdings", "holding")
            .map(s -> List.of(s.split(" "))).toList();
    private static final Set<String> LEGAL_PREFIXES = Set.of("pjsc", "ojsc", "jsc", "oao", "pao", "zao", "ooo");

    static NameForm of(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        StringBuilder folded = new StringBuilder(lower.length());
        for (int i = 0; i < lower.length(); i++) {
            int letter = UNDECOMPOSED.indexOf(lower.charAt(i));
            folded.append(letter >= 0 ? THEIR_LETTERS[letter] : String.valueOf(lower.charAt(i)));
        }
        String ascii = Normalizer.normalize(folded, Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "");
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
     * the same surname or a transliteration of it ({@link Transliteration}:
     * "Zelensky", "Zelenskyy"), and given names that agree: equal, one's found
     * in the other's in order ("Mahmood Qureshi" in "Shah Mahmood Qureshi"), or
     * first names spelled alike (Sergey/Sergei, Alexei/Aleksei). The given names
     * are the evidence a surname variant needs: "Sergey Ivanov" and "Sergei
     * Ivanow" are one person, "Viktor Ivanov" and "Sergey Ivanov" are two.
     */
    boolean samePersonAs(NameForm other) {
        if (!sameSurnameAs(other)) {
            return false;
        }
        NameForm given = givenNames();
        NameForm otherGiven = other.givenNames();
        return isSubsequence(given, otherGiven) || isSubsequence(otherGiven, given)
                || firstNamesSpelledAlike(first(), other.first());
    }

    /** The same last word, or a transliteration of it. */
    boolean sameSurnameAs(NameForm other) {
        return last().equals(other.last()) || Transliteration.surnameVariants(last(), other.last());
    }

    private NameForm givenNames() {
        return new NameForm(words.subList(0, words.size() - 1));
    }

    /** One letter apart, or one transliteration; short names are too often two names (Jan/Jon, Ian/Jan). */
    private static boolean firstNamesSpelledAlike(String a, String b) {
        String key = Transliteration.givenNameKey(a);
        return a.length() >= 4 && b.length() >= 4 && editDistanceAtMostOne(a, b)
                || key.length() >= 4 && key.equals(Transliteration.givenNameKey(b));
    }

    /**
     * This name without a company's legal form or group word at either end
     * ("Gazprom PJSC", "OAO Gazprom" -> "gazprom"); the name itself when it
     * has none, or when nothing else would be left ("Group").
     */
    NameForm withoutLegalForm() {
        List<String> rest = words;
        boolean stripped = true;
        while (stripped && rest.size() > 1) {
            stripped = false;
            if (LEGAL_PREFIXES.contains(rest.get(0))) {
                rest = rest.subList(1, rest.size());
                stripped = true;
            }
            for (List<String> suffix : LEGAL_SUFFIXES) {
                if (rest.size() > suffix.size() && rest.subList(rest.size() - suffix.size(), rest.size()).equals(suffix)) {
                    rest = rest.subList(0, rest.size() - suffix.size());
                    stripped = true;
                    break;
                }
            }
        }
        return new NameForm(List.copyOf(rest));
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
