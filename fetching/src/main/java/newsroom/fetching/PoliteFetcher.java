package newsroom.fetching;

import crawlercommons.robots.BaseRobotRules;
import crawlercommons.robots.SimpleRobotRules;
import crawlercommons.robots.SimpleRobotRulesParser;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.zip.GZIPInputStream;
import javax.net.ssl.SSLException;

/**
 * GETs a URL the way a polite crawler does: robots.txt first (cached per host), then a turn from
 * the {@link HostPacer} (the host delay or the Crawl-delay, whichever is longer), conditional
 * headers, gzip, redirects followed by hand (each hop's address checked and paced), a size cap.
 * Thread-safe; one per process.
 *
 * <p>robots.txt follows RFC 9309: fetched through the same checks and pacing as any URL (its own
 * redirects followed, up to 5), read up to 500 KiB, kept for an hour. A 4xx means no rules (all
 * allowed); a 5xx or an unreachable host means nothing may be fetched for now, and the fetch
 * fails saying so (rather than reporting "disallowed", which would blame the site's rules for an
 * outage); that answer is kept for a minute, so that an outage is not hammered.
 */
public final class PoliteFetcher {

    static final Duration ROBOTS_KEPT = Duration.ofHours(1);
    static final Duration ROBOTS_FAILURE_KEPT = Duration.ofMinutes(1);
    /** RFC 9309 2.5: crawlers must read at least 500 KiB of robots.txt; more is ignored. */
    static final int ROBOTS_MAX_BYTES = 500 * 1024;
    private static final int ROBOTS_MAX_REDIRECTS = 5;
    private static final String ACCEPT = "application/rss+xml, application/atom+xml, application/rdf+xml;q=0.9, "
            + "application/xml;q=0.9, text/xml;q=0.9, text/html;q=0.8, */*;q=0.5";

    private final FetchSettings settings;
    private final HostPacer pacer;
    private final HttpClient client;
    private final String robotsToken;
    private final Map<String, Robots> robotsByOrigin = new ConcurrentHashMap<>();
    private final Map<String, Object> robotsLocks = new ConcurrentHashMap<>();

    /** A host's robots.txt as last read: its rules, or why it could not be read. */
    private record Robots(BaseRobotRules rules, String unavailable, long expiresAtNanos) {
    }

    /** One response, its body read when it is a 2xx. */
    private record Response(int status, String contentType, String location, byte[] body, Validators validators) {
    }

    /** A fetch that went wrong in a way the caller sees as {@link FetchResult.Failed}. */
    private static final class FetchFailure extends Exception {
        FetchFailure(String message) {
            super(message, null, false, false);
        }
    }

    public PoliteFetcher(FetchSettings settings, HostPacer pacer) {
        this.settings = settings;
        this.pacer = pacer;
        this.client = HttpClient.newBuilder()
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(settings.connectTimeout())
                // HTTP/1.1 for plain http: the HTTP/2 upgrade dance gains nothing for one GET and
                // trips up some old servers; https still negotiates HTTP/2 through ALPN.
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        String product = settings.userAgent().strip().split("[\\s/]", 2)[0];
        this.robotsToken = product.toLowerCase(Locale.ROOT);
    }

    /** The address policy every request is checked against. */
    AddressPolicy addresses() {
        return settings.addresses();
    }

    /** Fetches {@code url}, sending {@code validators} (use {@link Validators#NONE} for a page). */
    public FetchResult fetch(URI url, Validators validators) throws InterruptedException {
        URI current = url;
        for (int hop = 0; ; hop++) {
            try {
                settings.addresses().check(current);
                Robots robots = robots(current);
                if (robots.unavailable() != null) {
                    return new FetchResult.Failed(current, robots.unavailable());
                }
                if (!robots.rules().isAllowed(current.toString())) {
                    return new FetchResult.Disallowed(current);
                }
                Response response = pacedGet(current, delay(robots.rules()), validators, settings.maxBodyBytes(), false);
                if (response.location() != null) {
                    if (hop >= settings.maxRedirects()) {
                        return new FetchResult.Failed(current, "more than " + settings.maxRedirects() + " redirects");
                    }
                    current = redirectTarget(current, response.location());
                    continue;
                }
                if (response.status() == 304) {
                    return new FetchResult.NotModified(current);
                }
                if (response.status() / 100 != 2) {
                    return new FetchResult.Failed(current, httpError(response.status()));
                }
                return new FetchResult.Fetched(current, response.contentType(), response.body(), response.validators());
            } catch (RefusedAddressException e) {
                return new FetchResult.Failed(current, hop == 0 ? e.getMessage()
                        : "redirected to " + current + ": " + e.getMessage());
            } catch (FetchFailure e) {
                return new FetchResult.Failed(current, e.getMessage());
            }
        }
    }

