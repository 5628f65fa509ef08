package newsroom.nlp.time;

import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Whether a sentence can hold a date or time SUTime would find: it needs a
 * digit, a month or weekday, a unit of time ("year", "week", "morning"), a
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
        for (String word : words) {
            String lower = word.toLowerCase(Locale.ROOT);
            if (WORDS.contains(lower) || lower.chars().anyMatch(Character::isDigit)) {
                return true;
            }
        }
        return false;
    }
}
