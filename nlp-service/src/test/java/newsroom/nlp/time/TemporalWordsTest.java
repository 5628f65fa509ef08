package newsroom.nlp.time;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TemporalWordsTest {

    @Test
    void yearsNumericDatesTimesAndOrdinalsCanBeDates() {
        for (String word : List.of("2021", "1990s", "'90s", "6/4", "2021-04-06", "10:30", "5th", "9am", "45-year-old")) {
            assertTrue(TemporalWords.mayBeDateNumber(word), word);
        }
    }

    @Test
    void plainCountsAreNot() {
        for (String word : List.of("3", "12", "250", "1,000", "250000", "3500", "three")) {
            assertFalse(TemporalWords.mayBeDateNumber(word), word);
        }
    }

    @Test
    void aSentenceWithACountComesInThroughItsMonthOrUnit() {
        assertFalse(TemporalWords.mayHoldDate(List.of("Police", "arrested", "12", "people", ".")));
        assertTrue(TemporalWords.mayHoldDate(List.of("Police", "arrested", "12", "people", "on", "6", "April", ".")));
        assertTrue(TemporalWords.mayHoldDate(List.of("It", "took", "3", "days", ".")));
        assertTrue(TemporalWords.mayHoldDate(List.of("Born", "in", "1958", ",", "she", "left", ".")));
        assertTrue(TemporalWords.mayHoldDate(List.of("It", "opened", "Sept.", "11", ".")));
        assertTrue(TemporalWords.mayHoldDate(List.of("Up", "from", "\u2019", "15", ".")));
    }
}
