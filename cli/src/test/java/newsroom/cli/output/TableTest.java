package newsroom.cli.output;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class TableTest {

    @Test
    void columnsAlignAndTheLastOneWrapsUnderItself() {
        String text = new Table("SPEAKER", "TEXT")
                .row("Sergey Lavrov", "We should not forget the task of establishing the state of Palestine")
                .row("Qureshi", "sky is the limit")
                .render(15 + 30);
        assertEquals("""
                SPEAKER        TEXT
                Sergey Lavrov  We should not forget the task
                               of establishing the state of
                               Palestine
                Qureshi        sky is the limit
                """, text);
    }

    @Test
    void wrappingKeepsWordsWhole() {
        assertEquals(List.of("aaa bb", "cccccccccc", "d"), Table.wrap("aaa bb cccccccccc d", 6));
    }

    @Test
    void newlinesInCellsDoNotBreakRows() {
        assertEquals("A  B\nx  y z\n", new Table("A", "B").row("x", "y\n z").render(80));
    }
}
