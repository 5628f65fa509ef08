package newsroom.ingest.grpc;

import com.google.protobuf.Timestamp;
import io.grpc.Status;
import java.time.Instant;
import java.util.Optional;
import newsroom.ingest.reanalysis.FailedReanalysisArticle;
import newsroom.ingest.reanalysis.PublicationRange;
import newsroom.ingest.reanalysis.ReanalysisJob;
import newsroom.ingest.v1.Reanalysis;
import newsroom.ingest.v1.StartReanalysisRequest;

/** The re-analysis RPCs' messages to and from {@link newsroom.ingest.reanalysis.ReanalysisJobs}' values. */
final class ReanalysisMessages {

    // google.protobuf.Timestamp's own range: 0001-01-01T00:00:00Z to 9999-12-31T23:59:59.999999999Z.
    private static final long MIN_SECONDS = -62_135_596_800L;
    private static final long MAX_SECONDS = 253_402_300_799L;

    private ReanalysisMessages() {
    }

    /** @throws io.grpc.StatusRuntimeException INVALID_ARGUMENT naming the field at fault */
    static PublicationRange range(StartReanalysisRequest request) {
        Optional<Instant> start = request.hasStartTime()
                ? Optional.of(instant(request.getStartTime(), "start_time"))
                : Optional.empty();
        Optional<Instant> end = request.hasEndTime()
                ? Optional.of(instant(request.getEndTime(), "end_time"))
                : Optional.empty();
        if (start.isPresent() && end.isPresent() && !end.get().isAfter(start.get())) {
            throw Status.INVALID_ARGUMENT.withDescription("end_time: must be after start_time (" + end.get()
                    + " is not after " + start.get() + ")").asRuntimeException();
        }
        return new PublicationRange(start, end);
    }

    static Reanalysis reanalysis(ReanalysisJob job) {
        Reanalysis.Builder message = Reanalysis.newBuilder()
                .setReanalysisId(job.id())
                .setState(job.isFinished() ? Reanalysis.State.DONE : Reanalysis.State.RUNNING)
                .setTotalCount(job.total())
                .setDoneCount(job.done())
                .setFailedCount(job.failed())
                .setRemainingCount(job.remaining())
                .setCreateTime(ProtoValues.timestamp(job.createdAt()));
        job.range().start().ifPresent(start -> message.setStartTime(ProtoValues.timestamp(start)));
        job.range().end().ifPresent(end -> message.setEndTime(ProtoValues.timestamp(end)));
        job.finishedAt().ifPresent(finished -> message.setFinishTime(ProtoValues.timestamp(finished)));
        for (FailedReanalysisArticle failure : job.failures()) {
            message.addFailuresBuilder().setArticleId(failure.articleId()).setError(failure.error());
        }
        return message.build();
    }

    private static Instant instant(Timestamp timestamp, String field) {
        if (timestamp.getSeconds() < MIN_SECONDS || timestamp.getSeconds() > MAX_SECONDS
                || timestamp.getNanos() < 0 || timestamp.getNanos() > 999_999_999) {
            throw Status.INVALID_ARGUMENT.withDescription(field + ": is not a valid time (seconds " + timestamp.getSeconds()
                    + ", nanos " + timestamp.getNanos() + "; a time from 0001-01-01 to 9999-12-31 UTC)")
                    .asRuntimeException();
        }
        return Instant.ofEpochSecond(timestamp.getSeconds(), timestamp.getNanos());
    }
}
