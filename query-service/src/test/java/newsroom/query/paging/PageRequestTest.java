package newsroom.query.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.IntStream;
import newsroom.query.InvalidArgumentException;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    private static final QueryFingerprint QUERY = QueryFingerprint.of("ListThings", "red", 3);
    private static final byte[] KEY = "a page-token key of thirty-two characters or more".getBytes(StandardCharsets.UTF_8);
    private static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");

    private final PageTokens tokens = tokens(KEY, NOW);

    @Test
    void pageSizeDefaultsAndIsCapped() {
        assertEquals(20, tokens.request(0, "", QUERY).size());
        assertEquals(1, tokens.request(1, "", QUERY).size());
        assertEquals(100, tokens.request(100, "", QUERY).size());
        assertEquals(100, tokens.request(101, "", QUERY).size());
        InvalidArgumentException negative = assertThrows(InvalidArgumentException.class,
                () -> tokens.request(-1, "", QUERY));
        assertTrue(negative.getMessage().startsWith("page_size: "));
    }

    @Test
    void theExtraRowBecomesTheNextPagesToken() {
        PageRequest first = tokens.request(3, "", QUERY);
        assertEquals(4, first.fetchSize());

        Page<Integer> page = first.toPage(List.of(1, 2, 3, 4));
        assertEquals(List.of(1, 2, 3), page.items());
        PageRequest second = tokens.request(3, page.nextPageToken(), QUERY);
        assertEquals(3, second.offset());

        Page<Integer> last = second.toPage(List.of(4, 5, 6));
        assertEquals(List.of(4, 5, 6), last.items());
        assertEquals("", last.nextPageToken());
    }

    @Test
    void tokensWalkThroughAListWithoutGapsOrRepeats() {
        List<Integer> list = IntStream.range(0, 23).boxed().toList();
        String token = "";
        int seen = 0;
        do {
            PageRequest request = tokens.request(5, token, QUERY);
            int to = Math.min(list.size(), request.offset() + request.fetchSize());
            Page<Integer> page = request.toPage(list.subList(request.offset(), to));
            for (int item : page.items()) {
                assertEquals(seen++, item);
            }
            token = page.nextPageToken();
        } while (!token.isEmpty());
        assertEquals(23, seen);
    }

    @Test
    void tokensAreOpaqueAndBoundToTheirQuery() {
        String token = tokens.request(2, "", QUERY).toPage(List.of(1, 2, 3)).nextPageToken();

        assertTrue(token.matches("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"), token);
        assertRefused(token, QueryFingerprint.of("ListThings", "blue", 3), "was issued for a different query");
        assertRefused(token, QueryFingerprint.of("ListOtherThings", "red", 3), "was issued for a different query");
        for (String bad : List.of("x", "====", "djE6", "djE6YWJjOjEyMw", "djI6MjoxMjM0NTY3ODkwYWJjZGVm", "a.b", ".")) {
            assertRefused(bad, QUERY, "is not a token this service issued");
        }
    }

    @Test
    void aForgedOrAlteredTokenIsRefused() {
        String token = tokens.request(2, "", QUERY).toPage(List.of(1, 2, 3)).nextPageToken();
        String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, token.indexOf('.'))),
                StandardCharsets.UTF_8);
        assertTrue(payload.startsWith("v2:2:"), payload);

        // The same token with a deeper offset and the original signature.
        String deeper = Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replace("v2:2:", "v2:9000:").getBytes(StandardCharsets.UTF_8))
                + token.substring(token.indexOf('.'));
        assertRefused(deeper, QUERY, "is not a token this service issued, or was altered");
        // The old, unsigned format.
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString(
                ("v1:9000:" + QUERY.hex()).getBytes(StandardCharsets.UTF_8));
        assertRefused(unsigned, QUERY, "is not a token this service issued");
        // A well-formed token signed with another key.
        String otherKeys = tokens("another key, also thirty-two characters long".getBytes(StandardCharsets.UTF_8),
                NOW).request(2, "", QUERY).toPage(List.of(1, 2, 3)).nextPageToken();
        assertRefused(otherKeys, QUERY, "restart from the first page");
    }

    @Test
    void aStaleTokenIsRefused() {
        String token = tokens.request(2, "", QUERY).toPage(List.of(1, 2, 3)).nextPageToken();

        assertEquals(2, tokens(KEY, NOW.plus(Duration.ofMinutes(59))).request(2, token, QUERY).offset());
        InvalidArgumentException stale = assertThrows(InvalidArgumentException.class,
                () -> tokens(KEY, NOW.plus(Duration.ofMinutes(61))).request(2, token, QUERY));
        assertEquals("page_token: has expired: page tokens are valid for 60 minutes"
                + " (newsroom.query.page-token-max-age), as the list under them changes; restart from the first"
                + " page without a page_token", stale.getMessage());
        // Issued "later" than now by more than replicas' clocks differ: not issued by a replica of ours.
        assertRefused(tokens(KEY, NOW.plus(Duration.ofMinutes(10))).request(2, "", QUERY)
                .toPage(List.of(1, 2, 3)).nextPageToken(), QUERY, "has expired");
    }

    @Test
    void offsetsAreCapped() {
        PageTokens capped = new PageTokens(KEY, Duration.ofHours(1), 10, Clock.fixed(NOW, ZoneOffset.UTC));
        String fifth = capped.request(5, "", QUERY).toPage(List.of(1, 2, 3, 4, 5, 6)).nextPageToken();
        PageRequest second = capped.request(5, fifth, QUERY);
        assertEquals(5, second.offset());
        String tenth = second.toPage(List.of(6, 7, 8, 9, 10, 11)).nextPageToken();

        InvalidArgumentException deep = assertThrows(InvalidArgumentException.class,
                () -> capped.request(5, tenth, QUERY));
        assertEquals("page_token: would start at item 11, past the first 10 items a list pages through"
                + " (newsroom.query.max-page-offset); narrow the query (a shorter time range or more filters) to"
                + " reach the rest", deep.getMessage());
    }

    @Test
    void keysAreNotCappedAndEachItemComesOnce() {
        // Offsets stop at 10 here; the key of the last item carries the walk through all 35.
        PageTokens capped = new PageTokens(KEY, Duration.ofHours(1), 10, Clock.fixed(NOW, ZoneOffset.UTC));
        List<Integer> list = IntStream.rangeClosed(1, 35).boxed().toList();
        List<Integer> walked = new ArrayList<>();
        String token = "";
        do {
            KeysetPageRequest request = capped.keysetRequest(4, token, QUERY);
            long after = request.after().map(key -> key.value(0)).orElse(0L);
            List<Integer> fetched = list.stream().filter(item -> item > after).limit(request.fetchSize()).toList();
            Page<Integer> page = request.toPage(fetched, item -> SortKey.of(item), item -> item);
            walked.addAll(page.items());
            token = page.nextPageToken();
        } while (!token.isEmpty());

        assertEquals(list, walked);
    }

    @Test
    void keyTokensAreSignedBoundToTheirQueryAndToKeysetLists() {
        String token = tokens.keysetRequest(2, "", QUERY).toPage(List.of(7L, 8L, 9L), SortKey::of, item -> item)
                .nextPageToken();
        assertEquals(SortKey.of(8L), tokens.keysetRequest(2, token, QUERY).after().orElseThrow());

        int dot = token.indexOf('.');
        String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
        assertTrue(payload.startsWith("v3:8:"), payload);
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replaceFirst(":8:", ":1:").getBytes(StandardCharsets.UTF_8)) + token.substring(dot);
        assertKeyRefused(forged, QUERY, "is not a token this service issued, or was altered");
        assertKeyRefused(token, QueryFingerprint.of("ListThings", "blue", 3), "was issued for a different query");
        // An offset token of the same query (issued before the list paged by key) and the reverse.
        String offsetToken = tokens.request(2, "", QUERY).toPage(List.of(1, 2, 3)).nextPageToken();
        assertKeyRefused(offsetToken, QUERY, "was issued by an earlier version of this service");
        assertRefused(token, QUERY, "was issued by an earlier version of this service");
        // Expiry as for offsets.
        InvalidArgumentException stale = assertThrows(InvalidArgumentException.class,
                () -> tokens(KEY, NOW.plus(Duration.ofHours(2))).keysetRequest(2, token, QUERY));
        assertTrue(stale.getMessage().startsWith("page_token: has expired"), stale.getMessage());
    }

    @Test
    void filterBoundariesDoNotCollide() {
        // "ab" + "c" and "a" + "bc" are different filters.
        assertTrue(!QueryFingerprint.of("M", "ab", "c").equals(QueryFingerprint.of("M", "a", "bc")));
    }

    private static PageTokens tokens(byte[] key, Instant now) {
        return new PageTokens(key, Duration.ofHours(1), 10_000, Clock.fixed(now, ZoneOffset.UTC));
    }

    private void assertRefused(String token, QueryFingerprint query, String reason) {
        InvalidArgumentException refused = assertThrows(InvalidArgumentException.class,
                () -> tokens.request(2, token, query), token);
        assertTrue(refused.getMessage().startsWith("page_token: "), refused.getMessage());
        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
    }

    private void assertKeyRefused(String token, QueryFingerprint query, String reason) {
        InvalidArgumentException refused = assertThrows(InvalidArgumentException.class,
                () -> tokens.keysetRequest(2, token, query), token);
        assertTrue(refused.getMessage().startsWith("page_token: "), refused.getMessage());
        assertTrue(refused.getMessage().contains(reason), refused.getMessage());
    }
}
