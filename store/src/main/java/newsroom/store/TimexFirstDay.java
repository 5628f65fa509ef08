package newsroom.store;

import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.IsoFields;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The first calendar day of the period a TIMEX3 value names, as nlp-service
 * resolves dates ({@code TemporalExpression.value}): a day ("2021-04-06",
 * also with a time or a part of the day after it, "2021-04-06T10:00",
 * "2021-04-06TMO"), a month ("2021-04"), an ISO week ("2021-W14", Monday; its
 * weekend "2021-W14-WE", Saturday), a quarter ("2021-Q2") or a year ("2021").
 * Other values name no day of their own: references such as "PRESENT_REF",
 * durations ("P3D"), seasons, and dates whose year was not resolved
 * ("XXXX-04-06").
 */
public final class TimexFirstDay {

    private static final Pattern DAY = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})(T.*)?");
    private static final Pattern MONTH = Pattern.compile("(\\d{4})-(\\d{2})");
    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})(-WE)?");
    private static final Pattern QUARTER = Pattern.compile("(\\d{4})-Q([1-4])");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");

    private TimexFirstDay() {
    }

    /** The first day of the period {@code value} names; empty when it names none or no valid one. */
    public static Optional<LocalDate> of(String value) {
        try {
            return Optional.ofNullable(firstDay(value.strip()));
        } catch (DateTimeException e) {
            // A month 13, a 30 February, a week 60: a value that names no day.
            return Optional.empty();
        }
    }

    private static LocalDate firstDay(String value) {
        Matcher match;
        if ((match = DAY.matcher(value)).matches()) {
            return LocalDate.of(number(match, 1), number(match, 2), number(match, 3));
        }
        if ((match = MONTH.matcher(value)).matches()) {
            return LocalDate.of(number(match, 1), number(match, 2), 1);
        }
        if ((match = WEEK.matcher(value)).matches()) {
            LocalDate midYear = LocalDate.of(number(match, 1), 6, 1);
            int week = number(match, 2);
            // Only some years have a week 53.
            IsoFields.WEEK_OF_WEEK_BASED_YEAR.rangeRefinedBy(midYear)
                    .checkValidValue(week, IsoFields.WEEK_OF_WEEK_BASED_YEAR);
            LocalDate monday = midYear.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
            return match.group(3) == null ? monday : monday.with(DayOfWeek.SATURDAY);
        }
        if ((match = QUARTER.matcher(value)).matches()) {
            return LocalDate.of(number(match, 1), 3 * (number(match, 2) - 1) + 1, 1);
        }
        if (YEAR.matcher(value).matches()) {
            return LocalDate.of(Integer.parseInt(value), 1, 1);
        }
        return null;
    }

    private static int number(Matcher match, int group) {
        return Integer.parseInt(match.group(group));
    }
}
