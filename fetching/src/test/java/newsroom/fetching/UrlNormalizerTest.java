package newsroom.fetching;

import org.junit.jupiter.api.Test;

import java.net.URI;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

class UrlNormalizerTest {

    @Test
    void spellsOneAddressOneWay() {
        assertEquals("https://example.com/news/a", UrlNormalizer.normalize("HTTPS://Example.COM:443/news/a#comments"));
        assertEquals("http://example.com/", UrlNormalizer.normalize("http://example.com:80"));
        assertEquals("http://example.com:8080/", UrlNormalizer.normalize("http://example.com:8080"));
        assertEquals("https://example.com/b", UrlNormalizer.normalize("https://example.com/a/../b"));
        assertEquals("https://example.com/Path/Case", UrlNormalizer.normalize("https://example.com/Path/Case"));
    }

    @Test
    void dropsTrackingParametersAndKeepsTheOthersInOrder() {
        assertEquals("https://example.com/story?id=7&page=2", UrlNormalizer.normalize(
                "https://example.com/story?utm_source=twitter&id=7&UTM_Medium=social&fbclid=abc&page=2&gclid=x"));
        assertEquals("https://example.com/story", UrlNormalizer.normalize(
                "https://example.com/story?utm_campaign=spring&mc_cid=1&mc_eid=2&_ga=3&igshid=4&ref_src=twsrc"));
        assertEquals("https://example.com/s?b=2&a=1", UrlNormalizer.normalize("https://example.com/s?b=2&a=1"));
    }

    @Test
    void encodesWhatAUriMayNotHold() {
        assertEquals("https://example.com/a%20b/%C3%A9t%C3%A9", UrlNormalizer.normalize("https://example.com/a b/été"));
        assertEquals("https://example.com/a%2Fb", UrlNormalizer.normalize("https://example.com/a%2Fb"));
        assertEquals("https://xn--bcher-kva.example/k%C3%B6ln", UrlNormalizer.normalize("https://Bücher.example/köln"));
        assertEquals("https://example.com/long/story-name", UrlNormalizer.normalize("https://example.com/long/\n\t story-name"
                .replace(" ", "")));
    }

    @Test
    void refusesWhatIsNotAnAbsoluteHttpUrlSayingWhy() {
        assertTrue(assertThrows(IllegalArgumentException.class, () -> UrlNormalizer.normalize("/news/a"))
                .getMessage().contains("not an absolute URL"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> UrlNormalizer.normalize("ftp://example.com/f"))
                .getMessage().contains("not an http or https URL"));
        assertTrue(assertThrows(IllegalArgumentException.class, () -> UrlNormalizer.normalize("https:///path"))
                .getMessage().contains("no host"));
        assertThrows(IllegalArgumentException.class, () -> UrlNormalizer.normalize(" "));
    }

    @Test
    void resolvesLinksAgainstTheirPage() {
        URI base = URI.create("https://example.com/news/index.html");
        assertEquals("https://example.com/news/a", UrlNormalizer.resolve(base, "a#top"));
        assertEquals("https://example.com/b?x=1", UrlNormalizer.resolve(base, " /b?x=1&utm_source=rss "));
        assertEquals("https://cdn.example.org/c", UrlNormalizer.resolve(base, "//cdn.example.org/c"));
        assertNull(UrlNormalizer.resolve(base, "mailto:desk@example.com"));
        assertNull(UrlNormalizer.resolve(base, "javascript:void(0)"));
        assertNull(UrlNormalizer.resolve(base, ""));
        assertNull(UrlNormalizer.resolve(base, null));
    }
}
