package newsroom.fetching;

import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.feed.synd.SyndLink;
import com.rometools.rome.feed.synd.SyndPerson;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import crawlercommons.sitemaps.AbstractSiteMap;
import crawlercommons.sitemaps.SiteMap;
import crawlercommons.sitemaps.SiteMapIndex;
import crawlercommons.sitemaps.SiteMapParser;
import crawlercommons.sitemaps.SiteMapURL;
import crawlercommons.sitemaps.UnknownFormatException;
import crawlercommons.sitemaps.extension.Extension;
import crawlercommons.sitemaps.extension.ExtensionMetadata;
import crawlercommons.sitemaps.extension.NewsAttributes;
import org.xml.sax.InputSource;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a fetched body as a feed (ROME: RSS 0.9x, 1.0, 2.0, Atom 1.0) or a sitemap
 * (crawler-commons: urlset, sitemap index, Google News). The kind comes from the content.
 *
 * <p>The body is first read through once with StAX (DTDs and external entities off), which both
 * finds the root element and reports malformed XML with its line and column. That pass refuses
 * any reference to an entity a DOCTYPE declares, so what reaches the parsers after it has an
 * inert DOCTYPE at most: ROME may then accept one (old RSS 0.91 feeds carry Netscape's), and it
 * loads no external DTD and resolves no entity anyway; crawler-commons' sitemap parser refuses
 * doctype declarations by default.
 */
public final class SourceDocuments {

    /** A gzipped sitemap (sitemap.xml.gz served as a file) is unpacked up to the protocol's limit. */
    static final int MAX_UNZIPPED_SITEMAP_BYTES = 50 * 1024 * 1024;

    private SourceDocuments() {
    }

    /**
     * @param url         where the body came from (relative links resolve against it)
     * @param body        the body's bytes, as served (the XML declares its own encoding)
     * @param contentType the Content-Type header; null when none
     * @throws NotASourceException when the body is not a feed or sitemap, saying what it is
     */
    public static SourceDocument parse(URI url, byte[] body, String contentType) throws NotASourceException {
        if (body.length >= 2 && (body[0] & 0xff) == 0x1f && (body[1] & 0xff) == 0x8b) {
            body = gunzip(url, body);
            contentType = null;
        }
        String root;
        try {
            root = rootElement(body);
        } catch (XMLStreamException e) {
            throw notXml(url, body, contentType, e);
        }
        return switch (root) {
            case "rss", "RDF" -> feed(url, body, SourceKind.RSS);
            case "feed" -> feed(url, body, SourceKind.ATOM);
            case "urlset", "sitemapindex" -> sitemap(url, body);
            case "html" -> throw htmlPage(url);
            default -> throw new NotASourceException(url + " is an XML document whose root element is <" + root
                    + ">, not a feed (<rss>, <rdf:RDF>, <feed>) or sitemap (<urlset>, <sitemapindex>)");
        };
    }

    /** The root element's local name; reads the whole document so that malformed XML anywhere fails here. */
    private static String rootElement(byte[] body) throws XMLStreamException {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        XMLStreamReader reader = factory.createXMLStreamReader(new ByteArrayInputStream(body));
        try {
            String root = null;
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT && root == null) {
                    root = reader.getLocalName();
                }
            }
            if (root == null) {
                throw new XMLStreamException("the document has no element");
            }
            return root;
        } finally {
            reader.close();
        }
    }

    private static NotASourceException notXml(URI url, byte[] body, String contentType, XMLStreamException e) {
        if (Charsets.isHtml(body, contentType) || contentType == null && looksLikeHtml(body)) {
            return htmlPage(url);
        }
        if (contentType != null && !contentType.isBlank()) {
            String type = Charsets.mediaType(contentType);
            boolean xmlish = type.contains("xml") || type.startsWith("text/");
            if (!xmlish) {
                return new NotASourceException(url + " is " + type + ", not a feed or sitemap");
            }
        }
        String where = e.getLocation() == null ? ""
                : "line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber() + ": ";
        String message = e.getMessage() == null ? "" : e.getMessage();
        int detail = message.indexOf("Message: ");
        if (detail >= 0) {
            message = message.substring(detail + "Message: ".length());
        }
        return new NotASourceException(url + " is not well-formed XML (" + where + message.strip() + ")");
    }

    private static boolean looksLikeHtml(byte[] body) {
        String head = new String(body, 0, Math.min(body.length, 1024), java.nio.charset.StandardCharsets.ISO_8859_1)
                .toLowerCase(Locale.ROOT);
        return head.contains("<html") || head.contains("<!doctype html") || head.contains("<head") || head.contains("<body");
    }

    private static NotASourceException htmlPage(URI url) {
        return new NotASourceException(url + " is an HTML page, not a feed or sitemap (find its feeds with "
                + "`newsroom sources add --discover " + url + "`)");
    }

    private static byte[] gunzip(URI url, byte[] body) throws NotASourceException {
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            byte[] unzipped = in.readNBytes(MAX_UNZIPPED_SITEMAP_BYTES + 1);
            if (unzipped.length > MAX_UNZIPPED_SITEMAP_BYTES) {
                throw new NotASourceException(url + " unzips to more than " + MAX_UNZIPPED_SITEMAP_BYTES / (1024 * 1024)
                        + " MiB, the largest sitemap allowed");
            }
            return unzipped;
        } catch (IOException e) {
            throw new NotASourceException(url + " is a broken gzip file (" + e.getMessage() + ")");
        }
    }

    // ---- feeds ----

    private static SourceDocument feed(URI url, byte[] body, SourceKind kind) throws NotASourceException {
        SyndFeedInput input = new SyndFeedInput();
        // Safe only because rootElement() has refused every entity a DOCTYPE could declare.
        input.setAllowDoctypes(true);
        SyndFeed feed;
        try {
            feed = input.build(new InputSource(new ByteArrayInputStream(body)));
        } catch (FeedException | IllegalArgumentException e) {
            throw new NotASourceException(url + " could not be read as " + (kind == SourceKind.ATOM ? "an Atom" : "an RSS")
                    + " feed (" + e.getMessage() + ")");
        }
        Map<String, SourceItem> items = new LinkedHashMap<>();
        for (SyndEntry entry : feed.getEntries()) {
            String link = UrlNormalizer.resolve(url, entryLink(entry));
            if (link == null) {
                continue;
            }
            // ROME puts the guid (RSS), id (Atom) or rdf:about (RSS 1.0) in uri, and the link
            // there when an RSS item has no guid: then the normalised link is the key.
            String uri = blankToNull(entry.getUri());
            String key = uri == null || uri.equals(entry.getLink()) || uri.equals(link) ? link : uri;
            items.putIfAbsent(key, new SourceItem(key, link, text(entry.getTitle()), author(entry),
                    instant(entry.getPublishedDate()), instant(entry.getUpdatedDate())));
        }
        return new SourceDocument(kind, text(feed.getTitle()), new ArrayList<>(items.values()), List.of());
    }

    private static String entryLink(SyndEntry entry) {
        if (entry.getLink() != null && !entry.getLink().isBlank()) {
            return entry.getLink();
        }
        for (SyndLink link : entry.getLinks()) {
            if (link.getRel() == null || link.getRel().equals("alternate")) {
                return link.getHref();
            }
        }
        return null;
    }

    private static String author(SyndEntry entry) {
        String author = text(entry.getAuthor());
        if (author != null) {
            return author;
        }
        for (SyndPerson person : entry.getAuthors()) {
            if (text(person.getName()) != null) {
                return text(person.getName());
            }
        }
        return null;
    }

    // ---- sitemaps ----

    private static SourceDocument sitemap(URI url, byte[] body) throws NotASourceException {
        // Not strict: a news site's sitemap often lives in /sitemaps/ and lists pages elsewhere
        // on the site; strict parsing would drop those.
        SiteMapParser parser = new SiteMapParser(false);
        parser.enableExtension(Extension.NEWS);
        AbstractSiteMap parsed;
        try {
            parsed = parser.parseSiteMap("text/xml", body, toUrl(url));
        } catch (UnknownFormatException | IOException e) {
            throw new NotASourceException(url + " could not be read as a sitemap (" + e.getMessage() + ")");
        }
        if (parsed instanceof SiteMapIndex index) {
            List<URI> sitemaps = new ArrayList<>();
            for (AbstractSiteMap sitemap : index.getSitemaps()) {
                String normalised = UrlNormalizer.resolve(url, sitemap.getUrl().toString());
                if (normalised != null && !sitemaps.contains(URI.create(normalised))) {
                    sitemaps.add(URI.create(normalised));
                }
            }
            return new SourceDocument(SourceKind.SITEMAP_INDEX, null, List.of(), sitemaps);
        }
        Map<String, SourceItem> items = new LinkedHashMap<>();
        boolean news = false;
        for (SiteMapURL entry : ((SiteMap) parsed).getSiteMapUrls()) {
            String link = UrlNormalizer.resolve(url, entry.getUrl().toString());
            if (link == null) {
                continue;
            }
            String title = null;
            Instant published = null;
            ExtensionMetadata[] newsData = entry.getAttributesForExtension(Extension.NEWS);
            if (newsData != null) {
                for (ExtensionMetadata data : newsData) {
                    if (data instanceof NewsAttributes attributes) {
                        news = true;
                        title = text(attributes.getTitle());
                        if (attributes.getPublicationDateTime() != null) {
                            published = attributes.getPublicationDateTime().toInstant();
                        }
                    }
                }
            }
            items.putIfAbsent(link, new SourceItem(link, link, title, null, published, instant(entry.getLastModified())));
        }
        return new SourceDocument(news ? SourceKind.GOOGLE_NEWS_SITEMAP : SourceKind.SITEMAP, null,
                new ArrayList<>(items.values()), List.of());
    }

    private static URL toUrl(URI url) throws NotASourceException {
        try {
            return url.toURL();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new NotASourceException(url + " is not a URL a sitemap can be read from (" + e.getMessage() + ")");
        }
    }

    private static String text(String value) {
        if (value == null) {
            return null;
        }
        String collapsed = value.replaceAll("\\s+", " ").strip();
        return collapsed.isEmpty() ? null : collapsed;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
