package newsroom.nlp.time;

/**
 * A date or time expression resolved to a calendar value.
 *
 * @param value ISO-8601 as TIMEX3 writes it ("2021-04-06", "P2D", "PRESENT_REF")
 * @param type what the expression names: a date, a time, a duration or a recurrence
 */
public record DocumentTimex(String text, int begin, int end, String value, TimexType type) {
}
