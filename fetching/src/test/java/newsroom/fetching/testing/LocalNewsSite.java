package newsroom.fetching.testing;

import com.sun.net.httpserver.Headers;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.zip.GZIPOutputStream;

/**
 * A news site on a loopback address, for tests: article pages, the feeds and sitemaps that list
 * them, robots.txt, a home page with feed links, and paths that misbehave on purpose. It answers
 * conditional GETs (ETag, If-Modified-Since) and gzips when asked, and logs every request so a
 * test can check what a fetcher did (how far apart, which paths, which headers).
 *
 * <p>Feeds and sitemaps are drawn from the pages' current state at each request, so
 * {@link #revise} and {@link #addToFeed} show up at the next poll. Thread-safe.
 *
 * <pre>{@code
 * try (LocalNewsSite site = LocalNewsSite.start()) {
 *     Page page = site.page("/news/harbour-vote", "Harbour vote delayed", Instant.parse("2026-03-01T08:00:00Z"));
 *     site.rssFeed("/feed.xml", page);
 *     site.robots("User-agent: *\nDisallow: /private/\n");
 *     ... fetch site.url("/feed.xml") ...
 *     assertEquals(1, site.requests("/feed.xml").size());
 * }
 * }</pre>
 */
public final class LocalNewsSite implements AutoCloseable {

    /** The site's name, in page titles, headers and feed titles. */
    public static final String NAME = "The Harbour Courier";

    /** One article page. {@code published} and {@code author} are null when the page does not say. */
    public record Page(String path, URI url, String title, Instant published, String author) {
    }

    /** One request the site received, in arrival order. Headers are null when not sent. */
    public record Request(Instant at, String method, String target, String userAgent, String ifNoneMatch,
                          String ifModifiedSince, String acceptEncoding, int status) {

        /** The target without its query. */
        public String path() {
            int query = target.indexOf('?');
            return query < 0 ? target : target.substring(0, query);
        }
    }

    /** Ways a path misbehaves. */
    public enum Failure {
        /** 500 Internal Server Error. */
        SERVER_ERROR,
        /** 404 Not Found (as any unknown path). */
        NOT_FOUND,
        /** 200 application/rss+xml whose XML breaks off in the middle of an element. */
        MALFORMED_XML,
        /** 200 application/rss+xml, 50 MB streamed in chunks (never held in memory), gzipped when asked. */
        HUGE_BODY,
        /** 302 to itself with a growing query, for ever. */
        REDIRECT_LOOP,
        /** 200 application/rss+xml whose body trickles in, a few bytes a second, for a minute. */
        TRICKLING_BODY,
        /** 200 image/png. */
        IMAGE,
        /** 200 application/pdf. */
        PDF
    }

    /** Which validators responses carry and whether conditional requests get a 304. */
    public enum Validation {
        /** ETag and Last-Modified sent; If-None-Match or If-Modified-Since that still hold get a 304. */
        ETAG_AND_LAST_MODIFIED,
        /** Only an ETag; If-None-Match honoured. */
        ETAG_ONLY,
        /** Only Last-Modified; If-Modified-Since honoured. */
        LAST_MODIFIED_ONLY,
        /** No validators, never a 304. */
        NONE,
        /** The same ETag and Last-Modified whatever the content, and never a 304 (a broken cache). */
        STALE
    }

    public static final long HUGE_BODY_BYTES = 50L * 1024 * 1024;

