package newsroom.cleaning;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Cookie and consent banners and newsletter prompts: the page talking to its
 * reader ("We use cookies to improve your experience. By continuing to browse
 * you agree to our use of cookies." / "Accept all cookies" / "Manage consent";
 * "Sign up for our newsletter", "Get the best of Dawn delivered to your
 * inbox"), which text extraction leaves mostly at the start or the end of an
 * article.
 *
 * <p>A banner sentence opens the way banners address their reader ("we use
 * cookies", "by continuing", "sign up", "get the best of", ...) and speaks of
 * cookies, consent, privacy, personal data, a newsletter, an inbox or a
 * briefing. A prompt line opens with a capital and is made of nothing but
 * banner sentences, buttons ("Accept all", "OK", "Learn more") and sentences
 * that only open like a banner ("Start your day with the Opening Bell.").
 * Removed: a prompt line holding a banner sentence, wherever it is; and at
 * the start and at the end of the article, the whole run of prompt lines
 * around such a line, buttons included, and there a short line that ends in
 * a banner sentence goes with its lead-in. Elsewhere a line with one sentence
 * of the article's own keeps all its sentences, so a story about a cookie
 * law, or a last paragraph that says readers can sign up for a newsletter,
 * keeps its text.
 *
 * <p>Plain string tests, no regular expressions: the time is linear in the
 * length of the text whatever it holds.
 */
final class ReaderPrompts {

    /** How a banner sentence opens: it speaks to the reader about the site. */
    private static final List<String> BANNER_OPENINGS = List.of(
            "we use cookies", "we use technologies", "we and our partners", "we and our vendors", "we and selected",
            "we value your privacy", "we care about your privacy", "we need your consent", "your privacy",
            "we process",
            "this site uses", "this website uses", "our site uses", "our website uses", "this site stores",
            "cookies help us", "by continuing", "by using this", "by using our", "by clicking", "by browsing",
            "by accepting", "you can change your", "you can manage", "you can withdraw", "to find out more",
            "for more information", "please read our", "see our", "read our", "click accept", "click here to",
            "sign up", "subscribe", "get the best of", "get our", "get the latest", "get breaking news",
            "enter your email", "enter your e-mail", "don't miss", "never miss", "stay informed", "stay up to date",
            "join our", "receive our", "want the latest", "want more", "like what you read", "start your day",
            "thank you for subscribing", "thanks for subscribing", "you're subscribed", "you are subscribed");
    /** What a banner sentence speaks of. */
    private static final List<String> BANNER_WORDS = List.of(
            "cookie", "consent", "gdpr", "privacy", "personal data", "newsletter", "inbox", "briefing");
    /** The longest line at an edge whose last sentence is a banner that takes its lead-in along. */
    private static final int MAX_LEAD_IN_LINE = 300;
    /** A banner's buttons and links, a line of their own. */
    private static final Set<String> BUTTONS = Set.of(
            "accept", "accept all", "reject", "reject all", "allow all", "allow", "deny", "decline", "ok", "okay",
            "got it", "i agree", "i accept", "agree", "agree and close", "agree and proceed", "continue",
            "learn more", "more info", "more information", "find out more", "read more", "details", "show details",
            "customise", "customize", "settings", "options", "manage options", "close", "dismiss", "no thanks",
            "not now", "maybe later", "sign up", "subscribe", "subscribe now", "sign up now", "submit");
    private static final Set<String> COOKIE_BUTTON_OPENINGS = Set.of("manage", "cookie", "cookies", "your", "privacy");

    /** The paragraphs (each a list of lines) without their prompts; a paragraph left empty goes. */
    List<List<String>> remove(List<List<String>> paragraphs) {
        List<String> lines = new ArrayList<>();
        List<Integer> paragraphOf = new ArrayList<>();
        for (int p = 0; p < paragraphs.size(); p++) {
            for (String line : paragraphs.get(p)) {
                lines.add(line);
                paragraphOf.add(p);
            }
        }
        int first = 0;
        while (first < lines.size() && isEdgePromptLine(lines.get(first))) {
            first++;
        }
        if (lines.subList(0, first).stream().noneMatch(ReaderPrompts::holdsBannerSentence)) {
            first = 0;
        }
        int last = lines.size();
        while (last > first && isEdgePromptLine(lines.get(last - 1))) {
            last--;
        }
        if (lines.subList(last, lines.size()).stream().noneMatch(ReaderPrompts::holdsBannerSentence)) {
            last = lines.size();
        }
        List<List<String>> kept = new ArrayList<>();
        int keptParagraph = -1;
        for (int i = first; i < last; i++) {
            if (isBannerLine(lines.get(i))) {
                continue;
            }
            if (paragraphOf.get(i) != keptParagraph) {
                kept.add(new ArrayList<>());
                keptParagraph = paragraphOf.get(i);
            }
            kept.get(kept.size() - 1).add(lines.get(i));
        }
        return kept;
    }

    /** A prompt line with a banner sentence: boilerplate wherever it stands. */
    static boolean isBannerLine(String line) {
        return isPromptLine(line) && holdsBannerSentence(line);
    }

    private static boolean holdsBannerSentence(String line) {
        return sentences(line).stream().anyMatch(ReaderPrompts::isBannerSentence);
    }

    /**
     * At the start or the end, a short line that ends in a banner sentence is a prompt with
     * its lead-in ("There's plenty more where that came from. Sign up for The Water Coolest
     * today to get the free daily newsletter delivered to your inbox daily.").
     */
    private static boolean isEdgePromptLine(String line) {
        List<String> sentences = sentences(line);
        return isPromptLine(line) || line.length() <= MAX_LEAD_IN_LINE && opensWithCapital(line)
                && !sentences.isEmpty() && isBannerSentence(sentences.get(sentences.size() - 1));
    }

    /**
     * Every sentence of the line is a banner sentence, a button or opens like a banner, and the
     * line opens with a capital: a line of hard-wrapped text ("subscribe to ordinary shares.")
     * is the middle of a sentence.
     */
    static boolean isPromptLine(String line) {
        return opensWithCapital(line) && sentences(line).stream().allMatch(s -> opensLikeBanner(s) || isButton(s));
    }

    private static boolean opensWithCapital(String line) {
        int firstLetter = 0;
        while (firstLetter < line.length() && !Character.isLetter(line.charAt(firstLetter))) {
            firstLetter++;
        }
        return firstLetter < line.length() && Character.isUpperCase(line.charAt(firstLetter));
    }

    static boolean isBannerSentence(String sentence) {
        return (opensLikeBanner(sentence) || isButton(sentence) || isCookieButton(sentence)) && speaksOfPrompts(sentence);
    }

    /** The sentence opens with one of {@link #BANNER_OPENINGS} as whole words ("subscribe", not "subscribers"). */
    private static boolean opensLikeBanner(String sentence) {
        return BANNER_OPENINGS.stream().anyMatch(opening -> sentence.startsWith(opening)
                && (sentence.length() == opening.length() || !Character.isLetter(sentence.charAt(opening.length()))))
                || isCookieButton(sentence);
    }

    private static boolean speaksOfPrompts(String sentence) {
        return BANNER_WORDS.stream().anyMatch(sentence::contains);
    }

    /** "Accept all cookies", "Manage consent", "Cookie settings": a button that says what it is about. */
    private static boolean isCookieButton(String sentence) {
        String[] words = sentence.split(" ");
        return words.length <= 4 && (sentence.contains("cookie") || sentence.contains("consent"))
                && (BUTTONS.contains(words[0]) || COOKIE_BUTTON_OPENINGS.contains(words[0]));
    }

    private static boolean isButton(String sentence) {
        return BUTTONS.contains(sentence);
    }

    /**
     * The line's sentences, lower case, without their closing punctuation: split after a
     * '.', '!' or '?' followed by a space, curly apostrophes made straight.
     */
    static List<String> sentences(String line) {
        String text = line.toLowerCase(Locale.ROOT).replace('\u2019', '\'');
        List<String> sentences = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= text.length(); i++) {
            boolean end = i == text.length()
                    || isSentenceEnd(text.charAt(i)) && i + 1 < text.length() && text.charAt(i + 1) == ' ';
            if (end) {
                String sentence = stripClosing(text.substring(start, Math.min(i + 1, text.length())));
                if (!sentence.isEmpty()) {
                    sentences.add(sentence);
                }
                start = i + 1;
            }
        }
        return sentences;
    }

    private static boolean isSentenceEnd(char c) {
        return c == '.' || c == '!' || c == '?';
    }

    private static String stripClosing(String sentence) {
        int end = sentence.length();
        while (end > 0 && (isSentenceEnd(sentence.charAt(end - 1)) || sentence.charAt(end - 1) == ' '
                || sentence.charAt(end - 1) == ':' || sentence.charAt(end - 1) == '\u00BB' || sentence.charAt(end - 1) == '>')) {
            end--;
        }
        int begin = 0;
        while (begin < end && sentence.charAt(begin) == ' ') {
            begin++;
        }
        return sentence.substring(begin, end);
    }
}
