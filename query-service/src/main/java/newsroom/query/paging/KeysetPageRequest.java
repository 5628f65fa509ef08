package newsroom.query.paging;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Which slice of a list a request asks for (AIP-158) when the list pages by key
 * (keyset paging): the items after the previous page's last item, from its token,
 * and how many to return. Made by {@link PageTokens#keysetRequest}.
 *
 * <p>Unlike an offset, a key costs the same index seek at any depth, so keyset
 * lists have no depth cap (newsroom.query.max-page-offset): a CSV export can walk
 * all of them.
 *
 * @param after where the previous page ended; empty for the first page
 * @param size  how many items the page holds at most
 * @param query what the list is of; tokens are only valid for the query that issued them
 * @param tokens what signs the next page's token
 */
public record KeysetPageRequest(Optional<SortKey> after, int size, QueryFingerprint query, PageTokens tokens) {

    /** How many rows to fetch: one more than the page, to know whether another page follows. */
    public int fetchSize() {
        return size + 1;
    }

    /**
     * The page made of rows fetched after {@link #after()}, at most {@link #fetchSize()} of them in the
     * list's order; the next page's token carries the key of the page's last row.
     */
    public <R, T> Page<T> toPage(List<R> fetched, Function<R, SortKey> keyOf, Function<R, T> itemOf) {
        if (fetched.size() <= size) {
            return new Page<>(fetched.stream().map(itemOf).toList(), "");
        }
        List<R> rows = fetched.subList(0, size);
        return new Page<>(rows.stream().map(itemOf).toList(),
                tokens.encode(keyOf.apply(rows.get(size - 1)), query));
    }
}
