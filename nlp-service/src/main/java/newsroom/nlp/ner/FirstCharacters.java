package newsroom.nlp.ner;

import java.util.HashSet;
import java.util.Set;

/**
 * The characters a token must start with to match a regular expression, read
 * off its first element when that is simple (a character, an escaped
 * punctuation mark or a plain character class, not optional). It lets the
 * gazetteer try a pattern such as {@code Calif\.?} only on tokens starting
 * with C instead of on every token.
 */
final class FirstCharacters {

    private FirstCharacters() {
    }

    /** The possible first characters, both cases when {@code caseless}; null when not simply known. */
    static Set<Character> of(String regex, boolean caseless) {
        if (regex.isEmpty() || regex.indexOf('|') >= 0) {
            return null;
        }
        Set<Character> chars = new HashSet<>();
        int next;
        char c = regex.charAt(0);
        if (c == '\\') {
            if (regex.length() < 2 || Character.isLetterOrDigit(regex.charAt(1))) {
                return null; // \w, \d, \Q...: a class or a quoting construct
            }
            chars.add(regex.charAt(1));
            next = 2;
        } else if (c == '[') {
            int close = regex.indexOf(']', 1);
            if (close < 0) {
                return null;
            }
            String body = regex.substring(1, close);
            if (body.isEmpty() || body.startsWith("^") || body.contains("\\") || body.contains("[") || body.contains("&&")) {
                return null;
            }
            for (int j = 0; j < body.length(); ) {
                if (j + 2 < body.length() && body.charAt(j + 1) == '-') {
                    for (char x = body.charAt(j); x <= body.charAt(j + 2); x++) {
                        chars.add(x);
                    }
                    j += 3;
                } else {
                    chars.add(body.charAt(j));
                    j++;
                }
            }
            next = close + 1;
        } else if ("().^$?*+{}".indexOf(c) >= 0) {
            return null;
        } else {
            chars.add(c);
            next = 1;
        }
        if (next < regex.length() && "?*{".indexOf(regex.charAt(next)) >= 0) {
            return null; // the first element is optional
        }
        if (caseless) {
            for (char x : Set.copyOf(chars)) {
                chars.add(Character.toLowerCase(x));
                chars.add(Character.toUpperCase(x));
            }
        }
        return chars;
    }
}
