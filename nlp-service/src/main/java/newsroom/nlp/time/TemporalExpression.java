package newsroom.nlp.time;

/**
 * A date or time expression resolved to a calendar value.
 *
 * @param value ISO-8601 as TIMEX3 writes it ("2021-04-06", "P2D", "PRESENT_REF")
 * @param type the TIMEX3 type: DATE, TIME, DURATION or SET
 */
public record TemporalExpression(String text, int begin, int end, String value, String type) {
}
