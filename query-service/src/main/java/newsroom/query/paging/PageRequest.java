package newsroom.query.paging;

import java.util.List;

/**
 * Which slice of a list a request asks for (AIP-158): where the previous page
 * ended, from its token, and how many items to return. Made by {@link PageTokens#request}.
 *
 * @param offset how many items of the list come before this page
 * @param size   how many items the page holds at most
 * @param query  what the list is of; tokens are only valid for the query that issued them
 * @param tokens what signs the next page's token
 */
public record PageRequest(int offset, int size, QueryFingerprint query, PageTokens tokens) {

    public static final int DEFAULT_SIZE = 20;
    public static final int MAX_SIZE = 100;

    /** How many rows to fetch: one more than the page, to know whether another page follows. */
    public int fetchSize() {
        return size + 1;
    }

    /** The page made of rows fetched with {@link #offset()} and {@link #fetchSize()}. */
    public <T> Page<T> toPage(List<T> fetched) {
        if (fetched.size() <= size) {
            return new Page<>(List.copyOf(fetched), "");
        }
        return new Page<>(List.copyOf(fetched.subList(0, size)), tokens.encode(offset + size, query));
    }
}
