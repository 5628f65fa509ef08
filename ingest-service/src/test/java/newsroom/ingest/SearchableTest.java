package newsroom.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.grpc.GrpcClient;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.YearMonth;
import java.util.List;
import newsroom.ingest.v1.ArticleStatus;
import newsroom.ingest.v1.GetIngestStatusRequest;
import newsroom.ingest.v1.IngestArticleResponse;
import newsroom.ingest.v1.IngestServiceGrpc;
import newsroom.store.MonthPartitions;
import newsroom.store.StoredArticle;
import org.junit.jupiter.api.Test;

/**
 * When an article becomes searchable, that is gets its row in {@code article_search} (migrations
 * V6 and V9, docs/ingest.md "When an article becomes searchable"): not on intake, but once it
 * leaves the analysis queue; and that the row follows the article afterwards.
 */
@QuarkusTest
class SearchableTest {

    @Inject
    MonthPartitions partitions;

    @GrpcClient("ingest")
    IngestServiceGrpc.IngestServiceBlockingStub ingest;

    @Test
    void anAnalyzedArticleIsFoundByTheWordsOfItsTitleAndText() {
        String text = "Sergey Lavrov discussed the wombat sanctuary in Islamabad. " + Articles.unique();
        long id = ingest.ingestArticle(Articles.request(Articles.plainText(text).setTitle("Quokka summit")))
                .getArticleId();

        Articles.await("article " + id + " to be ANALYZED",
                () -> status(id) == ArticleStatus.ANALYZED);

        assertTrue(matches(id, "wombat sanctuary"));
        assertTrue(matches(id, "quokka"));
        assertFalse(matches(id, "kangaroo"));
    }

    @Test
    void anArticleNeverAnalyzedBecauseOfItsLanguageIsSearchableOnceStored() {
        IngestArticleResponse response = ingest.ingestArticle(Articles.request(
                Articles.plainText(LanguageTest.FRENCH + " " + Articles.unique())));

        assertEquals(ArticleStatus.UNSUPPORTED_LANGUAGE, response.getStatus());
        // No waiting: the vector is written with the row.
        assertTrue(matches(response.getArticleId(), "sécheresse"));
    }

    @Test
    void anArticleTheWorkerGivesUpOnIsSearchable() {
        String text = "The analyser refuses this platypus report. [nlp-rejects] " + Articles.unique();
        long id = ingest.ingestArticle(Articles.request(Articles.plainText(text))).getArticleId();

        Articles.await("article " + id + " to be FAILED", () -> status(id) == ArticleStatus.FAILED);

        assertTrue(matches(id, "platypus"));
    }

    @Test
    void aQueuedArticleGetsItsVectorWhenItLeavesTheQueueAndKeepsItAfterward() {
        // A row as intake writes it, straight into the store: the worker is not involved.
        long id = QuarkusTransaction.requiringNew().call(() -> ((Number) StoredArticle.getEntityManager()
                .createNativeQuery("""
                        INSERT INTO article (title, published_at, content_type, language, raw_content, cleaned_text,
                            content_sha256, status, next_attempt_at)
                        VALUES ('Numbat census', now(), 'PLAIN_TEXT', 'en', :text, :text, :sha, 'ACCEPTED',
                            now() + interval '1 day')
                        RETURNING id""")
                .setParameter("text", "A count of numbats in the outback. " + Articles.unique())
                .setParameter("sha", Articles.unique())
                .getSingleResult()).longValue());
        assertFalse(isSearchable(id), "an ACCEPTED article is not searchable yet");

        update(id, "UPDATE article SET status = 'ANALYZED' WHERE id = :id");
        assertTrue(matches(id, "numbat census outback"));

        // Later updates that leave title and text alone keep the vector; a new title is searchable.
        update(id, "UPDATE article SET claimed_until = NULL WHERE id = :id");
        assertTrue(matches(id, "numbat"));
        update(id, "UPDATE article SET title = 'Bilby census' WHERE id = :id");
        assertTrue(matches(id, "bilby"));
        assertTrue(matches(id, "outback"));

        // What a search filters on follows the article too. The new date's month may never have
        // been stored (or been removed by retention): this test writes past intake, so it creates it.
        partitions.create(List.of(YearMonth.of(2021, 4)));
        update(id, "UPDATE article SET source = 'Outback Times', language = 'en-AU',"
                + " published_at = TIMESTAMPTZ '2021-04-07 10:00:00Z' WHERE id = :id");
        assertEquals("Outback Times|en-AU|2021-04-07T10:00:00Z", QuarkusTransaction.requiringNew().call(() ->
                (String) StoredArticle.getEntityManager().createNativeQuery("""
                        SELECT source || '|' || language || '|'
                               || to_char(published_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS"Z"')
                        FROM article_search WHERE article_id = :id""")
                        .setParameter("id", id)
                        .getSingleResult()));

        update(id, "DELETE FROM article WHERE id = :id");
        assertFalse(isSearchable(id), "a deleted article leaves article_search");
    }

    private ArticleStatus status(long id) {
        return ingest.getIngestStatus(GetIngestStatusRequest.newBuilder().setArticleId(id).build()).getStatus();
    }

    private static boolean matches(long id, String words) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) StoredArticle.getEntityManager()
                .createNativeQuery("""
                        SELECT count(*) FROM article_search
                        WHERE article_id = :id AND search_vector @@ websearch_to_tsquery('english', :words)""")
                .setParameter("id", id)
                .setParameter("words", words)
                .getSingleResult()).longValue() == 1);
    }

    private static boolean isSearchable(long id) {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) StoredArticle.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM article_search WHERE article_id = :id")
                .setParameter("id", id)
                .getSingleResult()).longValue() == 1);
    }

    private static void update(long id, String sql) {
        QuarkusTransaction.requiringNew().run(() -> StoredArticle.getEntityManager()
                .createNativeQuery(sql).setParameter("id", id).executeUpdate());
    }
}
