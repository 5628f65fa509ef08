package newsroom.fetching;

import newsroom.fetching.OpmlSubscriptions.Subscription;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class OpmlSubscriptionsTest {

    @Test
    void readsNestedOutlinesOfOpml2() throws Exception {
        String opml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <opml version="2.0">
                  <head><title>My feeds</title></head>
                  <body>
                    <outline text="World">
                      <outline text="BBC World" type="rss" xmlUrl="https://feeds.bbci.co.uk/news/world/rss.xml"/>
                      <outline text="Europe">
                        <outline title="Deep" type="rss" xmlUrl=" https://example.com/europe.xml "/>
                      </outline>
                    </outline>
                    <outline text="No feed here" htmlUrl="https://example.com/"/>
                    <outline text="Local" type="rss" xmlUrl="https://local.example/feed"/>
                  </body>
                </opml>""";
        assertEquals(List.of(
                new Subscription("https://feeds.bbci.co.uk/news/world/rss.xml", "BBC World"),
                new Subscription("https://example.com/europe.xml", "Deep"),
                new Subscription("https://local.example/feed", "Local")), read(opml));
    }

    @Test
    void readsOpml1() throws Exception {
        String opml = """
                <?xml version="1.0"?>
                <opml version="1.0"><head><title>Old</title></head><body>
                <outline text="A feed" xmlUrl="https://example.com/a.xml"/>
                </body></opml>""";
        assertEquals(List.of(new Subscription("https://example.com/a.xml", "A feed")), read(opml));
    }

    @Test
    void somethingElseIsRefusedSayingWhy() {
        NotASourceException malformed = assertThrows(NotASourceException.class, () -> read("<opml version=\"2.0\"><body>"));
        assertTrue(malformed.getMessage().startsWith("not well-formed XML (line 1"), malformed.getMessage());
        NotASourceException feed = assertThrows(NotASourceException.class,
                () -> read("<rss version=\"2.0\"><channel><title>t</title></channel></rss>"));
        assertTrue(feed.getMessage().startsWith("not an OPML file"), feed.getMessage());
        NotASourceException xxe = assertThrows(NotASourceException.class, () -> read(
                "<?xml version=\"1.0\"?><!DOCTYPE opml [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>"
                        + "<opml version=\"2.0\"><body><outline text=\"&x;\" xmlUrl=\"https://e.com/f\"/></body></opml>"));
        assertTrue(!xxe.getMessage().contains("root:"), xxe.getMessage());
    }

    private static List<Subscription> read(String opml) throws NotASourceException {
        return OpmlSubscriptions.read(new ByteArrayInputStream(opml.getBytes(StandardCharsets.UTF_8)));
    }
}
