package newsroom.query.paging;

import java.util.List;

/**
 * One page of a list.
 *
 * @param items         the page's items, in the list's order
 * @param nextPageToken where the next page starts; empty on the last page
 */
public record Page<T>(List<T> items, String nextPageToken) {

    public Page {
        items = List.copyOf(items);
    }
}
