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
    void aLastColumnOnOneLineIsCutToTheWidthInsteadOfWrapped() {
        String text = new Table("ID", "LAST ERROR").lastColumnOnOneLine()
                .row("1", "HTTP 503 Service Unavailable from https://news.example/feed.xml after 3 tries")
                .row("2", "")
                .render(4 + 30);
        assertEquals("""
                ID  LAST ERROR
                1   HTTP 503 Service Unavailable…
                2
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

    @Test
    void aLongCellAmongShortOnesWrapsInItsColumnSoTheLastColumnKeepsHalfTheWidth() {
        Table table = new Table("SPEAKER", "FORM", "TEXT")
                .row("Foreign Minister Shah Mahmood Qureshi and his Russian counterpart", "indirect",
                        "Pakistan and Russia aim to deepen their bilateral relations")
                .row("Shah Mahmood Qureshi", "indirect", "Pakistan intends to build a relationship of trust with Russia")
                .row("Sergey Lavrov", "direct", "“We have high-level commitments and dialogue,”")
                .row("Sergey Lavrov", "indirect", "he is satisfied by the increase in mutual trade");
        assertEquals("""
                SPEAKER                       FORM      TEXT
                Foreign Minister Shah         indirect  Pakistan and Russia aim to deepen their
                Mahmood Qureshi and his                 bilateral relations
                Russian counterpart
                Shah Mahmood Qureshi          indirect  Pakistan intends to build a relationship
                                                        of trust with Russia
                Sergey Lavrov                 direct    “We have high-level commitments and
                                                        dialogue,”
                Sergey Lavrov                 indirect  he is satisfied by the increase in
                                                        mutual trade
                """, table.render(80));
        // With room enough nothing wraps.
        assertEquals(5, table.render(200).lines().count());
    }

    @Test
    void whenTheLastColumnWouldBeTooNarrowItGoesBelowEachRowAcrossTheWidth() {
        Table table = new Table("SPEAKER", "CUE", "FORM", "ARTICLE", "DATE", "TEXT")
                .row("Shah Mahmood Qureshi", "say", "indirect", 1, "2021-04-07",
                        "Pakistan intends to build a relationship of trust with Russia, and their relations are"
                                + " continuously improving")
                .row("Sergey Lavrov", "remark", "direct", 1, "2021-04-07", "")
                .row("Sergey Lavrov", "add", "indirect", 1, "2021-04-07",
                        "relations between Pakistan and Russia are mutually beneficial");
        assertEquals("""
                SPEAKER               CUE     FORM      ARTICLE  DATE
                    TEXT
                Shah Mahmood Qureshi  say     indirect  1        2021-04-07
                    Pakistan intends to build a relationship of trust with Russia, and their
                    relations are continuously improving
                Sergey Lavrov         remark  direct    1        2021-04-07
                Sergey Lavrov         add     indirect  1        2021-04-07
                    relations between Pakistan and Russia are mutually beneficial
                """, table.render(80));
        // In 120 columns the text has room beside the others.
        assertEquals("SPEAKER               CUE     FORM      ARTICLE  DATE        TEXT",
                table.render(120).lines().findFirst().orElseThrow());
    }

    @Test
    void shortLastCellsNeedNoMoreRoomThanTheyTake() {
        // 67 characters before the last column leave it 13 of 80: enough for "(talks)", so no stacking.
        Table table = new Table("EVENT", "WHO", "WITH", "WHERE", "WHEN", "WHAT")
                .row("MEET", "Shah Mahmood Qureshi", "Sergey Lavrov", "Islamabad", "2021-04-07", "(talks)");
        assertEquals("""
                EVENT  WHO                   WITH           WHERE      WHEN        WHAT
                MEET   Shah Mahmood Qureshi  Sergey Lavrov  Islamabad  2021-04-07  (talks)
                """, table.render(80));
    }
}
