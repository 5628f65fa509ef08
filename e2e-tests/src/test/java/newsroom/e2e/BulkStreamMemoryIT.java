package newsroom.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.stub.ClientCallStreamObserver;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import newsroom.cli.grpc.ServiceChannel;
import newsroom.cli.run.ServiceProcess;
import newsroom.ingest.v1.ArticleStatus;
import newsroom.ingest.v1.IngestArticlesRequest;
import newsroom.ingest.v1.IngestArticlesResponse;
import newsroom.ingest.v1.IngestResult;
import newsroom.ingest.v1.IngestServiceGrpc;
import newsroom.localpostgres.LocalPostgres;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A hostile bulk client cannot make ingest-service run out of memory: one
 * {@code IngestArticles} stream of 200,000 articles, each with a 1 KiB {@code client_reference},
 * through ingest-service running as a real process with a 384 MiB heap on a real PostgreSQL.
 * Were every result kept with its reference for the whole stream, the references alone would
 * be 200 MB, and so would the answer. A reference over 256 bytes rejects its article and the
 * stream keeps counts and a bounded list of results: the stream ends with the
 * right counts, the process is alive and never hit OutOfMemoryError ({@code
 * -XX:+ExitOnOutOfMemoryError} would have ended it). Every 100th article carries a short
 * reference and is stored, so the batches of stored articles go through the same stream. The
 * peak heap, read from the process's GC log, is printed for BENCHMARKS.md.
 */
class BulkStreamMemoryIT {

    private static final int ARTICLES = 200_000;
    private static final int STORED_EVERY = 100;
    private static final int STORED = ARTICLES / STORED_EVERY;
    private static final String LONG_REFERENCE_TAIL = "r".repeat(1024 - 16);
    /** A bound, not an expectation: a slow CI machine may need all of it. */
    private static final Duration LIMIT = Duration.ofMinutes(10);
    /** A G1 or Serial pause in -Xlog:gc: "Pause Young (Normal) (G1 Evacuation Pause) 24M->5M(256M) 3.1ms". */
    private static final Pattern PAUSE = Pattern.compile("Pause .* (\\d+)M->(\\d+)M\\((\\d+)M\\)");

    @RegisterExtension
    final RigUnderTest rigUnderTest = new RigUnderTest();

    @Test
    void twoHundredThousandArticlesWithKibibyteReferencesFitIn384MibOfHeap() throws Exception {
        StandInNlpRig rig = rigUnderTest.start(LocalPostgres.startThrowAway(), 5);
        Path gcLog = StandInNlpRig.logs().toAbsolutePath().resolve("ingest-service-bulk-memory-gc.log");
        Files.deleteIfExists(gcLog);
        ServiceProcess ingestService = rig.startIngest("ingest-service-bulk-memory",
                List.of("-Xmx384m", "-XX:+ExitOnOutOfMemoryError", "-Xlog:gc:file=" + gcLog),
                // The per-key rate limit would only make the test take longer (5,000 a second by default).
                Map.of("NEWSROOM_STREAM_MESSAGES_PER_SECOND", "1000000"));

        IngestArticlesResponse response;
        try (ServiceChannel channel = rig.ingestChannel()) {
            response = stream(channel);
        }

        assertTrue(ingestService.isAlive(), "ingest-service is still running");
        String log = Files.readString(ingestService.spec().logFile());
        assertFalse(log.contains("OutOfMemoryError"), "ingest-service ran out of memory");
        assertEquals(STORED, response.getAcceptedCount());
        assertEquals(0, response.getAlreadyStoredCount());
        assertEquals(ARTICLES - STORED, response.getRejectedCount());
        assertEquals(STORED, rig.store().count("true"), "the articles with short references are stored");

        // The first 10,000 results, then 1,000 more rejections, and a flag that some were left out.
        assertTrue(response.getResultsTruncated());
        assertEquals(11_000, response.getResultsCount());
        IngestResult first = response.getResults(0);
        assertEquals("ok-0", first.getClientReference());
        assertEquals(ArticleStatus.ACCEPTED, first.getStatus());
        IngestResult second = response.getResults(1);
        assertEquals("1", second.getClientReference(), "a refused reference is replaced by the position");
        assertEquals(ArticleStatus.REJECTED, second.getStatus());
        assertEquals("client_reference: is 1,024 bytes of UTF-8, at most 256 are allowed", second.getError());
        for (IngestResult later : response.getResultsList().subList(10_000, 11_000)) {
            assertEquals(ArticleStatus.REJECTED, later.getStatus());
        }

        System.out.printf("BulkStreamMemoryIT: %,d articles with 1 KiB references, ingest-service -Xmx384m:"
                + " peak heap used %d MiB (GC log %s); load average %.2f%n", ARTICLES, peakHeapMiB(gcLog), gcLog,
                java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
    }

    /** Sends the articles as fast as flow control lets them go, and waits for the response. */
    private static IngestArticlesResponse stream(ServiceChannel channel) throws Exception {
        StreamResponse<IngestArticlesRequest, IngestArticlesResponse> response = new StreamResponse<>() {
            private int next;

            @Override
            public void beforeStart(ClientCallStreamObserver<IngestArticlesRequest> requests) {
                requests.setOnReadyHandler(() -> {
                    while (requests.isReady() && next < ARTICLES) {
                        requests.onNext(request(next++));
                    }
                    if (next == ARTICLES) {
                        next++;
                        requests.onCompleted();
                    }
                });
            }
        };
        IngestServiceGrpc.newStub(channel.channel()).withDeadlineAfter(LIMIT.toMillis(), TimeUnit.MILLISECONDS)
                .ingestArticles(response);
        return response.get(LIMIT.toMillis(), TimeUnit.MILLISECONDS);
    }

    private static IngestArticlesRequest request(int n) {
        String reference = n % STORED_EVERY == 0 ? "ok-" + n : String.format("%016d", n) + LONG_REFERENCE_TAIL;
        return IngestArticlesRequest.newBuilder()
                .setArticle(GeneratedReports.article("bulk.example.org", n))
                .setClientReference(reference)
                .build();
    }

    /** The most heap in use before any collection, from the GC log; the heap never held more. */
    private static long peakHeapMiB(Path gcLog) throws Exception {
        long peak = 0;
        for (String line : Files.readAllLines(gcLog)) {
            Matcher pause = PAUSE.matcher(line);
            if (pause.find()) {
                peak = Math.max(peak, Long.parseLong(pause.group(1)));
            }
        }
        return peak;
    }
}
