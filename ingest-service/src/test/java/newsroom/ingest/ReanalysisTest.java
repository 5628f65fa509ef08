package newsroom.ingest;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.protobuf.InvalidProtocolBufferException;
import com.google.protobuf.Timestamp;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import newsroom.ingest.analysis.AnalysisWriter;
import newsroom.ingest.analysis.ClaimedArticle;
import newsroom.ingest.analysis.FailureHistory;
import newsroom.ingest.analysis.ReanalysisAlreadyFinishedException;
import newsroom.ingest.reanalysis.PublicationRange;
import newsroom.ingest.reanalysis.ReanalysisJobs;
import newsroom.ingest.v1.ArticleStatus;
import newsroom.ingest.v1.GetIngestStatusRequest;
import newsroom.ingest.v1.GetReanalysisRequest;
import newsroom.ingest.v1.Reanalysis;
import newsroom.ingest.v1.StartReanalysisRequest;
import newsroom.ingest.v1.StartReanalysisResponse;
import newsroom.nlp.v1.Analysis;
import newsroom.nlp.v1.AttributionForm;
import newsroom.nlp.v1.Quote;
import newsroom.store.StoredArticle;
import org.junit.jupiter.api.Test;

/**
 * Re-analysis on demand ({@code StartReanalysis}, {@code GetReanalysis}): the ANALYZED articles
 * of a range analysed again, each exactly once, by the NLP service as it is now, behind fresh
 * articles, surviving a dead worker, and keeping the old analysis of an article whose
 * re-analysis fails. Each test publishes its articles in years of its own, so that its
 * range holds only them.
 */
@QuarkusTest
class ReanalysisTest extends IngestWithNlpTest {

    private static final String TALKS = "Sergey Lavrov said the talks had been very productive. ";

    @Inject
    ReanalysisJobs reanalyses;

    @Inject
    AnalysisWriter writer;

    @Test
    void theArticlesOfTheRangeAreAnalyzedOnceEachByTheNlpServiceAsItIsNow() throws InvalidProtocolBufferException {
        List<String> inside = List.of(
                TALKS + "[nlp-learns] " + Articles.unique(),
                TALKS + "Islamabad welcomed him. [nlp-learns] " + Articles.unique(),
                "Markets were calm. " + Articles.unique());
        List<Long> insideIds = List.of(
                ingestAnalyzed(inside.get(0), "2001-01-01T00:00:00Z"),
                ingestAnalyzed(inside.get(1), "2001-06-15T12:00:00Z"),
                ingestAnalyzed(inside.get(2), "2001-12-31T23:59:59Z"));
        String before = TALKS + "[nlp-learns] " + Articles.unique();
        String atTheEnd = TALKS + "[nlp-learns] " + Articles.unique();
        long beforeId = ingestAnalyzed(before, "2000-12-31T23:59:59Z");
        long atTheEndId = ingestAnalyzed(atTheEnd, "2002-01-01T00:00:00Z");
        assertEquals(0, Articles.rows("quote", insideIds.get(0)), "no reported speech before the upgrade");

        StartReanalysisResponse started = start("2001-01-01T00:00:00Z", "2002-01-01T00:00:00Z");

        assertFalse(started.getResumed());
        assertEquals(3, started.getReanalysis().getTotalCount());
        assertEquals(seconds("2001-01-01T00:00:00Z"), started.getReanalysis().getStartTime().getSeconds());
        assertEquals(seconds("2002-01-01T00:00:00Z"), started.getReanalysis().getEndTime().getSeconds());
        Reanalysis done = awaitDone(started.getReanalysis().getReanalysisId());
        assertEquals(3, done.getDoneCount());
        assertEquals(0, done.getFailedCount());
        assertEquals(0, done.getRemainingCount());
        assertTrue(done.hasFinishTime());
        assertEquals(0, done.getFailuresCount());
        for (String text : inside) {
            assertEquals(2, nlp.calls(text), "analysed, then re-analysed once: " + text);
        }
        assertEquals(1, nlp.calls(before), "published before the range");
        assertEquals(1, nlp.calls(atTheEnd), "published at the range's exclusive end");

        // The new analysis is the one stored: the reported speech the upgraded service finds.
        for (long id : List.of(insideIds.get(0), insideIds.get(1))) {
            Analysis stored = Analysis.parseFrom(Articles.stored(id).analysis);
            Quote reported = stored.getQuotesList().stream()
                    .filter(quote -> quote.getForm() == AttributionForm.INDIRECT).findFirst().orElseThrow();
            assertEquals("the talks had been very productive", reported.getText());
            assertEquals("Sergey Lavrov", reported.getSpeaker());
            assertEquals(1, Articles.rows("quote", id));
            assertEquals(ArticleStatus.ANALYZED, status(id));
        }
        assertEquals(0, Articles.rows("quote", beforeId));
        assertEquals(0, Articles.rows("quote", atTheEndId));
    }

