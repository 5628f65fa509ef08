package newsroom.cli.retention;

import io.grpc.Status;
import io.grpc.stub.StreamObserver;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import newsroom.ingest.v1.ApplyRetentionRequest;
import newsroom.ingest.v1.ApplyRetentionResponse;
import newsroom.ingest.v1.RetentionMonth;
import newsroom.ingest.v1.RetentionServiceGrpc;

/**
 * Answers like ingest-service's RetentionService with a fixed cut-off month (2024-12) and the
 * months before it that {@link #months} holds, keeping the requests it got. A removal empties
 * the months, so a second call finds nothing; an expected cut-off month that is not 2024-12 is
 * FAILED_PRECONDITION.
 */
class RetentionServiceDouble extends RetentionServiceGrpc.RetentionServiceImplBase {

    static final String CUTOFF = "2024-12";

    final List<ApplyRetentionRequest> requests = new CopyOnWriteArrayList<>();
    volatile List<RetentionMonth> months = List.of(
            month("2024-10", 120, 3_400, 210, 118, 950),
            month("2024-11", 95, 2_800, 160, 95, 870));

    static RetentionMonth month(String month, long articles, long mentions, long quotes, long searchRows,
                                long entityDays) {
        return RetentionMonth.newBuilder().setMonth(month).setArticleCount(articles).setMentionCount(mentions)
                .setQuoteCount(quotes).setSearchRowCount(searchRows).setEntityDayCount(entityDays).build();
    }

    @Override
    public void applyRetention(ApplyRetentionRequest request, StreamObserver<ApplyRetentionResponse> response) {
        requests.add(request);
        if (!request.getExpectedCutoffMonth().isEmpty() && !request.getExpectedCutoffMonth().equals(CUTOFF)) {
            response.onError(Status.FAILED_PRECONDITION.withDescription("expected_cutoff_month: the cut-off month"
                    + " is now " + CUTOFF).asRuntimeException());
            return;
        }
        ApplyRetentionResponse answer = ApplyRetentionResponse.newBuilder().setCutoffMonth(CUTOFF)
                .setDryRun(request.getDryRun()).addAllMonths(months).build();
        if (!request.getDryRun()) {
            months = List.of();
        }
        response.onNext(answer);
        response.onCompleted();
    }
}
