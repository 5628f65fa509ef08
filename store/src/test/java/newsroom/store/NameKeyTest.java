package newsroom.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class NameKeyTest {

    @Test
    void foldsCaseDiacriticsAndPunctuation() {
        assertEquals("yildirim", NameKey.of("Yıldırım"));
        assertEquals("yildirim", NameKey.of("YILDIRIM"));
        assertEquals("sergey lavrov", NameKey.of("  Sergey   Lavrov "));
        assertEquals("j p morgan", NameKey.of("J.P. Morgan"));
        assertEquals("muller", NameKey.of("Müller"));
    }

    @Test
    void nameWithoutLettersHasEmptyKey() {
        assertEquals("", NameKey.of("--- !"));
    }
}
