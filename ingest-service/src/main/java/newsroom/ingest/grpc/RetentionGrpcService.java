package newsroom.ingest.grpc;

import com.google.protobuf.Timestamp;
import io.quarkus.grpc.GrpcService;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
import java.time.Instant;
import newsroom.ingest.retention.HistoryRetention;
import newsroom.ingest.retention.MonthCounts;
import newsroom.ingest.retention.RetentionReport;
import newsroom.ingest.v1.ApplyRetentionRequest;
import newsroom.ingest.v1.ApplyRetentionResponse;
import newsroom.ingest.v1.RetentionMonth;
import newsroom.ingest.v1.RetentionService;

/** The gRPC face of {@link HistoryRetention}. */
@GrpcService
public class RetentionGrpcService implements RetentionService {

    private final HistoryRetention retention;

    public RetentionGrpcService(HistoryRetention retention) {
        this.retention = retention;
    }

    @Override
    @Blocking
    public Uni<ApplyRetentionResponse> applyRetention(ApplyRetentionRequest request) {
        return GrpcErrors.answer(() -> response(retention.apply(request.getOlderThanMonths(),
                request.getDryRun(), request.getExpectedCutoffMonth())));
    }

    private static ApplyRetentionResponse response(RetentionReport report) {
        Instant cutoff = report.cutoffTime();
        ApplyRetentionResponse.Builder response = ApplyRetentionResponse.newBuilder()
                .setCutoffMonth(report.cutoff().toString())
                .setCutoffTime(Timestamp.newBuilder().setSeconds(cutoff.getEpochSecond()))
                .setDryRun(report.dryRun());
        for (MonthCounts month : report.months()) {
            response.addMonths(RetentionMonth.newBuilder()
                    .setMonth(month.month().toString())
                    .setArticleCount(month.articles())
                    .setMentionCount(month.mentions())
                    .setQuoteCount(month.quotes())
                    .setSearchRowCount(month.searchRows())
                    .setEntityDayCount(month.entityDays()));
        }
        return response.build();
    }
}
