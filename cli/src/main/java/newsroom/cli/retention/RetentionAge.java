package newsroom.cli.retention;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import newsroom.cli.UserError;

/** {@code --older-than}: whole months, written {@code 24m} or {@code 2y}. */
final class RetentionAge {

    /** RetentionService takes 1 to 1,200 months. */
    static final int MAX_MONTHS = 1200;

    private static final Pattern AGE = Pattern.compile("(\\d{1,9})\\s*([my])", Pattern.CASE_INSENSITIVE);

    private RetentionAge() {
    }

    /** The months {@code value} stands for; a {@link UserError} naming {@code option} when it is not an age. */
    static int months(String option, String value) {
        Matcher age = AGE.matcher(value.strip());
        if (!age.matches()) {
            throw new UserError(option + ": '" + value + "' is not an age: write months or years, such as 24m or 2y");
        }
        long number = Long.parseLong(age.group(1));
        long months = age.group(2).equalsIgnoreCase("y") ? number * 12 : number;
        if (months < 1 || months > MAX_MONTHS) {
            throw new UserError(option + ": must be from 1m to " + MAX_MONTHS + "m (100y), not " + value.strip());
        }
        return (int) months;
    }
}
