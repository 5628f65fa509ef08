package newsroom.cli.grpc;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a listing's pages are asked for and cut to the limit. */
class PagesTest {

    /** A page as a service sends it: its items and the token of the next, empty on the last. */
    private record Page(List<Integer> items, String nextPageToken) {
    }

    /** Pages of up to {@code served} items out of 1..{@code total}; the token is the last item sent. */
    private record Service(int total, int served, List<String> asked) {

        Page fetch(int pageSize, String pageToken) {
            asked.add(pageSize + "@" + pageToken);
            int after = pageToken.isEmpty() ? 0 : Integer.parseInt(pageToken);
            List<Integer> items = new ArrayList<>();
            for (int item = after + 1; item <= total && items.size() < Math.min(pageSize, served); item++) {
                items.add(item);
            }
            int last = after + items.size();
            return new Page(items, last < total ? String.valueOf(last) : "");
        }
    }

    private static Page collect(Service service, int limit, int maxPageSize, List<Integer> kept) {
        return Pages.collect(limit, maxPageSize, service::fetch, Page::items, Page::nextPageToken, kept::addAll);
    }

    @Test
    void asksPageAfterPageForNoMoreThanTheRestOfTheLimit() {
        Service service = new Service(250, 100, new ArrayList<>());
        List<Integer> kept = new ArrayList<>();

        Page last = collect(service, 230, 100, kept);

        assertEquals(List.of("100@", "100@100", "30@200"), service.asked());
        assertEquals(230, kept.size());
        assertEquals(230, kept.get(229));
        assertEquals("230", last.nextPageToken(), "the listing can go on from where the limit stopped it");
    }

    @Test
    void stopsAtTheLastPageBeforeTheLimit() {
        Service service = new Service(5, 2, new ArrayList<>());
        List<Integer> kept = new ArrayList<>();

        Page last = collect(service, 20, 100, kept);

        assertEquals(List.of("20@", "18@2", "16@4"), service.asked());
        assertEquals(List.of(1, 2, 3, 4, 5), kept);
        assertEquals("", last.nextPageToken());
    }

    @Test
    void keepsNoMoreThanTheLimitOfAPageLargerThanAskedFor() {
        List<String> asked = new ArrayList<>();
        List<Integer> kept = new ArrayList<>();

        Page last = Pages.collect(3, 100, (pageSize, pageToken) -> {
            asked.add(pageSize + "@" + pageToken);
            return new Page(List.of(1, 2, 3, 4, 5), "5");
        }, Page::items, Page::nextPageToken, kept::addAll);

        assertEquals(List.of("3@"), asked);
        assertEquals(List.of(1, 2, 3), kept);
        assertEquals("5", last.nextPageToken());
    }

    @Test
    void anEmptyListingIsOnePage() {
        Service service = new Service(0, 100, new ArrayList<>());
        List<Integer> kept = new ArrayList<>();

        collect(service, 50, 100, kept);

        assertEquals(List.of("50@"), service.asked());
        assertEquals(List.of(), kept);
    }
}