    @Test
    void startingTheSameUnfinishedRangeAgainResumesItAndTheArticlesKeepTheirOldAnalysisMeanwhile() throws Exception {
        List<String> texts = List.of(
                TALKS + "[nlp-slow 1500ms] [nlp-learns] " + Articles.unique(),
                TALKS + "[nlp-slow 1500ms] [nlp-learns] " + Articles.unique());
        List<Long> ids = new ArrayList<>();
        for (String text : texts) {
            ids.add(ingest.ingestArticle(Articles.request(Articles.plainText(text)
                    .setPublishedTime(Articles.timestamp(Instant.parse("1981-05-01T00:00:00Z"))))).getArticleId());
        }
        ids.forEach(this::awaitAnalyzed);
        byte[] oldAnalysis = Articles.stored(ids.get(0)).analysis;

        // Four clients start the range at once: one starts it, the others find it.
        ExecutorService clients = Executors.newFixedThreadPool(4);
        List<Future<StartReanalysisResponse>> starts = new ArrayList<>();
        try {
            for (int i = 0; i < 4; i++) {
                starts.add(clients.submit((Callable<StartReanalysisResponse>) () ->
                        start("1981-01-01T00:00:00Z", "1982-01-01T00:00:00Z")));
            }
        } finally {
            clients.shutdown();
        }
        long id = starts.get(0).get().getReanalysis().getReanalysisId();
        int resumed = 0;
        for (Future<StartReanalysisResponse> start : starts) {
            assertEquals(id, start.get().getReanalysis().getReanalysisId());
            assertEquals(2, start.get().getReanalysis().getTotalCount());
            resumed += start.get().getResumed() ? 1 : 0;
        }
        assertEquals(3, resumed);

        // While it runs, an article waiting for its turn is ANALYZED, searchable, with its old analysis.
        Object[] meanwhile = QuarkusTransaction.requiringNew().call(() -> (Object[]) StoredArticle.getEntityManager()
                .createNativeQuery("""
                        SELECT i.state, a.status, a.analysis,
                               EXISTS (SELECT 1 FROM article_search s WHERE s.article_id = a.id)
                        FROM reanalysis_item i JOIN article a ON a.id = i.article_id
                        WHERE i.job_id = :job AND i.article_id = :article""")
                .setParameter("job", id)
                .setParameter("article", ids.get(0))
                .getSingleResult());
        assertEquals("ANALYZED", meanwhile[1]);
        assertEquals(true, meanwhile[3]);
        if ("PENDING".equals(meanwhile[0])) {
            assertArrayEquals(oldAnalysis, (byte[]) meanwhile[2]);
        }
        StartReanalysisResponse again = start("1981-01-01T00:00:00Z", "1982-01-01T00:00:00Z");
        assertTrue(again.getResumed());
        assertEquals(id, again.getReanalysis().getReanalysisId());

        Reanalysis done = awaitDone(id);
        assertEquals(2, done.getDoneCount());
        for (String text : texts) {
            assertEquals(2, nlp.calls(text), "five starts, one re-analysis: " + text);
        }
        assertFalse(Arrays.equals(oldAnalysis, Articles.stored(ids.get(0)).analysis), "the new analysis is stored");

        // A finished re-analysis is not resumed: the same range again is a new one.
        StartReanalysisResponse next = start("1981-01-01T00:00:00Z", "1982-01-01T00:00:00Z");
        assertFalse(next.getResumed());
        assertNotEquals(id, next.getReanalysis().getReanalysisId());
        awaitDone(next.getReanalysis().getReanalysisId());
        for (String text : texts) {
            assertEquals(3, nlp.calls(text), text);
        }
    }

