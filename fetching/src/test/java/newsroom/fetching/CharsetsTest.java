package newsroom.fetching;

import org.junit.jupiter.api.Test;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class CharsetsTest {

    private static final String TEXT = "\u201cCaf\u00e9 cr\u00e8me \u2013 ja,\u201d she said.";

    @Test
    void theContentTypeCharsetWins() {
        byte[] body = TEXT.getBytes(Charset.forName("windows-1252"));
        assertEquals(TEXT, Charsets.decode(body, "text/html; charset=windows-1252"));
        assertEquals(TEXT, Charsets.decode(body, "text/html; charset=\"ISO-8859-1\""), "read as windows-1252, like browsers");
    }

    @Test
    void elseAByteOrderMarkThenTheDocumentsOwnDeclaration() {
        byte[] utf16 = ("\ufeff" + TEXT).getBytes(StandardCharsets.UTF_16BE);
        assertEquals(TEXT, Charsets.decode(utf16, "text/html"));
        byte[] meta = ("<html><head><meta charset=\"windows-1252\"></head><body>" + TEXT)
                .getBytes(Charset.forName("windows-1252"));
        assertTrue(Charsets.decode(meta, null).endsWith(TEXT));
        byte[] httpEquiv = ("<html><head><meta http-equiv=\"Content-Type\" content=\"text/html; charset=iso-8859-1\">"
                + "</head><body>" + TEXT).getBytes(Charset.forName("windows-1252"));
        assertTrue(Charsets.decode(httpEquiv, "text/html").endsWith(TEXT));
        byte[] xml = ("<?xml version=\"1.0\" encoding=\"windows-1252\"?><rss>" + TEXT)
                .getBytes(Charset.forName("windows-1252"));
        assertTrue(Charsets.decode(xml, "application/xml").endsWith(TEXT));
    }

    @Test
    void elseUtf8EvenForAnUnknownCharset() {
        byte[] body = TEXT.getBytes(StandardCharsets.UTF_8);
        assertEquals(TEXT, Charsets.decode(body, null));
        assertEquals(TEXT, Charsets.decode(body, "text/html; charset=klingon-8"));
    }

    @Test
    void tellsHtmlByContentTypeOrByItsStart() {
        assertTrue(Charsets.isHtml(new byte[0], "text/html; charset=utf-8"));
        assertFalse(Charsets.isHtml("<html>".getBytes(StandardCharsets.UTF_8), "application/rss+xml"));
        assertTrue(Charsets.isHtml("\n<!DOCTYPE html><html>".getBytes(StandardCharsets.UTF_8), null));
        assertFalse(Charsets.isHtml("<?xml version=\"1.0\"?><rss/>".getBytes(StandardCharsets.UTF_8), null));
    }
}
