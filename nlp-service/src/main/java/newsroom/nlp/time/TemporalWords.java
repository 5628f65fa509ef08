package newsroom.nlp.time;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a sentence can hold a date or time SUTime would find: it needs a
 * number that can be a date ({@link #mayBeDateNumber}), a month or weekday, a unit of time ("year", "week", "morning"), a
 * day relative to today ("yesterday", "tonight"), a season or holiday, or one
 * of the few words SUTime dates on their own ("now", "recently", "ago").
 * SUTime is a third of the CPU of an analysis, and most sentences of news
 * hold none of these.
 */
public final class TemporalWords {

    private static final Set<String> WORDS = Set.of(
            "january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
            "november", "december", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
            "dec", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tue",
            "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun", "today", "tomorrow", "yesterday", "tonight",
            "now", "currently", "recently", "lately", "ago", "annual", "annually", "daily", "weekly", "monthly",
            "yearly", "quarterly", "biweekly", "fortnight", "fortnightly", "century", "centuries", "decade",
            "decades", "year", "years", "month", "months", "week", "weeks", "weekend", "weekends", "day", "days",
            "hour", "hours", "minute", "minutes", "second", "seconds", "morning", "mornings", "afternoon",
            "afternoons", "evening", "evenings", "night", "nights", "noon", "midnight", "dawn", "dusk",
            "overnight", "spring", "summer", "autumn", "winter", "christmas", "easter", "halloween",
            "thanksgiving", "eve", "ramadan", "hanukkah", "passover", "diwali", "eid", "millennium", "quarter",
            "semester", "present", "future", "past", "once", "twice", "sometime", "someday", "nowadays", "am",
            "pm", "a.m.", "p.m.", "o'clock", "bc", "ad", "bce", "ce", "current", "previously", "previous", "fall",
            "falls", "quarters", "biannual", "bi-annual", "semiannual", "semi-annual", "sec", "secs", "min", "mins",
            "hr", "hrs", "yr", "yrs", "mid-term", "midterm", "formerly", "later", "earlier", "soon", "shortly", "daytime",
            "nighttime");

    private TemporalWords() {
    }

    /** Whether any of the words (as written) can be part of a temporal expression. */
    public static boolean mayHoldDate(List<String> words) {
        for (int i = 0; i < words.size(); i++) {
            String lower = words.get(i).toLowerCase(Locale.ROOT);
            // "Sept." is the tokenizer's word for the abbreviation ending a sentence or not.
            String bare = lower.endsWith(".") ? lower.substring(0, lower.length() - 1) : lower;
            if (WORDS.contains(lower) || WORDS.contains(bare) || mayBeDateNumber(lower)) {
                return true;
            }
            // "’15": a year the tokenizer split from its apostrophe.
            boolean apostrophe = lower.equals("'") || lower.equals("\u2019");
            if (apostrophe && i + 1 < words.size() && words.get(i + 1).matches("\\d\\d")) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether a word with a digit can be a date or time without a month, a
     * weekday or a unit of time beside it: a year ("2021", "1990s", "'90s"),
     * a numeric date or time ("6/4", "2021-04-06", "10:30", "3.30"), an
     * ordinal ("5th") or a time of day ("9am"). A plain count ("three", "12",
     * "1,000", "250000") is not one: with a month or a unit beside it, that
     * word brings the sentence in.
     */
    static boolean mayBeDateNumber(String word) {
        int digits = 0;
        for (int i = 0; i < word.length(); i++) {
            if (Character.isDigit(word.charAt(i))) {
                digits++;
            }
        }
        if (digits == 0) {
            return false;
        }
        if (digits == word.length()) {
            if (digits != 4) {
                return false;
            }
            int year = Integer.parseInt(word);
            return year >= 1000 && year <= 2999;
        }
        String plain = word.replace(",", "");
        if (plain.chars().allMatch(Character::isDigit)) {
            return false; // "1,000"
        }
        return true; // separators, letters or an apostrophe: "6/4", "10:30", "5th", "9am", "1990s", "'90s"
    }
}
