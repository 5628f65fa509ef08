package newsroom.query.paging;

import java.util.List;
import newsroom.query.InvalidArgumentException;

/**
 * Which slice of a list a request asks for (AIP-158): where the previous page
 * ended, from its token, and how many items to return.
 *
 * @param offset how many items of the list come before this page
 * @param size   how many items the page holds at most
 * @param query  what the list is of; tokens are only valid for the query that issued them
 */
public record PageRequest(int offset, int size, QueryFingerprint query) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    /**
     * Reads {@code page_size} and {@code page_token}: 0 means the default
     * size, sizes above the maximum are lowered to it, negative sizes and
     * tokens issued for another query are rejected.
     */
    public static PageRequest of(int pageSize, String pageToken, QueryFingerprint query) {
        return of(pageSize, pageToken, query, DEFAULT_SIZE, MAX_SIZE);
    }

    /** As {@link #of(int, String, QueryFingerprint)}, for a list with its own default and maximum size. */
    public static PageRequest of(int pageSize, String pageToken, QueryFingerprint query, int defaultSize,
                                 int maxSize) {
        if (pageSize < 0) {
            throw new InvalidArgumentException("page_size", "must not be negative, was " + pageSize);
        }
        int size = pageSize == 0 ? defaultSize : Math.min(pageSize, maxSize);
        int offset = pageToken.isEmpty() ? 0 : PageToken.decode(pageToken, query);
        return new PageRequest(offset, size, query);
    }

    /** How many rows to fetch: one more than the page, to know whether another page follows. */
    public int fetchSize() {
        return size + 1;
    }

    /** The page made of rows fetched with {@link #offset()} and {@link #fetchSize()}. */
    public <T> Page<T> toPage(List<T> fetched) {
        if (fetched.size() <= size) {
            return new Page<>(List.copyOf(fetched), "");
        }
        return new Page<>(List.copyOf(fetched.subList(0, size)), PageToken.encode(offset + size, query));
    }
}
