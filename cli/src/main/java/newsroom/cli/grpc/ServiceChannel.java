package newsroom.cli.grpc;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import newsroom.auth.BearerKey;
import newsroom.cli.credentials.ClientKey;

/** A gRPC channel to one service that sends the client's API key, closed when the command is done. */
public final class ServiceChannel implements AutoCloseable {

    /** Whole analyses come back in one message; leave room above gRPC's 4 MiB default. */
    private static final int MAX_INBOUND_BYTES = 64 * 1024 * 1024;

    private final Endpoint endpoint;
    private final ManagedChannel channel;

    private ServiceChannel(Endpoint endpoint, ManagedChannel channel) {
        this.endpoint = endpoint;
        this.channel = channel;
    }

    /** A channel with the CLI's own key ({@link ClientKey}). */
    public static ServiceChannel open(Endpoint endpoint) {
        return open(endpoint, ClientKey.find(System.getenv()));
    }

    /** A channel sending {@code apiKey} with every call, or no key if empty. */
    public static ServiceChannel open(Endpoint endpoint, Optional<String> apiKey) {
        ManagedChannelBuilder<?> builder = ManagedChannelBuilder.forTarget(endpoint.target())
                .usePlaintext()
                .maxInboundMessageSize(MAX_INBOUND_BYTES);
        apiKey.ifPresent(key -> builder.intercept(new BearerKey(key)));
        return new ServiceChannel(endpoint, builder.build());
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
