package newsroom.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** Reading the load average a benchmark prints with each timed run. */
class LoadAverageTest {

    @Test
    void readsTheThreeAveragesAndTheRunnableTasks() {
        LoadAverage load = LoadAverage.parse("2.81 1.97 1.40 3/120 45678\n");

        assertEquals(new LoadAverage(2.81, 1.97, 1.40, "3/120"), load);
        assertEquals("load 2.81 1.97 1.40 (3 of 120 tasks runnable)", load.toString());
    }

    @Test
    void isReadFromProcWhereThereIsOne() {
        LoadAverage now = LoadAverage.now();

        assertTrue(Double.isNaN(now.oneMinute()) || now.oneMinute() >= 0, now.toString());
    }
}
