package newsroom.cli.ingest;

import com.google.protobuf.Timestamp;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import newsroom.cli.NewsroomCommand;
import newsroom.cli.UserError;
import newsroom.cli.grpc.ServiceCallException;
import newsroom.cli.grpc.ServiceChannel;
import newsroom.cli.output.ProgressLine;
import newsroom.cli.output.Reply;
import newsroom.cli.query.TimeBound;
import newsroom.cli.run.Service;
import newsroom.ingest.v1.IngestServiceGrpc;
import newsroom.ingest.v1.Reanalysis;
import newsroom.ingest.v1.StartReanalysisRequest;
import newsroom.ingest.v1.StartReanalysisResponse;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;

/** {@code newsroom reanalyze [--from DATE] [--to DATE]}: stored articles analysed again by nlp-service as it is now. */
@Command(name = "reanalyze", mixinStandardHelpOptions = true,
        description = {
            "Has the stored articles (all, or those published from --from to before --to) analysed again by"
                + " nlp-service as it is now, without ingesting them again, and follows the work with a progress"
                + " bar to a summary: re-analysed, failed with reasons.",
            "The work is ingest-service's: Ctrl-C only stops watching. Running the same command again while it"
                + " is unfinished resumes following it (nothing is started twice); --job ID follows one started"
                + " earlier, finished or not. Each article is re-analysed exactly once; articles waiting for their"
                + " first analysis go first; one whose re-analysis fails keeps its analysis."
                + " Exits with 1 when an article failed."
        })
public class ReanalyzeCommand implements Callable<Integer> {

    @ParentCommand
    NewsroomCommand newsroom;

    @Option(names = "--from", paramLabel = "DATE",
            description = "Only articles published on or after DATE (YYYY-MM-DD, midnight UTC, or an ISO-8601 instant).")
    String from;

    @Option(names = "--to", paramLabel = "DATE", description = "Only articles published before DATE.")
    String to;

    @Option(names = "--job", paramLabel = "ID", description = "Follow re-analysis ID instead of starting one.")
    Long job;

    @Option(names = "--json", description = "Print the finished re-analysis as proto3 JSON (newsroom.ingest.v1.Reanalysis).")
    boolean json;

    @Override
    public Integer call() {
        StartReanalysisRequest request = request();
        ProgressLine progress = ProgressLine.onStandardError();
        try (ServiceChannel ingest = newsroom.channel(Service.INGEST)) {
            ReanalysisWatcher watcher = new ReanalysisWatcher(ingest);
            Reanalysis reanalysis;
            if (job != null) {
                reanalysis = watcher.get(job);
            } else {
                StartReanalysisResponse started = ServiceCallException.call(ingest.endpoint(), () ->
                        IngestServiceGrpc.newBlockingStub(ingest.channel())
                                // Starting fixes the range's articles: one statement over the store.
                                .withDeadlineAfter(10, TimeUnit.MINUTES)
                                .startReanalysis(request));
                reanalysis = started.getReanalysis();
                if (reanalysis.getState() != Reanalysis.State.DONE) {
                    progress.milestone("re-analysis " + reanalysis.getReanalysisId() + " of "
                            + reanalysis.getTotalCount() + " " + ReanalysisSummary.articles(reanalysis)
                            + (started.getResumed() ? ", resumed: " + reanalysis.getDoneCount() + " done already"
                                    : ", started")
                            + " (Ctrl-C stops watching, not the re-analysis)");
                }
            }
            reanalysis = watcher.awaitDone(reanalysis, progress);
            Reply.print(json, reanalysis, done -> ReanalysisSummary.lines(done).forEach(System.out::println));
            return reanalysis.getFailedCount() > 0 ? 1 : 0;
        }
    }

    /** The range of --from and --to, checked before anything is sent. */
    private StartReanalysisRequest request() {
        if (job != null && (from != null || to != null)) {
            throw new UserError("--job follows a re-analysis already started, whose range is set: leave out --from"
                    + " and --to");
        }
        StartReanalysisRequest.Builder request = StartReanalysisRequest.newBuilder();
        if (from != null) {
            request.setStartTime(TimeBound.parse("--from", from));
        }
        if (to != null) {
            request.setEndTime(TimeBound.parse("--to", to));
        }
        if (from != null && to != null && !isAfter(request.getEndTime(), request.getStartTime())) {
            throw new UserError("--to: must be after --from (" + to + " is not after " + from + ")");
        }
        return request.build();
    }

    private static boolean isAfter(Timestamp a, Timestamp b) {
        return a.getSeconds() > b.getSeconds() || a.getSeconds() == b.getSeconds() && a.getNanos() > b.getNanos();
    }
}
