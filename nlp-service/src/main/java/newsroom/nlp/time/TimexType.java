package newsroom.nlp.time;

/**
 * What a date or time expression names, as TIMEX3 (and SUTime's {@code SUTime.TimexType}) types it;
 * names match {@code newsroom.nlp.v1.TemporalExpression.Type}.
 */
public enum TimexType {
    /** A calendar date or period: "2021-04-06", "April", "last week". */
    DATE,
    /** A time of day, with its date when known: "10 a.m.", "Thursday evening". */
    TIME,
    /** A length of time: "two days", "three years". */
    DURATION,
    /** A recurrence: "every week", "daily". */
    SET
}
