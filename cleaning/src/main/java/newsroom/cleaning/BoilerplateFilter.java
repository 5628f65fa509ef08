package newsroom.cleaning;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Drops the lines of web boilerplate that survive text extraction (comment
 * forms, share prompts, copyright lines, "Read more" teasers, advertisement
 * markers) and normalizes layout: line breaks to {@code \n}, paragraphs
 * separated by exactly one blank line, no trailing spaces. A line is dropped
 * only when it is boilerplate as a whole, so body sentences that merely
 * mention such words stay. Cookie and consent banners and newsletter prompts
 * are {@link ReaderPrompts}' to remove.
 */
final class BoilerplateFilter {

    private static final List<Pattern> BOILERPLATE_LINES = List.of(
            Pattern.compile("(?i)please enter your (comment|name|email)( address)?( here)?[!.]?"),
            Pattern.compile("(?i)(leave a|post a|add a|write a) (comment|reply)[!.:]?"),
            Pattern.compile("(?i)(you must be )?logged in to post a comment\\.?"),
            Pattern.compile("(?i)(save my name, email,? and website in this browser.*)"),
            Pattern.compile("(?i)(copyright|\\(c\\)|©)\\s*(\\d{4})?.{0,120}(all rights reserved)?\\.?"),
            Pattern.compile("(?i)all rights reserved\\.?"),
            Pattern.compile("(?i)(related|read more|read also|also read|see also|more from)\\s*:.{0,200}"),
            Pattern.compile("(?i)(advertisement|advertising|advert|ad|sponsored( content)?|scroll to continue)\\.?"),
            Pattern.compile("(?i)(caption|close|comments?|back to gallery|image \\d+ of \\d+|enlarge this image"
                    + "|this (slideshow|video|content) requires javascript\\.?|tell us what you think\\W*)"),
            Pattern.compile("(?i)(follow us on|like us on) .{0,80}"),
            Pattern.compile("(?i)click here to .{0,120}"),
            Pattern.compile("(?i)(like|liked|enjoy|enjoyed) this (story|article)\\?.{0,80}"));

    /** The words a share bar opens with ("Share", "Tweet", "Email"). */
    private static final Set<String> SHARE_BAR_OPENINGS = Set.of("share", "tweet", "email", "print", "whatsapp",
            "facebook", "twitter", "linkedin", "telegram", "reddit", "pinterest");
    /** The words that may follow in a share bar ("Share this article on Facebook | X | Email"). */
    private static final Set<String> SHARE_BAR_WORDS = Set.of("share", "this", "article", "story", "on", "facebook",
            "twitter", "linkedin", "whatsapp", "email", "print", "telegram", "reddit", "pinterest", "x");

    /**
     * The words of a line that only time-stamps the page ("Updated Nov 19, 6:55 AM; Posted Nov
     * 19, 6:51 AM", "20 Nov, 2019 05:47"): a line made of these and numbers, with a time of day
     * or one of {@link #STAMP_WORDS}, says nothing a reader of the body needs, and a sentence of
     * the body always has other words.
     */
    private static final Set<String> DATE_WORDS = Set.of("updated", "posted", "published", "last", "modified",
            "on", "at", "am", "pm", "a", "m", "p", "gmt", "utc", "bst", "cet", "est", "edt", "cst", "cdt", "pst",
            "pdt", "et", "pt", "ist", "jan", "january", "feb", "february", "mar", "march", "apr", "april", "may",
            "jun", "june", "jul", "july", "aug", "august", "sep", "sept", "september", "oct", "october", "nov",
            "november", "dec", "december", "mon", "monday", "tue", "tues", "tuesday", "wed", "wednesday", "thu",
            "thurs", "thursday", "fri", "friday", "sat", "saturday", "sun", "sunday", "st", "nd", "rd", "th");
    private static final Pattern LINE_WORD = Pattern.compile("\\p{L}+|\\d+");
    private static final Set<String> STAMP_WORDS = Set.of("updated", "posted", "published", "modified");
    private static final Pattern CLOCK_TIME = Pattern.compile("\\b\\d{1,2}:\\d{2}\\b");
    private static final int MAX_DATE_LINE_CHARS = 80;

    private static final Pattern LINE_BREAK = Pattern.compile("\r\n?|\u2028|\u2029");
    private static final Pattern BLANK_LINES = Pattern.compile("\n\\s*\n");

    private final ReaderPrompts readerPrompts = new ReaderPrompts();

    String clean(String text) {
        String normalized = LINE_BREAK.matcher(text.replace('\u00A0', ' ')).replaceAll("\n");
        List<List<String>> paragraphs = new ArrayList<>();
        for (String paragraph : BLANK_LINES.split(normalized)) {
            List<String> kept = new ArrayList<>();
            for (String line : paragraph.split("\n")) {
                String stripped = line.strip();
                if (!stripped.isEmpty() && !isBoilerplate(stripped)) {
                    kept.add(stripped);
                }
            }
            if (!kept.isEmpty()) {
                paragraphs.add(kept);
            }
        }
        return String.join("\n\n", readerPrompts.remove(paragraphs).stream().map(p -> String.join("\n", p)).toList());
    }

    private static boolean isBoilerplate(String line) {
        if (isDateLine(line) || isShareBar(line)) {
            return true;
        }
        for (Pattern pattern : BOILERPLATE_LINES) {
            if (pattern.matcher(line).matches()) {
                return true;
            }
        }
        return false;
    }

    /**
     * A share bar: one of {@link #SHARE_BAR_OPENINGS}, then only {@link #SHARE_BAR_WORDS}, apart
     * by spaces, '|', ',' or '/', and perhaps a closing ':', '.' or '!'. Scanned word by word: as
     * a pattern, {@code (share|...)([\s|,/]+(share|...))*}, the repeated group recursed once per
     * word in java.util.regex, and a line of a few thousand words overflowed the stack.
     */
    static boolean isShareBar(String line) {
        int end = line.length();
        if (end > 0 && ":.!".indexOf(line.charAt(end - 1)) >= 0) {
            end--;
        }
        int wordStart = 0;
        boolean first = true;
        for (int i = 0; i <= end; i++) {
            if (i < end && !isShareBarSeparator(line.charAt(i))) {
                continue;
            }
            if (i == wordStart) {
                if (first || i == end) {
                    return false; // a separator at the start or at the end
                }
                wordStart = i + 1;
                continue;
            }
            String word = line.substring(wordStart, i).toLowerCase(Locale.ROOT);
            if (!(first ? SHARE_BAR_OPENINGS : SHARE_BAR_WORDS).contains(word)) {
                return false;
            }
            first = false;
            wordStart = i + 1;
        }
        return !first;
    }

    private static boolean isShareBarSeparator(char c) {
        return c == ' ' || c == '\t' || c == '\n' || c == '\u000B' || c == '\f' || c == '\r' || c == '|' || c == ','
                || c == '/';
    }

    private static boolean isDateLine(String line) {
        if (line.length() > MAX_DATE_LINE_CHARS) {
            return false;
        }
        // A time of day or the word "updated", "posted", ...: a date alone may be the body's own
        // (an exhibition's dates), and a cell of figures is not a date.
        boolean stamp = CLOCK_TIME.matcher(line).find();
        Matcher words = LINE_WORD.matcher(line);
        while (words.find()) {
            String word = words.group().toLowerCase(Locale.ROOT);
            if (Character.isDigit(word.charAt(0))) {
                continue;
            }
            if (!DATE_WORDS.contains(word)) {
                return false;
            }
            stamp |= STAMP_WORDS.contains(word);
        }
        return stamp;
    }
}
