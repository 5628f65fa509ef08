package newsroom.ingest.analysis;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;
import jakarta.enterprise.context.ApplicationScoped;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import newsroom.auth.BearerKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * The API key (role analyzer) ingest-service sends to nlp-service, read once from
 * {@code newsroom.nlp.key-file}: nlp-service answers no one else.
 */
@ApplicationScoped
public class NlpClientKey implements ClientInterceptor {

    private static final Logger LOG = Logger.getLogger(NlpClientKey.class);

    private final ClientInterceptor delegate;

    public NlpClientKey(@ConfigProperty(name = "newsroom.nlp.key-file") Optional<String> keyFile) {
        Optional<String> path = keyFile.filter(value -> !value.isBlank());
        if (path.isEmpty()) {
            LOG.warn("newsroom.nlp.key-file (NEWSROOM_NLP_KEY_FILE) is not set: calls to nlp-service carry no"
                    + " API key, and an nlp-service with authentication on refuses them");
            this.delegate = null;
            return;
        }
        try {
            this.delegate = new BearerKey(Files.readString(Path.of(path.get())).strip());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read nlp-service's API key from " + path.get()
                    + " (newsroom.nlp.key-file): " + e, e);
        }
    }

    @Override
    public <Q, A> ClientCall<Q, A> interceptCall(MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
        return delegate == null ? next.newCall(method, options) : delegate.interceptCall(method, options, next);
    }
}
