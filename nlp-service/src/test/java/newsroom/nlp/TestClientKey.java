package newsroom.nlp;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;
import io.quarkus.grpc.GlobalInterceptor;
import io.quarkus.test.common.QuarkusTestResource;
import jakarta.enterprise.context.ApplicationScoped;
import newsroom.auth.BearerKey;
import newsroom.auth.TestKeysResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The tests' @GrpcClient stubs call as a client holding every role would, with the key
 * of this run from {@link newsroom.auth.TestKeysResource}; auth stays on as in production.
 */
@ApplicationScoped
@GlobalInterceptor
@QuarkusTestResource(value = TestKeysResource.class, restrictToAnnotatedClass = false)
public class TestClientKey implements ClientInterceptor {

    @ConfigProperty(name = "newsroom.test.key.all")
    String key;

    @Override
    public <Q, A> ClientCall<Q, A> interceptCall(MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
        return new BearerKey(key).interceptCall(method, options, next);
    }
}
