package newsroom.cli.query;

import java.util.concurrent.TimeUnit;
import newsroom.cli.grpc.ServiceChannel;
import newsroom.query.v1.QueryServiceGrpc;

/** A blocking query-service stub with the deadline every query gets. */
final class QueryChannel {

    private static final long DEADLINE_SECONDS = 30;

    private QueryChannel() {
    }

    static QueryServiceGrpc.QueryServiceBlockingStub stub(ServiceChannel channel) {
        return QueryServiceGrpc.newBlockingStub(channel.channel()).withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS);
    }
}
