package newsroom.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.grpc.GrpcClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.YearMonth;
import java.time.ZoneOffset;
import java.util.List;
import newsroom.ingest.partitions.MonthsAheadJob;
import newsroom.ingest.v1.ArticleStatus;
import newsroom.ingest.v1.GetIngestStatusRequest;
import newsroom.ingest.v1.IngestServiceGrpc;
import newsroom.localpostgres.DatabaseRole;
import newsroom.store.StoredArticle;
import org.junit.jupiter.api.Test;

/**
 * The monthly partitions (V15) are there before rows need them: intake creates the month of an
 * article from a month never stored before, and the job keeps the months ahead created
 * (five in the tests, against the migration's three); the reader may read what either creates.
 */
@QuarkusTest
class MonthPartitionsTest {

    private static final List<String> TABLES = List.of("mention", "quote", "article_search", "entity_day");

    @GrpcClient("ingest")
    IngestServiceGrpc.IngestServiceBlockingStub ingest;

    @Inject
    MonthsAheadJob job;

    @Test
    void anArticleOfAMonthNeverStoredBeforeIsStoredAnalyzedAndSearchable() {
        Instant published = Instant.parse("2003-02-14T23:59:59Z");
        String text = "Sergey Lavrov said the talks went well. Shah Mahmood Qureshi met him. " + Articles.unique();
        long id = ingest.ingestArticle(Articles.request(Articles.plainText(text)
                .setPublishedTime(Articles.timestamp(published)))).getArticleId();

        Articles.await("article " + id + " to be ANALYZED", () -> ingest.getIngestStatus(
                GetIngestStatusRequest.newBuilder().setArticleId(id).build()).getStatus() == ArticleStatus.ANALYZED);

        assertEquals("mention_p2003_02", value("SELECT DISTINCT tableoid::regclass::text FROM mention"
                + " WHERE article_id = " + id));
        assertTrue(Articles.rows("mention", id) > 0);
        assertEquals("article_search_p2003_02", value("SELECT tableoid::regclass::text FROM article_search"
                + " WHERE article_id = " + id));
        assertEquals("entity_day_p2003_02", value("SELECT DISTINCT tableoid::regclass::text FROM entity_day"
                + " WHERE day = '2003-02-14'"));
        for (String table : TABLES) {
            assertReaderMayRead(table + "_p2003_02");
        }
    }

    @Test
    void theJobKeepsTheMonthsAheadCreated() {
        YearMonth current = YearMonth.now(ZoneOffset.UTC);
        assertEquals(List.of(current, current.plusMonths(1), current.plusMonths(2), current.plusMonths(3),
                current.plusMonths(4), current.plusMonths(5)), job.months());
        // Run at start: the fifth month ahead exists only thanks to the job.
        for (YearMonth month : job.months()) {
            for (String table : TABLES) {
                String partition = "%s_p%04d_%02d".formatted(table, month.getYear(), month.getMonthValue());
                assertEquals(partition, value("SELECT CAST(to_regclass('" + partition + "') AS text)"));
                assertReaderMayRead(partition);
            }
        }
        assertEquals(0, job.createAhead(), "months that exist are left as they are");
    }

    private static void assertReaderMayRead(String partition) {
        assertEquals("true", value("SELECT CAST(has_table_privilege('" + DatabaseRole.READER.roleName() + "', '"
                + partition + "', 'SELECT') AS text)"), partition);
    }

    private static String value(String sql) {
        return QuarkusTransaction.requiringNew().call(() -> String.valueOf(StoredArticle.getEntityManager()
                .createNativeQuery(sql).getSingleResult()));
    }
}
