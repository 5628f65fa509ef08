package newsroom.cli.grpc;

import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.grpc.TlsChannelCredentials;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import newsroom.auth.BearerKey;
import newsroom.cli.credentials.ClientKey;
import newsroom.cli.credentials.ClientTls;

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

    /** A channel with the CLI's own key ({@link ClientKey}), over TLS when {@link ClientTls} finds a CA. */
    public static ServiceChannel open(Endpoint endpoint) {
        return open(endpoint, ClientKey.find(System.getenv()), ClientTls.find(System.getenv()));
    }

    /** A plaintext channel sending {@code apiKey} with every call, or no key if empty. */
    public static ServiceChannel open(Endpoint endpoint, Optional<String> apiKey) {
        return open(endpoint, apiKey, Optional.empty());
    }

    /**
     * A channel sending {@code apiKey} with every call, or no key if empty; over TLS trusting
     * the CA certificate (PEM) {@code trustedCa} when given, else plaintext.
     */
    public static ServiceChannel open(Endpoint endpoint, Optional<String> apiKey, Optional<Path> trustedCa) {
        ManagedChannelBuilder<?> builder = Grpc.newChannelBuilder(endpoint.target(), credentials(trustedCa))
                .maxInboundMessageSize(MAX_INBOUND_BYTES);
        apiKey.ifPresent(key -> builder.intercept(new BearerKey(key)));
        return new ServiceChannel(endpoint, builder.build());
    }

    private static ChannelCredentials credentials(Optional<Path> trustedCa) {
        if (trustedCa.isEmpty()) {
            return InsecureChannelCredentials.create();
        }
        try {
            return TlsChannelCredentials.newBuilder().trustManager(trustedCa.get().toFile()).build();
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the CA certificate " + trustedCa.get() + ": " + e.getMessage(), e);
        }
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
