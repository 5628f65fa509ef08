package newsroom.cli.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.grpc.stub.StreamObserver;
import io.quarkus.test.junit.main.LaunchResult;
import io.quarkus.test.junit.main.QuarkusMainLauncher;
import io.quarkus.test.junit.main.QuarkusMainTest;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import newsroom.cli.LocalGrpcServer;
import newsroom.ingest.v1.GetReanalysisRequest;
import newsroom.ingest.v1.GetReanalysisResponse;
import newsroom.ingest.v1.IngestServiceGrpc;
import newsroom.ingest.v1.Reanalysis;
import newsroom.ingest.v1.ReanalysisFailure;
import newsroom.ingest.v1.StartReanalysisRequest;
import newsroom.ingest.v1.StartReanalysisResponse;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * {@code newsroom reanalyze} against a gRPC server on this machine that answers like
 * ingest-service: the range it sends, the progress it follows to the end, the summary, and
 * one-line errors for options that cannot be sent.
 */
@QuarkusMainTest
class ReanalyzeCommandTest {

    private final List<StartReanalysisRequest> starts = new CopyOnWriteArrayList<>();
    private final AtomicInteger polls = new AtomicInteger();

    @RegisterExtension
    final LocalGrpcServer server = new LocalGrpcServer(new ReanalyzingIngest());

    @Test
    void startsTheRangeFollowsItToTheEndAndSummarisesTheFailures(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("reanalyze", "--from", "2021-04-01", "--to", "2021-05-01T12:00:00Z",
                "--ingest", server.address());

        assertEquals(1, result.exitCode(), "a failed article makes the exit code 1");
        assertEquals(1, starts.size());
        assertEquals(Instant.parse("2021-04-01T00:00:00Z").getEpochSecond(), starts.get(0).getStartTime().getSeconds());
        assertEquals(Instant.parse("2021-05-01T12:00:00Z").getEpochSecond(), starts.get(0).getEndTime().getSeconds());
        assertEquals(2, polls.get(), "followed until DONE");
        assertEquals(List.of(
                "re-analysis 7: re-analysed 2, failed 1 of 3 articles published from 2021-04-01"
                        + " to before 2021-05-01T12:00:00Z",
                "  failed 1: INVALID_ARGUMENT: document.content: rejected (article 42)"),
                result.getOutputStream().stream().filter(line -> !line.isBlank()).toList());
        assertTrue(result.getErrorOutput().contains("re-analysis 7 of 3 articles published from 2021-04-01"
                + " to before 2021-05-01T12:00:00Z, started (Ctrl-C stops watching, not the re-analysis)"),
                result.getErrorOutput());
    }

    @Test
    void withoutARangeEveryArticleIsAskedForAndJsonIsTheFinishedReanalysis(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("reanalyze", "--json", "--ingest", server.address());

        assertFalse(starts.get(0).hasStartTime());
        assertFalse(starts.get(0).hasEndTime());
        JsonObject json = JsonParser.parseString(result.getOutput()).getAsJsonObject();
        assertEquals("7", json.get("reanalysisId").getAsString());
        assertEquals("DONE", json.get("state").getAsString());
        assertEquals(42, json.getAsJsonArray("failures").get(0).getAsJsonObject().get("articleId").getAsLong());
    }

    @Test
    void jobFollowsAReanalysisWithoutStartingOne(QuarkusMainLauncher launcher) {
        LaunchResult result = launcher.launch("reanalyze", "--job", "7", "--ingest", server.address());

        assertEquals(0, starts.size());
        assertTrue(polls.get() >= 1);
        assertTrue(result.getOutput().startsWith("re-analysis 7: re-analysed 2, failed 1 of 3"), result.getOutput());
    }

    @Test
    void optionsThatCannotBeSentAreOneLineAndSendNothing(QuarkusMainLauncher launcher) {
        assertError(launcher.launch("reanalyze", "--from", "last week", "--ingest", server.address()),
                "newsroom: --from: 'last week' is not a date (2021-04-07) or an instant (2021-04-07T09:00:00Z)");
        assertError(launcher.launch("reanalyze", "--to", "2021-13-01", "--ingest", server.address()),
                "newsroom: --to: '2021-13-01' is not a date (2021-04-07) or an instant (2021-04-07T09:00:00Z)");
        assertError(launcher.launch("reanalyze", "--from", "2021-05-01", "--to", "2021-04-01", "--ingest", server.address()),
                "newsroom: --to: must be after --from (2021-04-01 is not after 2021-05-01)");
        assertError(launcher.launch("reanalyze", "--from", "2021-05-01", "--to", "2021-05-01", "--ingest", server.address()),
                "newsroom: --to: must be after --from (2021-05-01 is not after 2021-05-01)");
        assertError(launcher.launch("reanalyze", "--job", "7", "--from", "2021-05-01", "--ingest", server.address()),
                "newsroom: --job follows a re-analysis already started, whose range is set: leave out --from and --to");
        assertEquals(0, starts.size());
        assertEquals(0, polls.get());
    }

    private static void assertError(LaunchResult result, String line) {
        assertEquals(1, result.exitCode(), result.getErrorOutput());
        assertEquals(line, result.getErrorOutput().strip());
    }

    /** Re-analysis 7 of three articles: started RUNNING with none done, then one poll RUNNING, then DONE. */
    private final class ReanalyzingIngest extends IngestServiceGrpc.IngestServiceImplBase {

        @Override
        public void startReanalysis(StartReanalysisRequest request, StreamObserver<StartReanalysisResponse> response) {
            starts.add(request);
            Reanalysis.Builder started = withWindowOf(request, running(0));
            response.onNext(StartReanalysisResponse.newBuilder().setReanalysis(started).build());
            response.onCompleted();
        }

        @Override
        public void getReanalysis(GetReanalysisRequest request, StreamObserver<GetReanalysisResponse> response) {
            Reanalysis.Builder reanalysis = polls.incrementAndGet() == 1 && !starts.isEmpty()
                    ? running(1)
                    : running(2).setState(Reanalysis.State.DONE).setFailedCount(1).setRemainingCount(0)
                            .addFailures(ReanalysisFailure.newBuilder().setArticleId(42)
                                    .setError("INVALID_ARGUMENT: document.content: rejected"));
            if (!starts.isEmpty()) {
                withWindowOf(starts.get(0), reanalysis);
            }
            response.onNext(GetReanalysisResponse.newBuilder().setReanalysis(reanalysis).build());
            response.onCompleted();
        }

        /** The re-analysis covers the days its start asked for, as ingest-service reports them. */
        private static Reanalysis.Builder withWindowOf(StartReanalysisRequest start, Reanalysis.Builder reanalysis) {
            if (start.hasStartTime()) {
                reanalysis.setStartTime(start.getStartTime());
            }
            if (start.hasEndTime()) {
                reanalysis.setEndTime(start.getEndTime());
            }
            return reanalysis;
        }

        private Reanalysis.Builder running(int done) {
            return Reanalysis.newBuilder().setReanalysisId(7).setState(Reanalysis.State.RUNNING).setTotalCount(3)
                    .setDoneCount(done).setRemainingCount(3 - done);
        }
    }
}
