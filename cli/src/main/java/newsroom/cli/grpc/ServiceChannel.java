package newsroom.cli.grpc;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.util.concurrent.TimeUnit;

/** A plaintext gRPC channel to one service, closed when the command is done. */
public final class ServiceChannel implements AutoCloseable {

    /** Whole analyses come back in one message; leave room above gRPC's 4 MiB default. */
    private static final int MAX_INBOUND_BYTES = 64 * 1024 * 1024;

    private final Endpoint endpoint;
    private final ManagedChannel channel;

    private ServiceChannel(Endpoint endpoint, ManagedChannel channel) {
        this.endpoint = endpoint;
        this.channel = channel;
    }

    public static ServiceChannel open(Endpoint endpoint) {
        ManagedChannel channel = ManagedChannelBuilder.forTarget(endpoint.target())
                .usePlaintext()
                .maxInboundMessageSize(MAX_INBOUND_BYTES)
                .build();
        return new ServiceChannel(endpoint, channel);
    }

    public Endpoint endpoint() {
        return endpoint;
    }

    public ManagedChannel channel() {
        return channel;
    }

    @Override
    public void close() {
        channel.shutdownNow();
        try {
            channel.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
