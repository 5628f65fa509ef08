package newsroom.fetching;

import newsroom.fetching.testing.LocalNewsSite;
import newsroom.fetching.testing.LocalNewsSite.Failure;
import newsroom.fetching.testing.LocalNewsSite.Page;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.zip.GZIPOutputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Feeds and sitemaps as LocalNewsSite serves them, fetched over HTTP and read. */
class SourceDocumentsTest {

    private static final Instant MONDAY = Instant.parse("2026-03-02T08:00:00Z");
    private static final Instant TUESDAY = Instant.parse("2026-03-03T09:30:00Z");

    private final PoliteFetcher fetcher = TestFetchers.fetcher();

    @Test
    void readsRss2() throws Exception {
        try (LocalNewsSite site = LocalNewsSite.start()) {
            Page vote = site.page("/news/vote", "Harbour vote delayed", MONDAY);
            Page ferry = site.page("/news/ferry", "Ferry fares to rise", TUESDAY, "Helen Carter");
            SourceDocument feed = publishAndRead(site, LocalNewsSite::rssFeed, "/feed.xml", SourceKind.RSS, ferry, vote);
            assertEquals(LocalNewsSite.NAME, feed.title());
            assertEquals(List.of(
                    new SourceItem(LocalNewsSite.guid(ferry), ferry.url().toString(), "Ferry fares to rise", "Helen Carter",
                            TUESDAY, null),
                    new SourceItem(LocalNewsSite.guid(vote), vote.url().toString(), "Harbour vote delayed", vote.author(),
                            MONDAY, null)), feed.items());
        }
    }

    @Test
    void readsRss1() throws Exception {
        try (LocalNewsSite site = LocalNewsSite.start()) {
            Page vote = site.page("/news/vote", "Harbour vote delayed", MONDAY);
            SourceDocument feed = publishAndRead(site, LocalNewsSite::rdfFeed, "/index.rdf", SourceKind.RSS, vote);
            SourceItem item = feed.items().get(0);
            assertEquals(vote.url().toString(), item.key(), "rdf:about is the link: the normalised link is the key");
            assertEquals("Harbour vote delayed", item.title());
            assertEquals(MONDAY, item.published());
            assertEquals(vote.author(), item.author());
        }
    }

    @Test
    void readsAtom() throws Exception {
        try (LocalNewsSite site = LocalNewsSite.start()) {
            Page vote = site.page("/news/vote", "Harbour vote delayed", MONDAY, "Grace Whitfield");
            Page undated = site.page("/news/undated", "Undated notice", null, null);
            SourceDocument feed = publishAndRead(site, LocalNewsSite::atomFeed, "/atom.xml", SourceKind.ATOM, vote,
                    undated);
            assertEquals(new SourceItem(LocalNewsSite.guid(vote), vote.url().toString(), "Harbour vote delayed",
                    "Grace Whitfield", MONDAY, MONDAY), feed.items().get(0));
            SourceItem second = feed.items().get(1);
            assertNull(second.published(), "an entry's updated is not its publication time");
            assertTrue(second.updated() != null);
            assertNull(second.author());
        }
    }

    @Test
    void readsASitemap() throws Exception {
        try (LocalNewsSite site = LocalNewsSite.start()) {
            Page vote = site.page("/news/vote", "Harbour vote delayed", MONDAY);
            SourceDocument sitemap = publishAndRead(site, LocalNewsSite::sitemap, "/sitemap.xml", SourceKind.SITEMAP,
                    vote);
            assertEquals(List.of(new SourceItem(vote.url().toString(), vote.url().toString(), null, null, null, MONDAY)),
                    sitemap.items());
        }
    }

    @Test
    void readsAGoogleNewsSitemap() throws Exception {
        try (LocalNewsSite site = LocalNewsSite.start()) {
            Page vote = site.page("/news/vote", "Harbour vote delayed", MONDAY);
            SourceDocument sitemap = publishAndRead(site, LocalNewsSite::googleNewsSitemap, "/sitemaps/news.xml",
                    SourceKind.GOOGLE_NEWS_SITEMAP, vote);
            assertEquals(List.of(new SourceItem(vote.url().toString(), vote.url().toString(), "Harbour vote delayed", null,
                    MONDAY, MONDAY)), sitemap.items(), "pages outside the sitemap's folder are kept");
        }
    }

