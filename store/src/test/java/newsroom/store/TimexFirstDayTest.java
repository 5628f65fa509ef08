package newsroom.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimexFirstDayTest {

    @Test
    void aDayWithOrWithoutATimeIsThatDay() {
        assertEquals(Optional.of(LocalDate.of(2021, 4, 6)), TimexFirstDay.of("2021-04-06"));
        assertEquals(Optional.of(LocalDate.of(2021, 4, 7)), TimexFirstDay.of("2021-04-07T10:00"));
        assertEquals(Optional.of(LocalDate.of(2021, 4, 7)), TimexFirstDay.of("2021-04-07TMO"));
    }

    @Test
    void longerPeriodsStartOnTheirFirstDay() {
        assertEquals(Optional.of(LocalDate.of(2021, 4, 1)), TimexFirstDay.of("2021-04"));
        // ISO week 14 of 2021 runs from Monday 5 April; its weekend from Saturday 10 April.
        assertEquals(Optional.of(LocalDate.of(2021, 4, 5)), TimexFirstDay.of("2021-W14"));
        assertEquals(Optional.of(LocalDate.of(2021, 4, 10)), TimexFirstDay.of("2021-W14-WE"));
        // Week 1 of 2021 starts in 2021, week 53 of 2020 ends in 2021.
        assertEquals(Optional.of(LocalDate.of(2021, 1, 4)), TimexFirstDay.of("2021-W01"));
        assertEquals(Optional.of(LocalDate.of(2020, 12, 28)), TimexFirstDay.of("2020-W53"));
        assertEquals(Optional.of(LocalDate.of(2021, 4, 1)), TimexFirstDay.of("2021-Q2"));
        assertEquals(Optional.of(LocalDate.of(2021, 1, 1)), TimexFirstDay.of("2021"));
    }

    @Test
    void valuesWithoutACalendarDayHaveNone() {
        for (String value : new String[] {"", "PRESENT_REF", "PAST_REF", "P3D", "XXXX-04-06", "2021-SU", "202X",
                "2021-13", "2021-02-30", "2021-W53", "2021-Q5", "April 2021"}) {
            assertEquals(Optional.empty(), TimexFirstDay.of(value), value);
        }
    }
}
