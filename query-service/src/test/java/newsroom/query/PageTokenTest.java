package newsroom.query;

import static newsroom.query.GrpcAssertions.assertFailsWith;

import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import newsroom.query.v1.ListQuotesRequest;
import newsroom.query.v1.QueryServiceGrpc;
import newsroom.query.v1.SearchArticlesRequest;
import org.junit.jupiter.api.Test;

/**
 * Page tokens are signed: a client cannot write itself a deep offset, in today's format or
 * the old unsigned one, and hears to restart from the first page.
 */
@QuarkusTest
class PageTokenTest {

    @GrpcClient("query")
    QueryServiceGrpc.QueryServiceBlockingStub query;

    @Inject
    TestStore store;

    @Test
    void aTokenWithAnotherOffsetIsRefused() {
        store.fixture();
        SearchArticlesRequest first = SearchArticlesRequest.newBuilder().setQuery("zebrafinch").setPageSize(2).build();
        String token = query.searchArticles(first).getNextPageToken();
        int dot = token.indexOf('.');
        String payload = new String(Base64.getUrlDecoder().decode(token.substring(0, dot)), StandardCharsets.UTF_8);
        String forged = Base64.getUrlEncoder().withoutPadding().encodeToString(
                payload.replaceFirst(":2:", ":5000000:").getBytes(StandardCharsets.UTF_8)) + token.substring(dot);

        assertFailsWith(Status.Code.INVALID_ARGUMENT, "page_token: is not a token this service issued, or was"
                + " altered; pass a previous response's next_page_token unchanged, or restart from the first page",
                () -> query.searchArticles(first.toBuilder().setPageToken(forged).build()));
    }

    @Test
    void anUnsignedTokenOfTheOldFormatIsRefused() {
        store.fixture();
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString(
                "v1:5000000:0123456789abcdef".getBytes(StandardCharsets.UTF_8));

        assertFailsWith(Status.Code.INVALID_ARGUMENT, "page_token: is not a token this service issued",
                () -> query.listQuotes(ListQuotesRequest.newBuilder().setPageToken(unsigned).build()));
    }
}