    @Test
    void readsASitemapIndex() throws Exception {
        try (LocalNewsSite site = LocalNewsSite.start()) {
            site.sitemapIndex("/sitemap-index.xml", "/sitemaps/news.xml", "/sitemaps/2026-03.xml");
            SourceDocument index = read(site, "/sitemap-index.xml", SourceKind.SITEMAP_INDEX);
            assertEquals(List.of(site.url("/sitemaps/news.xml"), site.url("/sitemaps/2026-03.xml")), index.sitemaps());
            assertEquals(List.of(), index.items());
        }
    }

    @Test
    void anItemKeepsItsIdentityWhenItsTitleAndDateChange() throws Exception {
        try (LocalNewsSite site = LocalNewsSite.start()) {
            Page vote = site.page("/news/vote", "Harbour vote delayed", MONDAY);
            site.rssFeed("/feed.xml", vote);
            site.sitemap("/sitemap.xml", vote);
            SourceItem before = read(site, "/feed.xml").items().get(0);
            SourceItem inSitemapBefore = read(site, "/sitemap.xml").items().get(0);
            site.revise("/news/vote", "Harbour vote delayed again", TUESDAY);
            SourceItem after = read(site, "/feed.xml").items().get(0);
            assertEquals(before.key(), after.key());
            assertEquals("Harbour vote delayed again", after.title());
            assertEquals(TUESDAY, after.published());
            assertEquals(inSitemapBefore.key(), read(site, "/sitemap.xml").items().get(0).key());
        }
    }

    @Test
    void withoutGuidTheNormalisedLinkIsTheKeyAndEachKeyCountsOnce() throws Exception {
        URI url = URI.create("https://news.example/feed.xml");
        String rss = """
                <?xml version="1.0"?>
                <rss version="2.0"><channel><title>T</title>
                <item><title>One</title><link>/story?id=1&amp;utm_source=rss#top</link></item>
                <item><title>One again</title><link>HTTPS://NEWS.example:443/story?id=1</link></item>
                <item><title>No link</title><description>nothing to fetch</description></item>
                <item><title>Mail</title><link>mailto:desk@news.example</link></item>
                </channel></rss>""";
        SourceDocument feed = SourceDocuments.parse(url, rss.getBytes(StandardCharsets.UTF_8), "application/rss+xml");
        assertEquals(List.of(new SourceItem("https://news.example/story?id=1", "https://news.example/story?id=1", "One",
                null, null, null)), feed.items());
    }

    @Test
    void anHtmlPageIsNotASourceAndTheMessageSaysWhatToDo() throws Exception {
        try (LocalNewsSite site = LocalNewsSite.start()) {
            site.page("/news/vote", "Harbour vote delayed", MONDAY);
            NotASourceException e = assertThrows(NotASourceException.class, () -> read(site, "/news/vote"));
            assertEquals(site.url("/news/vote") + " is an HTML page, not a feed or sitemap (find its feeds with "
                    + "`newsroom sources add --discover " + site.url("/news/vote") + "`)", e.getMessage());
        }
    }

    @Test
    void malformedXmlSaysWhere() throws Exception {
        try (LocalNewsSite site = LocalNewsSite.start()) {
            site.failing("/broken.xml", Failure.MALFORMED_XML);
            NotASourceException e = assertThrows(NotASourceException.class, () -> read(site, "/broken.xml"));
            assertTrue(e.getMessage().startsWith(site.url("/broken.xml") + " is not well-formed XML (line 4, column"),
                    e.getMessage());
        }
    }

    @Test
    void otherContentSaysWhatItIs() throws Exception {
        try (LocalNewsSite site = LocalNewsSite.start()) {
            site.failing("/report.pdf", Failure.PDF);
            site.failing("/photo.png", Failure.IMAGE);
            assertEquals(site.url("/report.pdf") + " is application/pdf, not a feed or sitemap",
                    assertThrows(NotASourceException.class, () -> read(site, "/report.pdf")).getMessage());
            assertEquals(site.url("/photo.png") + " is image/png, not a feed or sitemap",
                    assertThrows(NotASourceException.class, () -> read(site, "/photo.png")).getMessage());
        }
    }

