package newsroom.bench.query;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** Rows in COPY's text format: tab-separated, escaped, with the two values that pass as they are. */
class StoreCopyTest {

    @Test
    void valuesAreTabSeparatedAndEscaped() {
        StringBuilder rows = new StringBuilder();
        StoreCopy.row(rows, 7, "a\tb", "line\nbreak\r", "back\\slash", 0.5);
        assertEquals("7\ta\\tb\tline\\nbreak\\r\tback\\\\slash\t0.5\n", rows.toString());
    }

    @Test
    void nullMarkerAndByteaHexPassAsTheyAre() {
        StringBuilder rows = new StringBuilder();
        StoreCopy.row(rows, "\\N", "\\\\x0aff");
        StoreCopy.row(rows, "x");
        assertEquals("\\N\t\\\\x0aff\nx\n", rows.toString());
    }
}
