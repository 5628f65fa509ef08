package newsroom.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import newsroom.cli.grpc.ServiceChannel;
import newsroom.ingest.v1.ArticleStatus;
import newsroom.ingest.v1.GetIngestStatusRequest;
import newsroom.ingest.v1.GetIngestStatusResponse;
import newsroom.ingest.v1.IngestArticleRequest;
import newsroom.ingest.v1.IngestArticleResponse;
import newsroom.ingest.v1.IngestServiceGrpc;
import newsroom.localpostgres.LocalPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A slow NLP service, with real processes: ingest-service (its built jar, on a real
 * PostgreSQL) in front of a stand-in NLP service whose every analysis takes longer than
 * ingest's deadline on the call. ingest-service must keep its work bounded (no more
 * analyses in hand than its worker's threads, no more articles waiting than its backlog
 * limit, then RESOURCE_EXHAUSTED to clients), abandon each call at its deadline without
 * failing the article, and analyse everything once the NLP service is fast again.
 */
class SlowNlpBackPressureIT {

    private static final int CONCURRENCY = 2;
    private static final int MAX_BACKLOG = 20;
    /** Far longer than the deadline below: no analysis finishes while the service is slow. */
    private static final int SLOW_MILLIS = 60_000;
    private static final String DEADLINE = "1s";
    private static final int RETRIES_SEEN = 6;
    /** A bound, not an expectation: a slow CI machine may need all of it. */
    private static final Duration LIMIT = Duration.ofMinutes(3);

    @RegisterExtension
    final RigUnderTest rigUnderTest = new RigUnderTest();

    @Test
    void aSlowNlpServiceMeetsBoundedWorkDeadlinesAndRefusalsAndRetriesSucceedOnceItIsFast() throws Exception {
        StandInNlpRig rig = rigUnderTest.start(LocalPostgres.startThrowAway(), SLOW_MILLIS);
        StoreContents store = rig.store();
        CountingNlpService nlp = rig.nlp();
        rig.startIngest("ingest-service-slow-nlp", Map.of(
                "NEWSROOM_INGEST_NLP_DEADLINE", DEADLINE,
                "NEWSROOM_INGEST_WORKER_CONCURRENCY", Integer.toString(CONCURRENCY),
                "NEWSROOM_INGEST_MAX_BACKLOG", Integer.toString(MAX_BACKLOG),
                // The limit is checked against a fresh count, so it holds exactly here.
                "NEWSROOM_METRICS_BACKLOG_CACHE", "0s"));

        try (ServiceChannel channel = rig.ingestChannel()) {
            IngestServiceGrpc.IngestServiceBlockingStub ingest =
                    IngestServiceGrpc.newBlockingStub(channel.channel()).withDeadlineAfter(60, TimeUnit.SECONDS);

            // Articles are accepted until the backlog is full; then clients are told to slow down.
            List<Long> accepted = new ArrayList<>();
            int next = 0;
            for (; next < MAX_BACKLOG; next++) {
                IngestArticleResponse response = ingest(ingest, next);
                assertEquals(ArticleStatus.ACCEPTED, response.getStatus());
                accepted.add(response.getArticleId());
            }
            int refused = next++;
            StatusRuntimeException full = assertThrows(StatusRuntimeException.class, () -> ingest(ingest, refused));
            assertEquals(Status.Code.RESOURCE_EXHAUSTED, full.getStatus().getCode(), full::toString);
            assertTrue(full.getStatus().getDescription().startsWith("the analysis backlog is full (20 articles wait"),
                    full.getStatus().getDescription());

            // The deadline fires on every call: calls are abandoned, articles wait, none fails.
            long deadline = System.nanoTime() + LIMIT.toNanos();
            int mostClaimed = 0;
            while (nlp.abandoned() < RETRIES_SEEN) {
                mostClaimed = Math.max(mostClaimed, (int) store.count("claimed_until > now()"));
                if (System.nanoTime() > deadline) {
                    fail("only " + nlp.abandoned() + " calls reached their deadline within " + LIMIT.toMinutes() + " min");
                }
                Thread.sleep(50);
            }
            assertTrue(mostClaimed <= CONCURRENCY, "articles claimed at once: " + mostClaimed);
            assertTrue(nlp.mostInFlight() <= CONCURRENCY, "analyses in hand at once: " + nlp.mostInFlight());
            assertEquals(MAX_BACKLOG, store.count("status = 'ACCEPTED'"), "the backlog stayed at its limit");
            assertEquals(0, store.count("status = 'ANALYZED'"), "nothing analysed while NLP was slow");
            GetIngestStatusResponse waiting = status(ingest, accepted.get(0));
            assertEquals(ArticleStatus.ACCEPTED, waiting.getStatus(), "a timed-out article waits: " + waiting);
            assertTrue(waiting.getError().contains("DEADLINE_EXCEEDED"), "its last error: " + waiting.getError());

            // NLP is fast again: every waiting article is analysed, once, and intake reopens.
            nlp.delay(10);
            store.awaitCount("the backlog to be analysed", "status = 'ANALYZED'", MAX_BACKLOG, LIMIT);
            assertTrue(store.count("attempts > 1") > 0, "some analyses succeeded on a retry after a deadline");
            int reopened = next;
            assertEquals(ArticleStatus.ACCEPTED, ingest(ingest, reopened).getStatus(), "intake is open again");
            store.awaitCount("the new article to be analysed", "status = 'ANALYZED'", MAX_BACKLOG + 1, LIMIT);
        }
        store.assertEveryArticleAnalyzedOnce();
        assertTrue(nlp.mostInFlight() <= CONCURRENCY, "analyses in hand at once: " + nlp.mostInFlight());
    }

    private static IngestArticleResponse ingest(IngestServiceGrpc.IngestServiceBlockingStub ingest, int n) {
        return ingest.ingestArticle(IngestArticleRequest.newBuilder()
                .setArticle(GeneratedReports.article("slow.example.org", n)).build());
    }

    private static GetIngestStatusResponse status(IngestServiceGrpc.IngestServiceBlockingStub ingest, long id) {
        return ingest.getIngestStatus(GetIngestStatusRequest.newBuilder().setArticleId(id).build());
    }
}