    @Test
    void aReanalysisWhoseWorkerDiedFinishesWithEveryArticleDoneOnce() throws InvalidProtocolBufferException {
        List<String> texts = List.of(TALKS + Articles.unique(), TALKS + Articles.unique(), TALKS + Articles.unique());
        List<Long> ids = new ArrayList<>();
        for (String text : texts) {
            ids.add(ingestAnalyzed(text, "1983-03-01T00:00:00Z"));
        }
        long victim = ids.get(1);

        // A worker claimed one article for 3 seconds and died: started in the same transaction,
        // so the living worker cannot take the article first.
        long id = QuarkusTransaction.requiringNew().call(() -> {
            long job = reanalyses.start(range("1983-01-01T00:00:00Z", "1984-01-01T00:00:00Z")).job().id();
            StoredArticle.getEntityManager().createNativeQuery("""
                            UPDATE reanalysis_item SET claimed_until = now() + interval '3 seconds', attempts = 1
                            WHERE job_id = :job AND article_id = :article""")
                    .setParameter("job", job)
                    .setParameter("article", victim)
                    .executeUpdate();
            return job;
        });

        Articles.await("the two other articles to be re-analysed", () -> get(id).getDoneCount() == 2);
        Object[] held = item(id, victim, "state, attempts, claimed_until > now()");
        if (Boolean.TRUE.equals(held[2])) {
            assertEquals("PENDING", held[0], "nobody takes an article while its claim holds");
            assertEquals(1, ((Number) held[1]).intValue());
        }
        Reanalysis done = awaitDone(id);
        assertEquals(3, done.getDoneCount());
        assertEquals(0, done.getFailedCount());
        assertEquals(2, ((Number) item(id, victim, "attempts")[0]).intValue(), "claimed again once its claim lapsed");
        for (String text : texts) {
            assertEquals(2, nlp.calls(text), text);
        }

        // The dead worker comes back to life and writes what it had: rolled back, the article stays done once.
        byte[] stored = Articles.stored(victim).analysis;
        long mentions = Articles.rows("mention", victim);
        ClaimedArticle late = new ClaimedArticle(victim, texts.get(1), Instant.parse("1983-03-01T00:00:00Z"), "en", 1, id,
                new FailureHistory(0, null, Instant.now()));
        assertThrows(ReanalysisAlreadyFinishedException.class, () -> writer.rewrite(late,
                Analysis.newBuilder().setCleanedText(Articles.stored(victim).cleanedText).setLanguage("en").build()));
        assertArrayEquals(stored, Articles.stored(victim).analysis);
        assertEquals(mentions, Articles.rows("mention", victim));
        assertEquals(3, get(id).getDoneCount());
    }

    @Test
    void freshArticlesAreAnalyzedBeforeTheQueuedArticlesOfAReanalysis() {
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ids.add(ingest.ingestArticle(Articles.request(Articles.plainText(
                    "Maria Zakharova spoke in Moscow. [nlp-slow 300ms] " + Articles.unique())
                    .setPublishedTime(Articles.timestamp(Instant.parse("1985-02-01T00:00:00Z"))))).getArticleId());
        }
        ids.forEach(this::awaitAnalyzed);
        long id = start("1985-01-01T00:00:00Z", "1986-01-01T00:00:00Z").getReanalysis().getReanalysisId();

        long fresh = ingest.ingestArticle(Articles.request(Articles.plainText(
                "Shah Mahmood Qureshi spoke in Islamabad. " + Articles.unique()))).getArticleId();
        awaitAnalyzed(fresh);

