package newsroom.auth;

import io.grpc.Metadata;
import io.grpc.ServerCall;
import io.grpc.ServerCallHandler;
import io.grpc.ServerInterceptor;
import io.grpc.StatusException;
import io.quarkus.grpc.GlobalInterceptor;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.nio.file.Path;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Every service's gRPC access control: a {@link CallerAuthenticator} over the key file
 * {@code newsroom.auth.keys-file}, then the per-client {@link StreamLimits}
 * ({@code newsroom.limits.max-open-streams}, {@code newsroom.limits.stream-messages-per-second}). Services pick this bean up through
 * {@code quarkus.index-dependency.auth}. Authentication is on unless the one switch
 * ({@link AuthSwitch}) turns it off, which logs a warning at every start; a setting that
 * resembles it stops the start.
 */
@ApplicationScoped
@GlobalInterceptor
@Priority(GrpcAccessControl.PRIORITY)
public class GrpcAccessControl implements ServerInterceptor {

    /** Runs before the other interceptors (higher runs first), so they see the caller. */
    public static final int PRIORITY = 1000;

    private static final Logger LOG = Logger.getLogger(GrpcAccessControl.class);

    private final Config config;
    private final Optional<String> keysFile;
    private final StreamLimits streamLimits;
    private volatile ServerInterceptor delegate;
    /** The key file and its authenticator, set with the delegate; null when authentication is off. */
    private KeyFile keyFile;
    private CallerAuthenticator authenticator;

    /** @param config every setting the service sees, so that a misspelt auth setting is found */
    public GrpcAccessControl(Config config,
                             @ConfigProperty(name = AuthSwitch.KEYS_FILE_PROPERTY) Optional<String> keysFile,
                             @ConfigProperty(name = "newsroom.limits.max-open-streams", defaultValue = "8")
                             int maxOpenStreams,
                             @ConfigProperty(name = "newsroom.limits.stream-messages-per-second", defaultValue = "5000")
                             int streamMessagesPerSecond) {
        this.config = config;
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

    /**
     * The caller of an HTTP request to a gRPC method (query-service's JSON API and console), by
     * the same rules as a gRPC call: empty when authentication is off.
     *
     * @param authorization the request's Authorization header, null when it has none
     * @throws StatusException UNAUTHENTICATED or PERMISSION_DENIED, as for a gRPC call
     */
    public Optional<Caller> admit(String authorization, String fullMethodName) throws StatusException {
        delegate();
        return keyFile == null ? Optional.empty() : Optional.of(authenticator.admit(authorization, fullMethodName));
    }

    /**
     * The caller whose key has this hash, if the key is still listed (a console session holds the
     * hash); empty when authentication is off or the key was revoked.
     */
    public Optional<Caller> callerOfKeyHash(String keyHash) {
        delegate();
        return keyFile == null ? Optional.empty() : keyFile.current().callerOfHash(keyHash);
    }

    /** Whether callers are authenticated (unless the one switch turned it off). */
    public boolean authenticates() {
        delegate();
        return keyFile != null;
    }

    private static <Q, A> ServerCall.Listener<Q> letThrough(ServerCall<Q, A> call, Metadata headers,
                                                              ServerCallHandler<Q, A> next) {
        return next.startCall(call, headers);
    }

    private ServerInterceptor create() {
        if (!AuthSwitch.isOn(config.getPropertyNames(), config.getOptionalValue(AuthSwitch.PROPERTY, String.class))) {
            LOG.warn(AuthSwitch.offWarning());
            return GrpcAccessControl::letThrough;
        }
        if (keysFile.isEmpty()) {
            throw new IllegalStateException("no key file: set " + AuthSwitch.KEYS_FILE_PROPERTY + " ("
                    + AuthSwitch.KEYS_FILE_VARIABLE + ") to the file of accepted API keys (`newsroom up` writes one;"
                    + " see docs/security.md)");
        }
        KeyFile file = new KeyFile(Path.of(keysFile.get()), LOG::error);
        LOG.infof("gRPC callers need an API key from %s (%d keys)", file.path(), file.current().size());
        keyFile = file;
        authenticator = new CallerAuthenticator(file::current);
        return authenticator;
    }
}
