package newsroom.query.paging;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.IntStream;
import newsroom.query.InvalidArgumentException;
import org.junit.jupiter.api.Test;

class PageRequestTest {

    private static final QueryFingerprint QUERY = QueryFingerprint.of("ListThings", "red", 3);

    @Test
    void pageSizeDefaultsAndIsCapped() {
        assertEquals(20, PageRequest.of(0, "", QUERY).size());
        assertEquals(1, PageRequest.of(1, "", QUERY).size());
        assertEquals(100, PageRequest.of(100, "", QUERY).size());
        assertEquals(100, PageRequest.of(101, "", QUERY).size());
        InvalidArgumentException negative = assertThrows(InvalidArgumentException.class,
                () -> PageRequest.of(-1, "", QUERY));
        assertTrue(negative.getMessage().startsWith("page_size: "));
    }

    @Test
    void theExtraRowBecomesTheNextPagesToken() {
        PageRequest first = PageRequest.of(3, "", QUERY);
        assertEquals(4, first.fetchSize());

        Page<Integer> page = first.toPage(List.of(1, 2, 3, 4));
        assertEquals(List.of(1, 2, 3), page.items());
        PageRequest second = PageRequest.of(3, page.nextPageToken(), QUERY);
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
            PageRequest request = PageRequest.of(5, token, QUERY);
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
        String token = PageRequest.of(2, "", QUERY).toPage(List.of(1, 2, 3)).nextPageToken();

        assertTrue(token.matches("[A-Za-z0-9_-]+"), token);
        assertThrows(InvalidArgumentException.class,
                () -> PageRequest.of(2, token, QueryFingerprint.of("ListThings", "blue", 3)));
        assertThrows(InvalidArgumentException.class,
                () -> PageRequest.of(2, token, QueryFingerprint.of("ListOtherThings", "red", 3)));
        for (String bad : List.of("x", "====", "djE6", "djE6YWJjOjEyMw", "djI6MjoxMjM0NTY3ODkwYWJjZGVm")) {
            InvalidArgumentException failure = assertThrows(InvalidArgumentException.class,
                    () -> PageRequest.of(2, bad, QUERY), bad);
            assertTrue(failure.getMessage().startsWith("page_token: "), failure.getMessage());
        }
    }

    @Test
    void filterBoundariesDoNotCollide() {
        // "ab" + "c" and "a" + "bc" are different filters.
        assertTrue(!QueryFingerprint.of("M", "ab", "c").equals(QueryFingerprint.of("M", "a", "bc")));
    }
}