        // Two threads at 300 ms an article: the fresh one waits for one of the two in hand, not for
        // the eight queued behind them.
        Reanalysis then = get(id);
        assertTrue(then.getDoneCount() <= 4, "fresh article analysed only after " + then.getDoneCount() + " of 10");
        assertEquals(10, awaitDone(id).getDoneCount());
    }

    @Test
    void anArticleWhoseReanalysisKeepsFailingKeepsItsOldAnalysisAndIsReportedWithTheReason() {
        String failing = TALKS + "[nlp-rejects after 1] " + Articles.unique();
        String fine = TALKS + Articles.unique();
        long failingId = ingestAnalyzed(failing, "1987-07-01T00:00:00Z");
        ingestAnalyzed(fine, "1987-08-01T00:00:00Z");
        byte[] oldAnalysis = Articles.stored(failingId).analysis;
        long oldQuotes = Articles.rows("quote", failingId);

        Reanalysis done = awaitDone(start("1987-01-01T00:00:00Z", "1988-01-01T00:00:00Z")
                .getReanalysis().getReanalysisId());

        assertEquals(2, done.getTotalCount());
        assertEquals(1, done.getDoneCount());
        assertEquals(1, done.getFailedCount());
        assertEquals(0, done.getRemainingCount());
        assertEquals(1, done.getFailuresCount());
        assertEquals(failingId, done.getFailures(0).getArticleId());
        assertTrue(done.getFailures(0).getError().contains("INVALID_ARGUMENT"), done.getFailures(0).getError());
        assertTrue(done.getFailures(0).getError().contains("rejected (test double)"), done.getFailures(0).getError());
        assertEquals(1 + 3, nlp.calls(failing), "analysed once, then max-attempts (3 in tests) tries");
        assertEquals(2, nlp.calls(fine));
        assertEquals(ArticleStatus.ANALYZED, status(failingId));
        assertArrayEquals(oldAnalysis, Articles.stored(failingId).analysis);
        assertEquals(oldQuotes, Articles.rows("quote", failingId));
        assertEquals(1, Articles.rows("article_search", failingId), "still searchable");
    }

    @Test
    void aRangeWithoutAnalyzedArticlesIsDoneAtOnceAndAnOpenBoundIsUnset() {
        StartReanalysisResponse started = ingest.startReanalysis(StartReanalysisRequest.newBuilder()
                .setEndTime(timestamp("1960-01-01T00:00:00Z")).build());

        Reanalysis empty = started.getReanalysis();
        assertEquals(0, empty.getTotalCount());
        assertEquals(Reanalysis.State.DONE, empty.getState());
        assertTrue(empty.hasFinishTime());
        assertFalse(empty.hasStartTime());
        assertEquals(seconds("1960-01-01T00:00:00Z"), empty.getEndTime().getSeconds());
        assertEquals(empty, get(empty.getReanalysisId()));
    }

    @Test
    void badRangesAndIdsAreRefusedNamingTheFieldAndStartNothing() {
        long jobs = jobCount();
        assertInvalid("end_time: must be after start_time", () -> start("1990-01-01T00:00:00Z", "1990-01-01T00:00:00Z"));
        assertInvalid("end_time: must be after start_time", () -> start("1990-01-02T00:00:00Z", "1990-01-01T00:00:00Z"));
        assertInvalid("start_time: is not a valid time", () -> ingest.startReanalysis(StartReanalysisRequest.newBuilder()
                .setStartTime(Timestamp.newBuilder().setSeconds(0).setNanos(-1)).build()));
        assertInvalid("end_time: is not a valid time", () -> ingest.startReanalysis(StartReanalysisRequest.newBuilder()
                .setEndTime(Timestamp.newBuilder().setSeconds(253_402_300_800L)).build()));
        assertEquals(jobs, jobCount());

        assertInvalid("reanalysis_id: is required", () -> ingest.getReanalysis(GetReanalysisRequest.getDefaultInstance()));
        StatusRuntimeException unknown = assertThrows(StatusRuntimeException.class,
                () -> ingest.getReanalysis(GetReanalysisRequest.newBuilder().setReanalysisId(Long.MAX_VALUE).build()));
        assertEquals(Status.Code.NOT_FOUND, unknown.getStatus().getCode());
    }

    private StartReanalysisResponse start(String from, String to) {
        return ingest.startReanalysis(StartReanalysisRequest.newBuilder()
                .setStartTime(timestamp(from)).setEndTime(timestamp(to)).build());
    }

    private Reanalysis get(long id) {
        return ingest.getReanalysis(GetReanalysisRequest.newBuilder().setReanalysisId(id).build()).getReanalysis();
    }

    private Reanalysis awaitDone(long id) {
        Articles.await("re-analysis " + id + " to be DONE", () -> get(id).getState() == Reanalysis.State.DONE);
        return get(id);
    }

    private long ingestAnalyzed(String text, String published) {
        long id = ingest.ingestArticle(Articles.request(Articles.plainText(text)
                .setPublishedTime(timestamp(published)))).getArticleId();
        awaitAnalyzed(id);
        return id;
    }

    private void awaitAnalyzed(long id) {
        Articles.await("article " + id + " to be ANALYZED", () -> status(id) == ArticleStatus.ANALYZED);
    }

    private ArticleStatus status(long id) {
        return ingest.getIngestStatus(GetIngestStatusRequest.newBuilder().setArticleId(id).build()).getStatus();
    }

    private static PublicationRange range(String from, String to) {
        return new PublicationRange(Optional.of(Instant.parse(from)), Optional.of(Instant.parse(to)));
    }

    // The columns of one item, and a 0 so that the row is an array even for one column.
    private static Object[] item(long job, long article, String columns) {
        return QuarkusTransaction.requiringNew().call(() -> (Object[]) StoredArticle.getEntityManager()
                .createNativeQuery("SELECT " + columns + ", 0 FROM reanalysis_item"
                        + " WHERE job_id = :job AND article_id = :article")
                .setParameter("job", job)
                .setParameter("article", article)
                .getSingleResult());
    }

    private static long jobCount() {
        return QuarkusTransaction.requiringNew().call(() -> ((Number) StoredArticle.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM reanalysis_job").getSingleResult()).longValue());
    }

    private static void assertInvalid(String messageStart, Runnable call) {
        StatusRuntimeException failure = assertThrows(StatusRuntimeException.class, call::run);
        assertEquals(Status.Code.INVALID_ARGUMENT, failure.getStatus().getCode(), failure::toString);
        assertTrue(String.valueOf(failure.getStatus().getDescription()).startsWith(messageStart), failure::toString);
    }

    private static Timestamp timestamp(String instant) {
        return Articles.timestamp(Instant.parse(instant));
    }

    private static long seconds(String instant) {
        return Instant.parse(instant).getEpochSecond();
    }
}
