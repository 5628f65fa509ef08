package newsroom.fetching.testing;

import newsroom.fetching.testing.LocalNewsSite.Failure;
import newsroom.fetching.testing.LocalNewsSite.Page;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.zip.GZIPInputStream;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** The fixture itself: what other modules' tests rely on it to serve. */
class LocalNewsSiteTest {

    private final HttpClient client = HttpClient.newHttpClient();

    @Test
    void servesPagesAndAFeedThatFollowsThem() throws Exception {
        try (LocalNewsSite site = LocalNewsSite.start("127.0.0.7")) {
            Page vote = site.page("/news/harbour-vote", "Harbour vote delayed", Instant.parse("2026-03-01T08:00:00Z"));
            Page ferry = site.page("/news/ferry", "Ferry fares to rise", Instant.parse("2026-03-02T08:00:00Z"));
            site.rssFeed("/feed.xml", vote);

            String html = get(site.url("/news/harbour-vote?utm_source=x")).body();
            assertTrue(html.contains("<link rel=\"canonical\" href=\"" + vote.url() + "\">"), html);
            assertTrue(html.contains("2026-03-01T08:00:00Z"));
            assertTrue(html.split("\\s+").length > 300, "a long article");
            assertNotEquals(ArticleText.paragraphs(vote.title(), 6), ArticleText.paragraphs(ferry.title(), 6));

            assertTrue(get(site.url("/feed.xml")).body().contains("Harbour vote delayed"));
            site.addToFeed("/feed.xml", ferry);
            site.revise("/news/harbour-vote", "Harbour vote delayed again", Instant.parse("2026-03-03T08:00:00Z"));
            String feed = get(site.url("/feed.xml")).body();
            assertTrue(feed.indexOf("Ferry fares") < feed.indexOf("Harbour vote delayed again"), feed);
            assertTrue(feed.contains(LocalNewsSite.guid(vote)));

            assertEquals(3, site.requests().size());
            assertEquals("127.0.0.7", site.base().getHost());
        }
    }

    @Test
    void answersConditionalRequestsAndGzips() throws Exception {
        try (LocalNewsSite site = LocalNewsSite.start()) {
            site.page("/a", "A page", null);
            HttpResponse<String> first = get(site.url("/a"));
            String etag = first.headers().firstValue("ETag").orElseThrow();
            String lastModified = first.headers().firstValue("Last-Modified").orElseThrow();
            assertEquals(304, client.send(HttpRequest.newBuilder(site.url("/a")).header("If-None-Match", etag).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());
            assertEquals(304, client.send(HttpRequest.newBuilder(site.url("/a"))
                    .header("If-Modified-Since", lastModified).build(), HttpResponse.BodyHandlers.discarding())
                    .statusCode());
            site.revise("/a", "A changed page", null);
            assertEquals(200, client.send(HttpRequest.newBuilder(site.url("/a")).header("If-None-Match", etag).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode());

            HttpResponse<byte[]> gzipped = client.send(HttpRequest.newBuilder(site.url("/a"))
                    .header("Accept-Encoding", "gzip").build(), HttpResponse.BodyHandlers.ofByteArray());
            assertEquals("gzip", gzipped.headers().firstValue("Content-Encoding").orElseThrow());
            String text = new String(new GZIPInputStream(new ByteArrayInputStream(gzipped.body())).readAllBytes(),
                    StandardCharsets.UTF_8);
            assertTrue(text.contains("A changed page"));
            assertEquals("gzip", site.requests().get(4).acceptEncoding());
            assertEquals(etag, site.requests().get(1).ifNoneMatch());
            assertEquals(304, site.requests().get(1).status());
        }
    }

    @Test
    void misbehavesOnRequest() throws Exception {
        try (LocalNewsSite site = LocalNewsSite.start()) {
            site.failing("/broken", Failure.SERVER_ERROR);
            site.failing("/loop", Failure.REDIRECT_LOOP);
            site.failing("/huge", Failure.HUGE_BODY);
            site.robots("User-agent: *\nDisallow: /private/\n");
            assertEquals(500, get(site.url("/broken")).statusCode());
            HttpResponse<String> loop = get(site.url("/loop?hop=3"));
            assertEquals(302, loop.statusCode());
            assertEquals(site.url("/loop?hop=4").toString(), loop.headers().firstValue("Location").orElseThrow());
            assertTrue(get(site.url("/robots.txt")).body().contains("Disallow: /private/"));
            assertEquals(404, get(site.url("/nothing")).statusCode());
            long length = client.send(HttpRequest.newBuilder(site.url("/huge")).build(),
                    HttpResponse.BodyHandlers.ofInputStream()).body().transferTo(java.io.OutputStream.nullOutputStream());
            assertTrue(length >= LocalNewsSite.HUGE_BODY_BYTES, "streamed " + length);
        }
    }

    private HttpResponse<String> get(URI url) throws IOException, InterruptedException {
        return client.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
    }
}
