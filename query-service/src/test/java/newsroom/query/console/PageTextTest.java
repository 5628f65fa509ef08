package newsroom.query.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import newsroom.nlp.v1.Analysis;
import newsroom.nlp.v1.Entity;
import newsroom.nlp.v1.Mention;
import newsroom.query.v1.GlobalEntity;
import org.junit.jupiter.api.Test;

/** How stored text is cut into pieces and written into chart JSON, hostile text included. */
class PageTextTest {

    @Test
    void snippetMarkersBecomeMarkedPiecesAndTheRestStaysText() {
        List<TextPiece> pieces = TextPiece.ofSnippet("a <script>x</script> <b>Lavrov</b> said <b>talks</b>");
        assertEquals(List.of(TextPiece.plain("a <script>x</script> "), new TextPiece("Lavrov", true, 0, ""),
                TextPiece.plain(" said "), new TextPiece("talks", true, 0, "")), pieces);
        assertEquals(List.of(new TextPiece("open", true, 0, "")), TextPiece.ofSnippet("<b>open"));
    }

    @Test
    void mentionsCutTheTextByTheirOffsetsSkippingPronounsOverlapsAndBadSpans() {
        String text = "Sergey Lavrov met Qureshi; he smiled.";
        Analysis analysis = Analysis.newBuilder()
                .addEntities(Entity.newBuilder().setId("e1").setType(Entity.Type.PERSON)
                        .addMentions(Mention.newBuilder().setBegin(0).setEnd(13).setKind(Mention.Kind.NAME))
                        .addMentions(Mention.newBuilder().setBegin(7).setEnd(13).setKind(Mention.Kind.NAME))
                        .addMentions(Mention.newBuilder().setBegin(27).setEnd(29).setKind(Mention.Kind.PRONOMINAL)))
                .addEntities(Entity.newBuilder().setId("e2").setType(Entity.Type.PERSON)
                        .addMentions(Mention.newBuilder().setBegin(18).setEnd(25).setKind(Mention.Kind.NAME))
                        .addMentions(Mention.newBuilder().setBegin(30).setEnd(999).setKind(Mention.Kind.NAME)))
                .build();
        List<TextPiece> pieces = MentionedText.of(text, analysis, Map.of("e1", 7L));
        assertEquals(List.of(new TextPiece("Sergey Lavrov", false, 7, "PERSON"), TextPiece.plain(" met "),
                new TextPiece("Qureshi", false, 0, "PERSON"), TextPiece.plain("; he smiled.")), pieces);
    }

    @Test
    void chartJsonCannotCloseItsScriptBlock() {
        String json = ChartJson.of("</script><script>alert(1)</script>", "a&b", "", List.of(new ChartJson.Series(
                "\"quoted\" \\ \u2028 </SCRIPT>", "line", 0, List.of(new ChartJson.Point("2021-04-07", 0.5),
                new ChartJson.Point("2021-04-08", Double.NaN))))).toString();
        assertFalse(json.contains("<") || json.contains(">") || json.contains("&") || json.contains("\u2028"), json);
        assertTrue(json.contains("\\u003c/script\\u003e"), json);
        assertTrue(json.contains("\\\"quoted\\\" \\\\ \\u2028"), json);
        assertTrue(json.contains("[\"2021-04-07\",0.5],[\"2021-04-08\",null]"), json);
    }

    @Test
    void onlyWebUrlsAreLinkedAndNamesQueryEveryAlias() {
        assertEquals("https://example.org/a", ConsolePages.webUrl(" https://example.org/a"));
        assertEquals("", ConsolePages.webUrl("javascript:alert(1)"));
        assertEquals("", ConsolePages.webUrl("data:text/html,<script>"));
        GlobalEntity entity = GlobalEntity.newBuilder().setName("Sergey Lavrov").addAliases("Sergey Lavrov")
                .addAliases("Lavrov \"the fox\"").build();
        assertEquals("\"Sergey Lavrov\" OR \"Lavrov  the fox\"", ConsolePages.namesQuery(entity));
    }
}
