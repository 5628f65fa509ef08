package newsroom.ingest.reanalysis;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A re-analysis as it stands: the articles of its range when it started ({@code total}),
 * how many are re-analysed ({@code done}) and given up ({@code failed}).
 *
 * @param finishedAt when its last article was done or failed; empty while it runs
 * @param failures   the failed articles in order of id, at most {@link ReanalysisJobs#FAILURES_SHOWN}
 */
public record ReanalysisJob(long id, PublicationRange range, long total, long done, long failed, Instant createdAt,
                            Optional<Instant> finishedAt, List<FailedReanalysisArticle> failures) {

    public ReanalysisJob {
        failures = List.copyOf(failures);
    }

    public long remaining() {
        return total - done - failed;
    }

    public boolean isFinished() {
        return finishedAt.isPresent();
    }
}
