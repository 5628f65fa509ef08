package newsroom.query.paging;

import java.util.Arrays;
import java.util.List;

/**
 * Where an item stands in a list's total order: the values of the list's sort
 * columns for that item, ties broken down to a unique column (an id). A keyset
 * page token carries the last item's key, and the next page starts right after it.
 *
 * @param values the sort columns' values, in the list's ORDER BY order
 */
public record SortKey(List<Long> values) {

    public SortKey {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("a sort key has at least one value");
        }
        values = List.copyOf(values);
    }

    public static SortKey of(long... values) {
        return new SortKey(Arrays.stream(values).boxed().toList());
    }

    /** The value of the {@code index}th sort column. */
    public long value(int index) {
        return values.get(index);
    }
}
