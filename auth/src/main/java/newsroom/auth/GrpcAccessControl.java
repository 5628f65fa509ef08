package newsroom.auth;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.quarkus.grpc.GlobalInterceptor;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Every service's gRPC access control: a {@link CallerAuthenticator} over the key file
 * {@code newsroom.auth.keys-file}, then the per-client {@link StreamLimits}
 * ({@code newsroom.limits.max-open-streams}, {@code newsroom.limits.stream-messages-per-second}). Services pick this bean up through
 * {@code quarkus.index-dependency.auth}. Authentication is on unless
 * {@code newsroom.auth.enabled=false}, which logs a warning at start.
 */
@ApplicationScoped
@GlobalInterceptor
@Priority(GrpcAccessControl.PRIORITY)
public class GrpcAccessControl implements ServerInterceptor {

    /** Runs before the other interceptors (higher runs first), so they see the caller. */
    public static final int PRIORITY = 1000;

    private static final Logger LOG = Logger.getLogger(GrpcAccessControl.class);

    private final boolean enabled;
    private final Optional<String> keysFile;
    private final StreamLimits streamLimits;
    private volatile ServerInterceptor delegate;

    public GrpcAccessControl(@ConfigProperty(name = "newsroom.auth.enabled", defaultValue = "true") boolean enabled,
                             @ConfigProperty(name = "newsroom.auth.keys-file") Optional<String> keysFile,
                             @ConfigProperty(name = "newsroom.limits.max-open-streams", defaultValue = "8")
                             int maxOpenStreams,
                             @ConfigProperty(name = "newsroom.limits.stream-messages-per-second", defaultValue = "5000")
                             int streamMessagesPerSecond) {
        this.enabled = enabled;
        this.keysFile = keysFile.filter(path -> !path.isBlank());
        this.streamLimits = new StreamLimits(maxOpenStreams, streamMessagesPerSecond);
    }

    /** Reads the key file at start: a service that cannot check credentials does not start. */
    void onStart(@Observes StartupEvent event) {
        delegate();
    }

    /** The caller is authenticated first, then held to the stream limits under its name. */
    @Override
    public <Q, A> ServerCall.Listener<Q> interceptCall(ServerCall<Q, A> call, Metadata headers,
                                                       ServerCallHandler<Q, A> next) {
        return delegate().interceptCall(call, headers,
                (admitted, admittedHeaders) -> streamLimits.interceptCall(admitted, admittedHeaders, next));
    }

    private ServerInterceptor delegate() {
        ServerInterceptor current = delegate;
        if (current == null) {
            synchronized (this) {
                if (delegate == null) {
                    delegate = create();
                }
                current = delegate;
            }
        }
        return current;
    }

    private static <Q, A> ServerCall.Listener<Q> letThrough(ServerCall<Q, A> call, Metadata headers,
                                                              ServerCallHandler<Q, A> next) {
        return next.startCall(call, headers);
    }

    private ServerInterceptor create() {
        if (!enabled) {
            LOG.warn("AUTHENTICATION IS OFF (newsroom.auth.enabled=false / NEWSROOM_AUTH_ENABLED=false):"
                    + " anyone who reaches this port may call every gRPC method. Never run like this outside a"
                    + " private test machine.");
            return GrpcAccessControl::letThrough;
        }
        if (keysFile.isEmpty()) {
            throw new IllegalStateException("no key file: set newsroom.auth.keys-file (NEWSROOM_AUTH_KEYS_FILE) to"
                    + " the file of accepted API keys (`newsroom up` writes one; see docs/security.md)");
        }
        KeyFile file = new KeyFile(Path.of(keysFile.get()));
        LOG.infof("gRPC callers need an API key from %s (%d keys)", file.path(), file.current().size());
        return new CallerAuthenticator(file::current);
    }
}