    @Test
    void externalEntitiesAreNeverExpanded() throws Exception {
        try (LocalNewsSite site = LocalNewsSite.start()) {
            site.resource("/secret.txt", "text/plain", "TOP-SECRET-TOKEN");
            String probe = """
                    <?xml version="1.0"?>
                    <!DOCTYPE rss [<!ENTITY secret SYSTEM "%s">]>
                    <rss version="2.0"><channel><title>&secret;</title>
                    <item><title>&secret;</title><link>%s</link></item></channel></rss>"""
                    .formatted(site.url("/secret.txt"), site.url("/news/a"));
            site.resource("/xxe.xml", "application/rss+xml", probe);
            String sitemapProbe = """
                    <?xml version="1.0"?>
                    <!DOCTYPE urlset [<!ENTITY secret SYSTEM "%s">]>
                    <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"><url><loc>%s?t=&secret;</loc></url></urlset>"""
                    .formatted(site.url("/secret.txt"), site.url("/news/a"));
            site.resource("/xxe-sitemap.xml", "application/xml", sitemapProbe);
            for (String path : List.of("/xxe.xml", "/xxe-sitemap.xml")) {
                NotASourceException refused = assertThrows(NotASourceException.class, () -> read(site, path));
                assertTrue(refused.getMessage().contains("The entity \"secret\" was referenced, but not declared"),
                        refused.getMessage());
            }
            assertEquals(List.of(), site.requests("/secret.txt"), "the entity's URL was never fetched");
        }
    }

    @Test
    void anOldRssFeedWithItsNetscapeDoctypeIsRead() throws Exception {
        String rss = """
                <?xml version="1.0" encoding="ISO-8859-1"?>
                <!DOCTYPE rss PUBLIC "-//Netscape Communications//DTD RSS 0.91//EN" "http://my.netscape.com/publish/formats/rss-0.91.dtd">
                <rss version="0.91"><channel><title>Old</title><link>https://old.example/</link><description>d</description>
                <item><title>Story</title><link>https://old.example/story</link></item></channel></rss>""";
        SourceDocument feed = SourceDocuments.parse(URI.create("https://old.example/rss"),
                rss.getBytes(StandardCharsets.ISO_8859_1), "text/xml");
        assertEquals(SourceKind.RSS, feed.kind());
        assertEquals("https://old.example/story", feed.items().get(0).link());
    }

    @Test
    void aGzippedSitemapFileIsUnpacked() throws Exception {
        try (LocalNewsSite site = LocalNewsSite.start()) {
            String xml = "<?xml version=\"1.0\"?><urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">"
                    + "<url><loc>" + site.url("/news/a") + "</loc></url></urlset>";
            ByteArrayOutputStream gzipped = new ByteArrayOutputStream();
            try (GZIPOutputStream out = new GZIPOutputStream(gzipped)) {
                out.write(xml.getBytes(StandardCharsets.UTF_8));
            }
            site.resource("/sitemap.xml.gz", "application/gzip", gzipped.toByteArray());
            assertEquals(site.url("/news/a").toString(), read(site, "/sitemap.xml.gz").items().get(0).link());
        }
    }

    @Test
    void aFeedInAnotherEncodingReadsRight() throws Exception {
        try (LocalNewsSite site = LocalNewsSite.start()) {
            String rss = "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><rss version=\"2.0\"><channel><title>Caf\u00e9 news"
                    + "</title><item><title>Cr\u00e8me br\u00fbl\u00e9e</title><link>" + site.url("/a") + "</link></item>"
                    + "</channel></rss>";
            site.resource("/latin.xml", "text/xml", rss.getBytes(StandardCharsets.ISO_8859_1));
            SourceDocument feed = read(site, "/latin.xml");
            assertEquals("Caf\u00e9 news", feed.title());
            assertEquals("Cr\u00e8me br\u00fbl\u00e9e", feed.items().get(0).title());
        }
    }

    /** How a site publishes pages in a document: {@code LocalNewsSite::rssFeed}, {@code LocalNewsSite::sitemap}... */
    @FunctionalInterface
    private interface Publishing {
        void publish(LocalNewsSite site, String path, Page... pages);
    }

    /** Publishes {@code pages} on {@code site} in a document at {@code path}, and reads it as a {@code kind}. */
    private SourceDocument publishAndRead(LocalNewsSite site, Publishing publishing, String path, SourceKind kind,
                                          Page... pages) throws Exception {
        publishing.publish(site, path, pages);
        return read(site, path, kind);
    }

    /** Reads the document at {@code path} and checks that it is read as a {@code kind}. */
    private SourceDocument read(LocalNewsSite site, String path, SourceKind kind) throws Exception {
        SourceDocument document = read(site, path);
        assertEquals(kind, document.kind());
        return document;
    }

    private SourceDocument read(LocalNewsSite site, String path) throws Exception {
        FetchResult.Fetched fetched = assertInstanceOf(FetchResult.Fetched.class,
                fetcher.fetch(site.url(path), Validators.NONE));
        return SourceDocuments.parse(fetched.url(), fetched.body(), fetched.contentType());
    }
}