    /** The {@code Sitemap:} lines of the robots.txt of {@code url}'s host (fetched politely, cached). */
    public List<URI> robotsSitemaps(URI url) throws InterruptedException {
        Robots robots;
        try {
            settings.addresses().check(url);
            robots = robots(url);
        } catch (RefusedAddressException e) {
            return List.of();
        }
        if (robots.unavailable() != null) {
            return List.of();
        }
        List<URI> sitemaps = new ArrayList<>();
        for (String line : robots.rules().getSitemaps()) {
            String normalised = UrlNormalizer.resolve(url, line);
            if (normalised != null) {
                sitemaps.add(URI.create(normalised));
            }
        }
        return List.copyOf(sitemaps);
    }

    /** The pacing key of a URL's host: lower case, with the port when it is not the scheme's default. */
    static String hostKey(URI url) {
        String host = url.getHost().toLowerCase(Locale.ROOT);
        int port = url.getPort();
        boolean defaultPort = port == -1 || port == 80 && "http".equalsIgnoreCase(url.getScheme())
                || port == 443 && "https".equalsIgnoreCase(url.getScheme());
        return defaultPort ? host : host + ":" + port;
    }

    private Duration delay(BaseRobotRules rules) {
        long crawlDelay = rules.getCrawlDelay();
        if (crawlDelay == BaseRobotRules.UNSET_CRAWL_DELAY || crawlDelay <= 0) {
            return settings.hostDelay();
        }
        Duration asked = Duration.ofMillis(crawlDelay);
        Duration obeyed = asked.compareTo(settings.maxCrawlDelay()) > 0 ? settings.maxCrawlDelay() : asked;
        return obeyed.compareTo(settings.hostDelay()) > 0 ? obeyed : settings.hostDelay();
    }

    // ---- robots.txt ----

    private Robots robots(URI url) throws InterruptedException {
        String origin = url.getScheme().toLowerCase(Locale.ROOT) + "://" + hostKey(url);
        Robots known = robotsByOrigin.get(origin);
        if (known != null && known.expiresAtNanos() - System.nanoTime() > 0) {
            return known;
        }
        // One robots.txt request per origin at a time; the others wait for its answer.
        synchronized (robotsLocks.computeIfAbsent(origin, key -> new Object())) {
            known = robotsByOrigin.get(origin);
            if (known != null && known.expiresAtNanos() - System.nanoTime() > 0) {
                return known;
            }
            Robots fresh = readRobots(URI.create(origin + "/robots.txt"));
            robotsByOrigin.put(origin, fresh);
            return fresh;
        }
    }