    private static final Instant FIRST_LAST_MODIFIED = Instant.parse("2026-01-01T00:00:00Z");
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.RFC_1123_DATE_TIME;
    private static final DateTimeFormatter RFC_822 = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss Z",
            Locale.ROOT);

    private enum FeedFormat { RSS, RDF, ATOM, SITEMAP, NEWS_SITEMAP }

    private record Feed(FeedFormat format, List<String> pagePaths) {
    }

    private record Resource(String contentType, byte[] body) {
    }

    private record Version(String hash, Instant lastModified) {
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final URI base;

    // Guarded by this.
    private final Map<String, Page> pages = new LinkedHashMap<>();
    private final Map<String, String> aliases = new HashMap<>();
    private final Map<String, Feed> feeds = new HashMap<>();
    private final Map<String, List<String>> sitemapIndexes = new HashMap<>();
    private final Map<String, Resource> resources = new HashMap<>();
    private final Map<String, Failure> failures = new HashMap<>();
    private final Map<String, URI> redirects = new HashMap<>();
    private final Map<String, Duration> slowness = new HashMap<>();
    private final Map<String, Version> versions = new HashMap<>();
    private final List<Request> requests = new ArrayList<>();
    private String robots;
    private List<String> homeFeeds;
    private Validation validation = Validation.ETAG_AND_LAST_MODIFIED;
    private boolean gzip = true;

    private LocalNewsSite(InetAddress address) throws IOException {
        server = HttpServer.create(new InetSocketAddress(address, 0), 50);
        executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "local-news-site");
            thread.setDaemon(true);
            return thread;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
        server.start();
        base = URI.create("http://" + address.getHostAddress() + ":" + server.getAddress().getPort());
    }

    /** A site on 127.0.0.1 and a free port. */
    public static LocalNewsSite start() {
        return start("127.0.0.1");
    }

    /**
     * A site on a loopback address (Linux answers on all of 127.0.0.0/8, so two sites on
     * 127.0.0.1 and 127.0.0.7 are two hosts) and a free port.
     */
    public static LocalNewsSite start(String loopbackAddress) {
        try {
            InetAddress address = InetAddress.getByName(loopbackAddress);
            if (!address.isLoopbackAddress()) {
                throw new IllegalArgumentException(loopbackAddress + " is not a loopback address");
            }
            return new LocalNewsSite(address);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code http://127.0.0.1:<port>}, without a trailing slash. */
    public URI base() {
        return base;
    }

    /** The absolute URL of {@code pathAndQuery} ("/feed.xml", "/news/a?utm_source=x"). */
    public URI url(String pathAndQuery) {
        return URI.create(base + pathAndQuery);
    }

    /** The host as a fetcher keys it: {@code 127.0.0.1:<port>}. */
    public String host() {
        return base.getHost() + ":" + base.getPort();
    }

    // ---- content ----

    /**
     * Publishes an article page at {@code path}: realistic news HTML whose text follows from the
     * title (different titles make pages that are not near-duplicates), with canonical link,
     * og:url, article:published_time and JSON-LD NewsArticle. A null {@code published} makes a
     * page (and feed items) with no date at all. The byline's author follows from the title.
     */
    public Page page(String path, String title, Instant published) {
        return page(path, title, published, ArticleText.author(title));
    }

    /** {@link #page(String, String, Instant)} with a chosen author; null for a page with no byline. */
    public synchronized Page page(String path, String title, Instant published, String author) {
        requirePath(path);
        Page page = new Page(path, url(path), title, published, author);
        pages.put(path, page);
        return page;
    }

    /**
     * Changes a page's title and publication time; its feed items keep their guid/id, so a reader
     * should see the same item. Returns the page as it now is.
     */
    public synchronized Page revise(String path, String title, Instant published) {
        Page old = pages.get(path);
        if (old == null) {
            throw new IllegalArgumentException("no page at " + path);
        }
        Page page = new Page(path, old.url(), title, published, old.author());
        pages.put(path, page);
        return page;
    }

    /**
     * Serves {@code page}'s HTML also at {@code path} (its canonical link and og:url still name
     * the page's own URL), as sites do for print views and tracking links.
     */
    public synchronized void alias(String path, Page page) {
        requirePath(path);
        aliases.put(path, page.path());
    }

    /** An RSS 2.0 feed of {@code pages}, newest first as given, with guid, pubDate, dc:creator. */
    public void rssFeed(String path, Page... pages) {
        feed(path, FeedFormat.RSS, pages);
    }

    /** An RSS 1.0 (RDF) feed of {@code pages}, with dc:date and dc:creator. */
    public void rdfFeed(String path, Page... pages) {
        feed(path, FeedFormat.RDF, pages);
    }

    /** An Atom 1.0 feed of {@code pages}, with id, published, updated and author. */
    public void atomFeed(String path, Page... pages) {
        feed(path, FeedFormat.ATOM, pages);
    }

    /** A sitemap (urlset) of {@code pages}, lastmod from their publication time. */
    public void sitemap(String path, Page... pages) {
        feed(path, FeedFormat.SITEMAP, pages);
    }

    /** A Google News sitemap of {@code pages}: news:publication_date and news:title for each. */
    public void googleNewsSitemap(String path, Page... pages) {
        feed(path, FeedFormat.NEWS_SITEMAP, pages);
    }

    /** A sitemap index listing the sitemaps at {@code sitemapPaths} on this site. */
    public synchronized void sitemapIndex(String path, String... sitemapPaths) {
        requirePath(path);
        sitemapIndexes.put(path, List.of(sitemapPaths));
    }

    /** Puts {@code page} first in the feed or sitemap at {@code feedPath} (a new item between polls). */
    public synchronized void addToFeed(String feedPath, Page page) {
        Feed feed = feeds.get(feedPath);
        if (feed == null) {
            throw new IllegalArgumentException("no feed at " + feedPath);
        }
        List<String> paths = new ArrayList<>(feed.pagePaths());
        paths.add(0, page.path());
        feeds.put(feedPath, new Feed(feed.format(), List.copyOf(paths)));
    }

    /**
     * A home page at "/" linking to the articles, with a {@code <link rel="alternate">} for each
     * feed at {@code feedPaths} (type from the feed's format, title from the path).
     */
    public synchronized void homePage(String... feedPaths) {
        homeFeeds = List.of(feedPaths);
    }

    /** robots.txt's text; without one, /robots.txt is a 404 (everything allowed). */
    public synchronized void robots(String text) {
        robots = text;
    }

    /** Any body at {@code path}: a page in another charset, a hand-written feed, an XXE probe. */
    public synchronized void resource(String path, String contentType, byte[] body) {
        requirePath(path);
        resources.put(path, new Resource(contentType, body.clone()));
    }

    /** {@link #resource(String, String, byte[])} with a UTF-8 text. */
    public void resource(String path, String contentType, String body) {
        resource(path, contentType, body.getBytes(StandardCharsets.UTF_8));
    }

    // ---- behaviour ----

    /** Makes {@code path} misbehave (it takes precedence over content at the path). */
    public synchronized void failing(String path, Failure failure) {
        requirePath(path);
        failures.put(path, failure);
    }

    /** Answers {@code path} with a 301 to {@code target} (any URL: another site, another address). */
    public synchronized void redirect(String path, URI target) {
        requirePath(path);
        redirects.put(path, target);
    }

    /** Waits {@code delay} before answering {@code path} (then answers as it otherwise would). */
    public synchronized void slow(String path, Duration delay) {
        requirePath(path);
        slowness.put(path, delay);
    }

    /** How responses carry validators from now on; {@link Validation#ETAG_AND_LAST_MODIFIED} at first. */
    public synchronized void validation(Validation validation) {
        this.validation = validation;
    }

    /** Whether to gzip a response when the request accepts gzip; on at first. */
    public synchronized void gzip(boolean gzip) {
        this.gzip = gzip;
    }

    // ---- the request log ----

    /** Every request so far, in arrival order. */
    public synchronized List<Request> requests() {
        return List.copyOf(requests);
    }

    /** The requests for {@code path} (query ignored), in arrival order. */
    public synchronized List<Request> requests(String path) {
        return requests.stream().filter(request -> request.path().equals(path)).toList();
    }

    /** Forgets the requests so far. */
    public synchronized void clearRequests() {
        requests.clear();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    // ---- serving ----

    private static void requirePath(String path) {
        if (!path.startsWith("/") || path.contains("?") || path.contains("#")) {
            throw new IllegalArgumentException("a path starts with / and has no query or fragment: " + path);
        }
    }

    private void handle(HttpExchange exchange) throws IOException {
        // Logged on arrival, so that a test reading the log right after its request returns sees it;
        // the status is filled in just before the response's headers go out.
        Headers headers = exchange.getRequestHeaders();
        Request arrived = new Request(Instant.now(), exchange.getRequestMethod(), exchange.getRequestURI().toString(),
                headers.getFirst("User-Agent"), headers.getFirst("If-None-Match"),
                headers.getFirst("If-Modified-Since"), headers.getFirst("Accept-Encoding"), 0);
        synchronized (this) {
            requests.add(arrived);
        }
        exchange.setAttribute(Request.class.getName(), arrived);
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            String path = exchange.getRequestURI().getRawPath();
            Duration delay;
            synchronized (this) {
                delay = slowness.get(path);
            }
            if (delay != null) {
                Thread.sleep(delay.toMillis());
            }
            respond(exchange, path);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (IOException e) {
            // The client went away (a size cap, a timeout); nothing to answer.
        }
    }

    private void sendHeaders(HttpExchange exchange, int status, long length) throws IOException {
        Request arrived = (Request) exchange.getAttribute(Request.class.getName());
        synchronized (this) {
            // From the end, by identity: the entry is almost always among the last few.
            for (int i = requests.size() - 1; i >= 0; i--) {
                if (requests.get(i) == arrived) {
                    requests.set(i, new Request(arrived.at(), arrived.method(), arrived.target(), arrived.userAgent(),
                            arrived.ifNoneMatch(), arrived.ifModifiedSince(), arrived.acceptEncoding(), status));
                    break;
                }
            }
        }
        exchange.sendResponseHeaders(status, length);
    }

    private int respond(HttpExchange exchange, String path) throws IOException {
        Failure failure;
        URI redirect;
        synchronized (this) {
            failure = failures.get(path);
            redirect = redirects.get(path);
        }
        if (failure != null) {
            return misbehave(exchange, path, failure);
        }
        if (redirect != null) {
            exchange.getResponseHeaders().set("Location", redirect.toString());
            sendHeaders(exchange, 301, -1);
            return 301;
        }
        Resource resource = render(path);
        if (resource == null) {
            return send(exchange, 404, "text/plain; charset=utf-8", "no such page\n".getBytes(StandardCharsets.UTF_8));
        }
        return sendConditionally(exchange, path, resource);
    }

    private synchronized Resource render(String path) {
        String html = "text/html; charset=utf-8";
        if (path.equals("/robots.txt")) {
            return robots == null ? null : new Resource("text/plain; charset=utf-8", utf8(robots));
        }
        if (path.equals("/") && homeFeeds != null) {
            return new Resource(html, utf8(homePageHtml()));
        }
        if (resources.containsKey(path)) {
            return resources.get(path);
        }
        Page page = pages.get(aliases.getOrDefault(path, path));
        if (page != null) {
            return new Resource(html, utf8(pageHtml(page)));
        }
        Feed feed = feeds.get(path);
        if (feed != null) {
            List<Page> items = feed.pagePaths().stream().map(pages::get).toList();
            return switch (feed.format()) {
                case RSS -> new Resource("application/rss+xml; charset=utf-8", utf8(rss(items)));
                case RDF -> new Resource("application/rdf+xml; charset=utf-8", utf8(rdf(items)));
                case ATOM -> new Resource("application/atom+xml; charset=utf-8", utf8(atom(items)));
                case SITEMAP -> new Resource("application/xml; charset=utf-8", utf8(sitemapXml(items, false)));
                case NEWS_SITEMAP -> new Resource("application/xml; charset=utf-8", utf8(sitemapXml(items, true)));
            };
        }
        List<String> index = sitemapIndexes.get(path);
        if (index != null) {
            return new Resource("application/xml; charset=utf-8", utf8(sitemapIndexXml(index)));
        }
        return null;
    }

    private int sendConditionally(HttpExchange exchange, String path, Resource resource) throws IOException {
        Validation mode;
        Version version;
        synchronized (this) {
            mode = validation;
            String hash = sha256(resource.body());
            version = versions.get(path);
            if (version == null || !version.hash().equals(hash)) {
                // A logical clock: each change is a minute after the last, so If-Modified-Since
                // (whole seconds) always tells two versions apart.
                Instant next = version == null ? FIRST_LAST_MODIFIED : version.lastModified().plusSeconds(60);
                version = new Version(hash, next);
                versions.put(path, version);
            }
        }
        Headers request = exchange.getRequestHeaders();
        Headers response = exchange.getResponseHeaders();
        String etag = "\"" + version.hash().substring(0, 16) + "\"";
        String lastModified = HTTP_DATE.format(version.lastModified().atZone(ZoneOffset.UTC));
        boolean sendsEtag = mode == Validation.ETAG_AND_LAST_MODIFIED || mode == Validation.ETAG_ONLY;
        boolean sendsLastModified = mode == Validation.ETAG_AND_LAST_MODIFIED || mode == Validation.LAST_MODIFIED_ONLY;
        if (sendsEtag) {
            response.set("ETag", etag);
        }
        if (sendsLastModified) {
            response.set("Last-Modified", lastModified);
        }
        if (mode == Validation.STALE) {
            response.set("ETag", "\"stale\"");
            response.set("Last-Modified", HTTP_DATE.format(FIRST_LAST_MODIFIED.atZone(ZoneOffset.UTC)));
        }
        String ifNoneMatch = request.getFirst("If-None-Match");
        String ifModifiedSince = request.getFirst("If-Modified-Since");
        boolean notModified;
        if (ifNoneMatch != null && sendsEtag) {
            // RFC 9110 13.1.3: If-None-Match wins over If-Modified-Since.
            notModified = Arrays.stream(ifNoneMatch.split(","))
                    .map(String::trim).anyMatch(tag -> tag.equals(etag) || tag.equals("W/" + etag));
        } else if (ifModifiedSince != null && sendsLastModified) {
            notModified = !version.lastModified().isAfter(parseHttpDate(ifModifiedSince));
        } else {
            notModified = false;
        }
        if (notModified) {
            sendHeaders(exchange, 304, -1);
            return 304;
        }
        return send(exchange, 200, resource.contentType(), resource.body());
    }

    private static Instant parseHttpDate(String value) {
        try {
            return ZonedDateTime.parse(value, HTTP_DATE).toInstant();
        } catch (DateTimeParseException e) {
            return Instant.MIN;
        }
    }

    private int send(HttpExchange exchange, int status, String contentType, byte[] body) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", contentType);
        if (wantsGzip(exchange)) {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
            sendHeaders(exchange, status, 0);
            try (OutputStream out = new GZIPOutputStream(exchange.getResponseBody())) {
                out.write(body);
            }
        } else {
            sendHeaders(exchange, status, body.length == 0 ? -1 : body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
        return status;
    }

    private boolean wantsGzip(HttpExchange exchange) {
        String accepted = exchange.getRequestHeaders().getFirst("Accept-Encoding");
        synchronized (this) {
            return gzip && accepted != null && accepted.toLowerCase(Locale.ROOT).contains("gzip");
        }
    }

    private int misbehave(HttpExchange exchange, String path, Failure failure) throws IOException {
        switch (failure) {
            case SERVER_ERROR:
                return send(exchange, 500, "text/html; charset=utf-8",
                        utf8("<html><body><h1>Internal Server Error</h1></body></html>"));
            case NOT_FOUND:
                return send(exchange, 404, "text/plain; charset=utf-8", utf8("no such page\n"));
            case MALFORMED_XML:
                return send(exchange, 200, "application/rss+xml; charset=utf-8", utf8("""
                        <?xml version="1.0" encoding="UTF-8"?>
                        <rss version="2.0"><channel><title>Broken</title>
                        <item><title>Half an item</title><link>http://example.com/a</link>
                        </channel>"""));
            case REDIRECT_LOOP: {
                String query = exchange.getRequestURI().getRawQuery();
                int hop = query != null && query.startsWith("hop=") ? Integer.parseInt(query.substring(4)) : 0;
                exchange.getResponseHeaders().set("Location", url(path + "?hop=" + (hop + 1)).toString());
                sendHeaders(exchange, 302, -1);
                return 302;
            }
            case IMAGE:
                return send(exchange, 200, "image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n',
                        0, 0, 0, 13, 'I', 'H', 'D', 'R', 0, 0, 0, 1, 0, 0, 0, 1, 8, 6, 0, 0, 0});
            case PDF:
                return send(exchange, 200, "application/pdf",
                        utf8("%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n"));
            case HUGE_BODY:
                return streamHugeBody(exchange);
            case TRICKLING_BODY:
                return trickle(exchange);
            default:
                throw new IllegalStateException(failure.toString());
        }
    }

    private int trickle(HttpExchange exchange) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
        sendHeaders(exchange, 200, 0);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(utf8("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel>"));
            out.flush();
            for (int i = 0; i < 300; i++) {
                Thread.sleep(200);
                out.write(' ');
                out.flush();
            }
            out.write(utf8("</channel></rss>\n"));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return 200;
    }

    private int streamHugeBody(HttpExchange exchange) throws IOException {
        boolean gzipped = wantsGzip(exchange);
        exchange.getResponseHeaders().set("Content-Type", "application/rss+xml; charset=utf-8");
        if (gzipped) {
            exchange.getResponseHeaders().set("Content-Encoding", "gzip");
        }
        sendHeaders(exchange, 200, 0);
        byte[] head = utf8("<?xml version=\"1.0\"?>\n<rss version=\"2.0\"><channel><title>Huge</title>\n");
        byte[] chunk = utf8(("<!-- padding padding padding padding padding padding padding padding -->\n").repeat(128));
        OutputStream raw = exchange.getResponseBody();
        try (OutputStream out = gzipped ? new GZIPOutputStream(raw, 8192) : raw) {
            out.write(head);
            for (long sent = head.length; sent < HUGE_BODY_BYTES; sent += chunk.length) {
                out.write(chunk);
            }
            out.write(utf8("</channel></rss>\n"));
        }
        return 200;
    }

    // ---- documents ----

    private synchronized void feed(String path, FeedFormat format, Page... items) {
        requirePath(path);
        for (Page page : items) {
            if (!pages.containsKey(page.path())) {
                throw new IllegalArgumentException("no page at " + page.path() + " on this site");
            }
        }
        feeds.put(path, new Feed(format, Arrays.stream(items).map(Page::path).toList()));
    }

    private String pageHtml(Page page) {
        String title = escape(page.title());
        String url = escape(page.url().toString());
        List<String> paragraphs = ArticleText.paragraphs(page.title(), 6);
        StringBuilder html = new StringBuilder();
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>").append(title).append(" | ").append(NAME).append("</title>\n")
                .append("<meta name=\"description\" content=\"").append(escape(firstSentence(paragraphs.get(1))))
                .append("\">\n")
                .append("<link rel=\"canonical\" href=\"").append(url).append("\">\n")
                .append("<meta property=\"og:type\" content=\"article\">\n")
                .append("<meta property=\"og:site_name\" content=\"").append(NAME).append("\">\n")
                .append("<meta property=\"og:title\" content=\"").append(title).append("\">\n")
                .append("<meta property=\"og:url\" content=\"").append(url).append("\">\n");
        if (page.published() != null) {
            html.append("<meta property=\"article:published_time\" content=\"").append(page.published())
                    .append("\">\n");
        }
        if (page.author() != null) {
            html.append("<meta name=\"author\" content=\"").append(escape(page.author())).append("\">\n");
        }
        html.append("<script type=\"application/ld+json\">{\"@context\":\"https://schema.org\",")
                .append("\"@type\":\"NewsArticle\",\"headline\":\"").append(json(page.title())).append("\",")
                .append("\"mainEntityOfPage\":\"").append(json(page.url().toString())).append("\",");
        if (page.published() != null) {
            html.append("\"datePublished\":\"").append(page.published()).append("\",");
        }
        if (page.author() != null) {
            html.append("\"author\":{\"@type\":\"Person\",\"name\":\"").append(json(page.author())).append("\"},");
        }
        html.append("\"publisher\":{\"@type\":\"Organization\",\"name\":\"").append(NAME).append("\"}}</script>\n")
                .append("<link rel=\"stylesheet\" href=\"/static/site.css\">\n</head>\n<body>\n")
                .append(siteHeader())
                .append("<main id=\"content\">\n<article class=\"story\">\n<header class=\"story-header\">\n")
                .append("<p class=\"kicker\"><a href=\"/local\">Local</a></p>\n")
                .append("<h1 class=\"headline\">").append(title).append("</h1>\n<p class=\"byline\">");
        if (page.author() != null) {
            html.append("By <a rel=\"author\" class=\"author\" href=\"/authors/")
                    .append(escape(page.author().toLowerCase(Locale.ROOT).replace(' ', '-'))).append("\">")
                    .append(escape(page.author())).append("</a>");
        }
        if (page.published() != null) {
            html.append(page.author() != null ? " &middot; " : "").append("<time datetime=\"")
                    .append(page.published()).append("\">")
                    .append(DateTimeFormatter.ofPattern("d MMMM yyyy, HH:mm 'UTC'", Locale.ENGLISH)
                            .format(page.published().atZone(ZoneOffset.UTC)))
                    .append("</time>");
        }
        html.append("</p>\n</header>\n<div class=\"story-body\">\n");
        for (int i = 0; i < paragraphs.size(); i++) {
            html.append("<p>").append(escape(paragraphs.get(i))).append("</p>\n");
            if (i == 2) {
                html.append("<aside class=\"inline-promo\"><a href=\"/newsletter\">Get the morning briefing in ")
                        .append("your inbox</a></aside>\n");
            }
        }
        html.append("</div>\n</article>\n")
                .append("<aside class=\"most-read\"><h2>Most read</h2><ol>")
                .append("<li><a href=\"/news/ferry-timetable\">Ferry timetable changes this winter</a></li>")
                .append("<li><a href=\"/news/market-hall\">Market hall reopens after repairs</a></li></ol></aside>\n")
                .append("<section class=\"comments\"><h2>Comments</h2>\n")
                .append("<form method=\"post\" action=\"/comments\"><label for=\"comment\">Your comment</label>")
                .append("<textarea id=\"comment\" name=\"comment\"></textarea>")
                .append("<button type=\"submit\">Post comment</button></form>\n</section>\n</main>\n")
                .append(siteFooter())
                .append("</body>\n</html>\n");
        return html.toString();
    }

    private static String firstSentence(String paragraph) {
        int end = paragraph.indexOf(". ");
        return end < 0 ? paragraph : paragraph.substring(0, end + 1);
    }

    private static String siteHeader() {
        return "<header class=\"site-header\">\n<a class=\"skip-link\" href=\"#content\">Skip to content</a>\n"
                + "<a class=\"logo\" href=\"/\">" + NAME + "</a>\n"
                + "<nav aria-label=\"Sections\"><ul><li><a href=\"/local\">Local</a></li><li><a href=\"/business\">"
                + "Business</a></li><li><a href=\"/politics\">Politics</a></li><li><a href=\"/sport\">Sport</a></li>"
                + "<li><a href=\"/opinion\">Opinion</a></li></ul></nav>\n"
                + "<form class=\"search\" action=\"/search\"><input name=\"q\" aria-label=\"Search\"></form>\n"
                + "</header>\n";
    }

    private static String siteFooter() {
        return "<footer class=\"site-footer\"><p>&copy; 2026 " + NAME + ". All rights reserved.</p>\n"
                + "<ul><li><a href=\"/about\">About us</a></li><li><a href=\"/privacy\">Privacy</a></li>"
                + "<li><a href=\"/terms\">Terms</a></li><li><a href=\"/contact\">Contact</a></li></ul></footer>\n";
    }

    private String homePageHtml() {
        StringBuilder html = new StringBuilder("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<title>").append(NAME).append(" - local news</title>\n");
        for (String feedPath : homeFeeds) {
            Feed feed = feeds.get(feedPath);
            String type = feed == null ? "application/rss+xml" : switch (feed.format()) {
                case ATOM -> "application/atom+xml";
                case RDF -> "application/rdf+xml";
                default -> "application/rss+xml";
            };
            html.append("<link rel=\"alternate\" type=\"").append(type).append("\" title=\"")
                    .append(escape(NAME + " " + feedPath)).append("\" href=\"").append(escape(feedPath))
                    .append("\">\n");
        }
        html.append("</head>\n<body>\n").append(siteHeader()).append("<main id=\"content\"><h1>Latest</h1><ul>\n");
        for (Page page : pages.values()) {
            html.append("<li><a href=\"").append(escape(page.path())).append("\">").append(escape(page.title()))
                    .append("</a></li>\n");
        }
        return html.append("</ul></main>\n").append(siteFooter()).append("</body>\n</html>\n").toString();
    }

    private String rss(List<Page> items) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<rss version=\"2.0\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n<channel>\n")
                .append("<title>").append(NAME).append("</title>\n<link>").append(base).append("/</link>\n")
                .append("<description>Local news</description>\n<language>en</language>\n");
        for (Page page : items) {
            xml.append("<item>\n<title>").append(escape(page.title())).append("</title>\n")
                    .append("<link>").append(escape(page.url().toString())).append("</link>\n")
                    .append("<guid isPermaLink=\"false\">").append(escape(guid(page))).append("</guid>\n");
            if (page.published() != null) {
                xml.append("<pubDate>").append(RFC_822.format(page.published().atZone(ZoneOffset.UTC)))
                        .append("</pubDate>\n");
            }
            if (page.author() != null) {
                xml.append("<dc:creator>").append(escape(page.author())).append("</dc:creator>\n");
            }
            xml.append("<description>").append(escape(firstSentence(ArticleText.paragraphs(page.title(), 2).get(1))))
                    .append("</description>\n</item>\n");
        }
        return xml.append("</channel>\n</rss>\n").toString();
    }

    private String rdf(List<Page> items) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\" ")
                .append("xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n")
                .append("<channel rdf:about=\"").append(base).append("/\">\n<title>").append(NAME)
                .append("</title>\n<link>").append(base).append("/</link>\n<description>Local news</description>\n")
                .append("<items><rdf:Seq>\n");
        for (Page page : items) {
            xml.append("<rdf:li rdf:resource=\"").append(escape(page.url().toString())).append("\"/>\n");
        }
        xml.append("</rdf:Seq></items>\n</channel>\n");
        for (Page page : items) {
            xml.append("<item rdf:about=\"").append(escape(page.url().toString())).append("\">\n<title>")
                    .append(escape(page.title())).append("</title>\n<link>").append(escape(page.url().toString()))
                    .append("</link>\n");
            if (page.published() != null) {
                xml.append("<dc:date>").append(page.published()).append("</dc:date>\n");
            }
            if (page.author() != null) {
                xml.append("<dc:creator>").append(escape(page.author())).append("</dc:creator>\n");
            }
            xml.append("</item>\n");
        }
        return xml.append("</rdf:RDF>\n").toString();
    }

    private String atom(List<Page> items) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n<title>").append(NAME).append("</title>\n")
                .append("<id>tag:local-news-site,2026:feed</id>\n<link rel=\"alternate\" href=\"").append(base)
                .append("/\"/>\n<updated>").append(FIRST_LAST_MODIFIED).append("</updated>\n");
        for (Page page : items) {
            xml.append("<entry>\n<title>").append(escape(page.title())).append("</title>\n")
                    .append("<id>").append(escape(guid(page))).append("</id>\n")
                    .append("<link rel=\"alternate\" type=\"text/html\" href=\"").append(escape(page.url().toString()))
                    .append("\"/>\n");
            if (page.published() != null) {
                xml.append("<published>").append(page.published()).append("</published>\n")
                        .append("<updated>").append(page.published()).append("</updated>\n");
            } else {
                // Atom requires <updated>; a page with no date gets the feed's.
                xml.append("<updated>").append(FIRST_LAST_MODIFIED).append("</updated>\n");
            }
            if (page.author() != null) {
                xml.append("<author><name>").append(escape(page.author())).append("</name></author>\n");
            }
            xml.append("<summary>").append(escape(firstSentence(ArticleText.paragraphs(page.title(), 2).get(1))))
                    .append("</summary>\n</entry>\n");
        }
        return xml.append("</feed>\n").toString();
    }

    private String sitemapXml(List<Page> items, boolean news) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\"");
        if (news) {
            xml.append(" xmlns:news=\"http://www.google.com/schemas/sitemap-news/0.9\"");
        }
        xml.append(">\n");
        for (Page page : items) {
            xml.append("<url>\n<loc>").append(escape(page.url().toString())).append("</loc>\n");
            if (page.published() != null) {
                xml.append("<lastmod>").append(page.published()).append("</lastmod>\n");
            }
            if (news) {
                xml.append("<news:news>\n<news:publication>\n<news:name>").append(NAME)
                        .append("</news:name>\n<news:language>en</news:language>\n</news:publication>\n");
                if (page.published() != null) {
                    xml.append("<news:publication_date>").append(page.published())
                            .append("</news:publication_date>\n");
                }
                xml.append("<news:title>").append(escape(page.title())).append("</news:title>\n</news:news>\n");
            }
            xml.append("</url>\n");
        }
        return xml.append("</urlset>\n").toString();
    }

    private String sitemapIndexXml(List<String> sitemapPaths) {
        StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n")
                .append("<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n");
        for (String path : sitemapPaths) {
            xml.append("<sitemap><loc>").append(escape(url(path).toString())).append("</loc></sitemap>\n");
        }
        return xml.append("</sitemapindex>\n").toString();
    }

    /** The guid (RSS) and id (Atom) of a page's item: stable whatever its title or date. */
    public static String guid(Page page) {
        return "tag:local-news-site,2026:" + page.path();
    }

    private static byte[] utf8(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder();
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '<' -> out.append("\\u003c");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.toString();
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
