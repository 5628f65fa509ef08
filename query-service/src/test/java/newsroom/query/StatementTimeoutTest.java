package newsroom.query;

import static newsroom.query.GrpcAssertions.assertFailsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.agroal.api.AgroalDataSource;
import io.grpc.Status;
import io.quarkus.grpc.GrpcClient;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.Statement;
import newsroom.query.v1.GetEntityRequest;
import newsroom.query.v1.QueryServiceGrpc;
import newsroom.query.v1.SearchArticlesRequest;
import org.junit.jupiter.api.Test;

/**
 * A statement that runs past its call class's statement_timeout is cancelled by PostgreSQL,
 * and the client hears DEADLINE_EXCEEDED with the limit and what to narrow. Here the
 * statements wait for a lock another transaction holds, the way a statement stuck behind
 * a heavy one does; the wait counts toward statement_timeout like work does.
 */
@QuarkusTest
class StatementTimeoutTest {

    @GrpcClient("query")
    QueryServiceGrpc.QueryServiceBlockingStub query;

    @Inject
    TestStore store;

    @Inject
    AgroalDataSource dataSource;

    @Test
    void aLookupPastItsLimitIsDeadlineExceeded() throws Exception {
        long lavrov = store.fixture().lavrov();
        try (Connection holder = lockTable("entity")) {
            assertFailsWith(Status.Code.DEADLINE_EXCEEDED, "the query ran past the 2000 ms the store allows lookups"
                    + " (newsroom.query.statement-timeout.lookup); retry later",
                    () -> query.getEntity(GetEntityRequest.newBuilder().setEntityId(lavrov).build()));
            holder.rollback();
        }
        // The connection and the admission were given back.
        assertEquals(lavrov, query.getEntity(GetEntityRequest.newBuilder().setEntityId(lavrov).build())
                .getEntity().getId());
    }

    @Test
    void aSearchPastItsLimitIsDeadlineExceededAndSaysWhatToNarrow() throws Exception {
        store.fixture();
        SearchArticlesRequest search = SearchArticlesRequest.newBuilder().setQuery("zebrafinch").build();
        try (Connection holder = lockTable("article_search")) {
            assertFailsWith(Status.Code.DEADLINE_EXCEEDED, "the query ran past the 3000 ms the store allows searches"
                    + " (newsroom.query.statement-timeout.search); narrow the query: a shorter time range,",
                    () -> query.searchArticles(search));
            holder.rollback();
        }
        assertEquals(20, query.searchArticles(search).getHitsCount());
    }

    // A transaction of the test's own holding the table so that no statement may read it.
    private Connection lockTable(String table) throws Exception {
        Connection connection = dataSource.getConnection();
        connection.setAutoCommit(false);
        try (Statement statement = connection.createStatement()) {
            statement.execute("LOCK TABLE " + table + " IN ACCESS EXCLUSIVE MODE");
        }
        return connection;
    }
}
