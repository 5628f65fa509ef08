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
import newsroom.cli.UserError;
import newsroom.cli.credentials.ClientTls;

/** A gRPC channel to one service that sends the client's API key, closed when the command is done. */
public final class ServiceChannel implements AutoCloseable {

    /** Whole analyses come back in one message; leave room above gRPC's 4 MiB default. */
    private static final int MAX_INBOUND_BYTES = 64 * 1024 * 1024;

    private final Endpoint endpoint;
    private final ManagedChannel channel;
    private final boolean tls;

    private ServiceChannel(Endpoint endpoint, ManagedChannel channel, boolean tls) {
        this.endpoint = endpoint;
        this.channel = channel;
        this.tls = tls;
    }

    /** A plaintext channel sending {@code apiKey} with every call, or no key if empty. */
    public static ServiceChannel open(Endpoint endpoint, Optional<String> apiKey) {
        return open(endpoint, apiKey, Optional.empty());
    }

    /**
     * A channel sending {@code apiKey} with every call, or no key if empty; over TLS trusting
     * the CA certificate (PEM) {@code trustedCa} when given, else plaintext, which carries a
     * key only to this machine.
     */
    public static ServiceChannel open(Endpoint endpoint, Optional<String> apiKey, Optional<Path> trustedCa) {
        return open(endpoint, apiKey, trustedCa, false);
    }

    /**
     * As {@link #open(Endpoint, Optional, Optional)}, but with {@code plaintextKeyElsewhere}
     * (the CLI's {@code --insecure}) a key goes in plaintext to another machine too.
     *
     * @throws UserError when a key would go in plaintext to another machine without it
     */
    public static ServiceChannel open(Endpoint endpoint, Optional<String> apiKey, Optional<Path> trustedCa,
                                      boolean plaintextKeyElsewhere) {
        if (apiKey.isPresent() && trustedCa.isEmpty() && !endpoint.isLoopback() && !plaintextKeyElsewhere) {
            throw new UserError("not sending the API key to " + endpoint + " in plaintext: anyone on the way could"
                    + " read it and call the suite with it. Use TLS: set " + ClientTls.CA_FILE + " to the CA"
                    + " certificate (PEM) that signed the services' certificates (docs/security.md). On a network"
                    + " you trust, --insecure sends it unencrypted anyway.");
        }
        ManagedChannelBuilder<?> builder = Grpc.newChannelBuilder(endpoint.target(), credentials(trustedCa))
                .maxInboundMessageSize(MAX_INBOUND_BYTES);
        apiKey.ifPresent(key -> builder.intercept(new BearerKey(key)));
        return new ServiceChannel(endpoint, builder.build(), trustedCa.isPresent());
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

    /** Whether the channel speaks TLS: the service's other ports (the console's HTTP) do too. */
    public boolean usesTls() {
        return tls;
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
