package newsroom.query;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** Reads a listing page by page, as a client does: the first page, then each next_page_token until one is empty. */
public final class PageWalk {

    private PageWalk() {
    }

    /**
     * Every page of a listing, first to last.
     *
     * @param page          the page a token asks for ({@code ""} for the first)
     * @param nextPageToken a page's token for the page after it, empty on the last
     */
    public static <P> List<P> pages(Function<String, P> page, Function<P, String> nextPageToken) {
        List<P> pages = new ArrayList<>();
        String token = "";
        do {
            P current = page.apply(token);
            pages.add(current);
            token = nextPageToken.apply(current);
        } while (!token.isEmpty());
        return pages;
    }
}
