package newsroom.cli.query;

import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import newsroom.cli.NewsroomCommand;
import newsroom.cli.grpc.ServiceCallException;
import newsroom.cli.grpc.ServiceChannel;
import newsroom.cli.run.Service;
import newsroom.query.v1.QueryServiceGrpc;
import newsroom.query.v1.QueryServiceGrpc.QueryServiceBlockingStub;

/** A channel to query-service whose calls get the deadline every query gets. */
final class QueryChannel implements AutoCloseable {

    private static final long DEADLINE_SECONDS = 30;

    private final ServiceChannel channel;

    private QueryChannel(ServiceChannel channel) {
        this.channel = channel;
    }

    static QueryChannel open(NewsroomCommand newsroom) {
        return new QueryChannel(newsroom.channel(Service.QUERY));
    }

    /** One query on a channel of its own, closed when it is answered. */
    static <R> R callOnce(NewsroomCommand newsroom, Function<QueryServiceBlockingStub, R> rpc) {
        try (QueryChannel query = open(newsroom)) {
            return query.call(rpc);
        }
    }

    /** @throws ServiceCallException naming query-service when the call fails */
    <R> R call(Function<QueryServiceBlockingStub, R> rpc) {
        return ServiceCallException.call(channel.endpoint(), () -> rpc.apply(QueryServiceGrpc
                .newBlockingStub(channel.channel()).withDeadlineAfter(DEADLINE_SECONDS, TimeUnit.SECONDS)));
    }

    @Override
    public void close() {
        channel.close();
    }
}