    private Robots readRobots(URI robotsUrl) throws InterruptedException {
        SimpleRobotRulesParser parser = new SimpleRobotRulesParser();
        // The parser would turn a Crawl-delay over its maximum into "allow nothing"; FetchSettings
        // caps the delay instead, so the parser must accept any.
        parser.setMaxCrawlDelay(Long.MAX_VALUE);
        URI current = robotsUrl;
        try {
            for (int hop = 0; ; hop++) {
                settings.addresses().check(current);
                Response response = pacedGet(current, settings.hostDelay(), Validators.NONE, ROBOTS_MAX_BYTES, true);
                if (response.location() != null && hop < ROBOTS_MAX_REDIRECTS) {
                    current = redirectTarget(current, response.location());
                    continue;
                }
                int status = response.status();
                if (status / 100 == 2) {
                    SimpleRobotRules rules = parser.parseContent(current.toString(), response.body(),
                            response.contentType() == null ? "text/plain" : response.contentType(), List.of(robotsToken));
                    return new Robots(rules, null, expiry(ROBOTS_KEPT));
                }
                if (status / 100 == 4 || status / 100 == 3) {
                    // RFC 9309 2.3.1.3: an unavailable robots.txt (4xx, or too many redirects) allows everything.
                    return new Robots(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_ALL), null,
                            expiry(ROBOTS_KEPT));
                }
                return unreachable(httpError(status));
            }
        } catch (RefusedAddressException e) {
            return unreachable(e.getMessage());
        } catch (FetchFailure e) {
            return unreachable(e.getMessage());
        }
    }

    private static Robots unreachable(String why) {
        return new Robots(new SimpleRobotRules(SimpleRobotRules.RobotRulesMode.ALLOW_NONE),
                "robots.txt could not be read (" + why + "); nothing is fetched from the host until it can",
                expiry(ROBOTS_FAILURE_KEPT));
    }

    private static long expiry(Duration kept) {
        return System.nanoTime() + kept.toNanos();
    }

    // ---- one request ----

    /**
     * Takes the host's turn, GETs, and gives the turn back once the response has ended, so the
     * next request to the host (here or on another replica) is sent {@code delay} after this one
     * was answered, and the site sees them at least that far apart. The turn is held for at most
     * the request timeout, which bounds the whole response.
     */
    private Response pacedGet(URI url, Duration delay, Validators validators, long maxBytes, boolean truncate)
            throws InterruptedException, FetchFailure {
        try (HostPacer.Turn turn = pacer.take(hostKey(url), delay, settings.requestTimeout().plus(delay))) {
            return get(url, validators, maxBytes, truncate);
        }
    }

    private Response get(URI url, Validators validators, long maxBytes, boolean truncate)
            throws InterruptedException, FetchFailure {
        HttpRequest.Builder request;
        try {
            request = HttpRequest.newBuilder(url);
        } catch (IllegalArgumentException e) {
            throw new FetchFailure("cannot request " + url + ": " + e.getMessage());
        }
        request.GET().timeout(settings.requestTimeout())
                .header("User-Agent", settings.userAgent())
                .header("Accept", ACCEPT)
                .header("Accept-Encoding", "gzip");
        if (validators.etag() != null) {
            request.header("If-None-Match", validators.etag());
        }
        if (validators.lastModified() != null) {
            request.header("If-Modified-Since", validators.lastModified());
        }
        long deadline = System.nanoTime() + settings.requestTimeout().toNanos();
        HttpResponse<InputStream> response;
        try {
            response = client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
        } catch (IOException e) {
            throw new FetchFailure(networkError(url, e));
        }
        int status = response.statusCode();
        String contentType = response.headers().firstValue("Content-Type").orElse(null);
        try (InputStream stream = response.body()) {
            String location = response.headers().firstValue("Location").orElse(null);
            if (isRedirect(status) && location != null) {
                return new Response(status, contentType, location, null, null);
            }
            if (status / 100 != 2) {
                return new Response(status, contentType, null, null, null);
            }
            long declared = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            boolean gzipped = response.headers().firstValue("Content-Encoding")
                    .map(encoding -> encoding.strip().equalsIgnoreCase("gzip") || encoding.strip().equalsIgnoreCase("x-gzip"))
                    .orElse(false);
            if (!gzipped && !truncate && declared > maxBytes) {
                throw new FetchFailure(tooLarge(maxBytes));
            }
            byte[] body = readBody(stream, gzipped, maxBytes, truncate, deadline);
            Validators received = new Validators(response.headers().firstValue("ETag").orElse(null),
                    response.headers().firstValue("Last-Modified").orElse(null));
            return new Response(status, contentType, null, body, received);
        } catch (IOException e) {
            throw new FetchFailure(networkError(url, e));
        }
    }

    /**
     * Reads at most {@code maxBytes} (after un-gzipping) and no longer than until {@code deadline}:
     * the client's request timeout stops at the headers, so a watchdog closes the stream of a
     * body still trickling in at the deadline.
     */
    private byte[] readBody(InputStream raw, boolean gzipped, long maxBytes, boolean truncate, long deadline)
            throws IOException, FetchFailure {
        AtomicBoolean timedOut = new AtomicBoolean();
        long remaining = Math.max(0, deadline - System.nanoTime());
        CompletableFuture<Void> watchdog = CompletableFuture.runAsync(() -> {
            timedOut.set(true);
            try {
                raw.close();
            } catch (IOException ignored) {
                // Closing is all the watchdog can do; the reader sees the stream end.
            }
        }, CompletableFuture.delayedExecutor(remaining, TimeUnit.NANOSECONDS));
        try (InputStream in = gzipped ? new GZIPInputStream(raw) : raw) {
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            byte[] buffer = new byte[16 * 1024];
            long total = 0;
            int read;
            while ((read = in.read(buffer)) != -1) {
                if (total + read > maxBytes) {
                    if (truncate) {
                        body.write(buffer, 0, (int) (maxBytes - total));
                        return body.toByteArray();
                    }
                    throw new FetchFailure(tooLarge(maxBytes));
                }
                body.write(buffer, 0, read);
                total += read;
            }
            if (timedOut.get()) {
                throw new FetchFailure(timedOut());
            }
            return body.toByteArray();
        } catch (IOException e) {
            if (timedOut.get()) {
                throw new FetchFailure(timedOut());
            }
            throw e;
        } finally {
            watchdog.cancel(false);
        }
    }

    private static boolean isRedirect(int status) {
        return status == 301 || status == 302 || status == 303 || status == 307 || status == 308;
    }

    private static URI redirectTarget(URI from, String location) throws FetchFailure {
        String target = UrlNormalizer.resolve(from, location);
        if (target == null) {
            // Not http(s) or not a URL at all: let the address check say so in its words.
            try {
                URI other = from.resolve(new URI(location.strip()));
                if (other.getScheme() != null && !other.getScheme().toLowerCase(Locale.ROOT).startsWith("http")) {
                    throw new FetchFailure("redirected to " + other + ", which is not an http or https URL");
                }
            } catch (URISyntaxException | IllegalArgumentException e) {
                // Falls through to the message below.
            }
            throw new FetchFailure("redirected to \"" + location + "\", which is not a URL");
        }
        return URI.create(target);
    }

    private String timedOut() {
        return "timed out after " + seconds(settings.requestTimeout());
    }

    private String networkError(URI url, IOException e) {
        String host = hostKey(url);
        if (e instanceof HttpConnectTimeoutException) {
            return "could not connect to " + host + " within " + seconds(settings.connectTimeout());
        }
        if (e instanceof HttpTimeoutException) {
            return timedOut();
        }
        if (e instanceof ConnectException) {
            return "could not connect to " + host + " (connection refused)";
        }
        if (e instanceof SSLException) {
            return "TLS with " + host + " failed: " + e.getMessage();
        }
        String detail = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "network error talking to " + host + ": " + detail;
    }

    private static String seconds(Duration duration) {
        long millis = duration.toMillis();
        return millis % 1000 == 0 ? millis / 1000 + " s" : String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
    }

    private static String tooLarge(long maxBytes) {
        long mib = 1024 * 1024;
        return "body larger than " + (maxBytes % mib == 0 ? maxBytes / mib + " MiB" : maxBytes + " bytes");
    }

    /** "HTTP 503 Service Unavailable": the status and, for the usual ones, its reason phrase. */
    static String httpError(int status) {
        String reason = switch (status) {
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 406 -> "Not Acceptable";
            case 408 -> "Request Timeout";
            case 410 -> "Gone";
            case 429 -> "Too Many Requests";
            case 451 -> "Unavailable For Legal Reasons";
            case 500 -> "Internal Server Error";
            case 501 -> "Not Implemented";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> null;
        };
        if (status >= 300 && status < 400) {
            return "HTTP " + status + " without a Location to follow";
        }
        return reason == null ? "HTTP " + status : "HTTP " + status + " " + reason;
    }
}
