package newsroom.nlp.entities;

/**
 * Spellings of one Slavic or Turkic name in Latin letters reduced to one key,
 * so that the English, German and diacritic transliterations of the same
 * Cyrillic letters agree: x and ks, kh and h, zh and z, ch/tch and c, sh and s,
 * w and v, y, j and i ("Zelenskyy", "Zelenskiy", "Zelensky"), doubled letters,
 * an iotated vowel written with or without its y ("Nazarbayev", "Nazarbaev";
 * "Aksyonov", "Aksenov"). Surnames also lose the difference between a, e and o
 * (ё is written e, o or yo: "Gorbachev", "Gorbachov"; Azeri ə is a or e).
 * The words given are already lower case without diacritics ({@link NameForm}).
 * A key says only that two spellings may be one name: the clusterer still
 * needs evidence from the article that they name one person.
 */
final class Transliteration {

    /** Shorter surname keys agree too easily ("Khan", "Khin"); "Aliyev", "Aliev" have 4 ("alav"). */
    private static final int MIN_SURNAME_KEY_LENGTH = 4;

    private Transliteration() {
    }

    /** The key of a given name: "alexey", "aleksei" and "aleksej" agree. */
    static String givenNameKey(String word) {
        String letters = word.replace("x", "ks")
                .replace("tch", "c").replace("ch", "c").replace("kh", "h").replace("zh", "z").replace("sh", "s")
                .replace('w', 'v').replace('j', 'i').replace('y', 'i');
        StringBuilder key = new StringBuilder();
        for (int i = 0; i < letters.length(); i++) {
            char c = letters.charAt(i);
            boolean doubled = key.length() > 0 && key.charAt(key.length() - 1) == c;
            boolean iotation = c == 'i' && i + 1 < letters.length() && isVowel(letters.charAt(i + 1));
            if (!doubled && !iotation) {
                key.append(c);
            }
        }
        return key.toString();
    }

    /** The key of a surname: a given name's key with a, e and o as one letter. */
    static String surnameKey(String word) {
        return givenNameKey(word).replace('e', 'a').replace('o', 'a');
    }

    /**
     * Whether two different surname spellings may be one surname: the same key,
     * long enough, and not a masculine and a feminine form ("Lavrov", "Lavrova";
     * "Zelensky", "Zelenska"), which name two people of one family far more
     * often than they misspell one.
     */
    static boolean surnameVariants(String a, String b) {
        String key = surnameKey(a);
        return key.length() >= MIN_SURNAME_KEY_LENGTH && key.equals(surnameKey(b))
                && !oneFeminineOneMasculine(a, b);
    }

    /** One ends in -a, the other in a consonant, -y or -i (a -o is Belarusian "Lukashenka"/"Lukashenko"). */
    private static boolean oneFeminineOneMasculine(String a, String b) {
        return feminine(a) && masculine(b) || feminine(b) && masculine(a);
    }

    private static boolean feminine(String word) {
        return word.endsWith("a");
    }

    private static boolean masculine(String word) {
        char last = word.charAt(word.length() - 1);
        return last == 'y' || last == 'i' || !isVowel(last);
    }

    private static boolean isVowel(char c) {
        return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u';
    }
}
