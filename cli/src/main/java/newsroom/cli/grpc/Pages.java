package newsroom.cli.grpc;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * A listing's items collected page by page (AIP-158: {@code page_size}, {@code page_token},
 * {@code next_page_token}) until the limit is reached or the service has no next page.
 */
public final class Pages {

    /** One page's call: the request for {@code pageSize} items after {@code pageToken}, sent. */
    @FunctionalInterface
    public interface PageCall<P> {
        P fetch(int pageSize, String pageToken);
    }

    private Pages() {
    }

    /**
     * Hands {@code keep} each page's items, cut so that no more than {@code limit} are kept in all,
     * asking for no more than the rest of the limit and at most {@code maxPageSize} at a time.
     *
     * @return the last page fetched: its next page token, and whatever else a listing says once
     *     (a total, the entity it is about), are the listing's
     */
    public static <P, T> P collect(int limit, int maxPageSize, PageCall<P> call, Function<P, List<T>> items,
                                   Function<P, String> nextPageToken, Consumer<List<T>> keep) {
        int collected = 0;
        String pageToken = "";
        P page;
        do {
            page = call.fetch(Math.min(maxPageSize, limit - collected), pageToken);
            List<T> pageItems = items.apply(page);
            List<T> kept = pageItems.subList(0, Math.min(pageItems.size(), limit - collected));
            keep.accept(kept);
            collected += kept.size();
            pageToken = nextPageToken.apply(page);
        } while (!pageToken.isEmpty() && collected < limit);
        return page;
    }
}
