package newsroom.testkeys;

import io.grpc.CallOptions;
import io.grpc.Channel;
import io.grpc.ClientCall;
import io.grpc.ClientInterceptor;
import io.grpc.MethodDescriptor;
import io.quarkus.grpc.GlobalInterceptor;
import jakarta.enterprise.context.ApplicationScoped;
import newsroom.auth.BearerKey;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The tests' @GrpcClient stubs call as a client holding every role would, with the key
 * of this run from {@link TestKeysResource}; auth stays on as in production. A service's
 * tests get it by depending on this module (test scope): the bean is in this jar's index.
 */
@ApplicationScoped
@GlobalInterceptor
public class TestClientKey implements ClientInterceptor {

    @ConfigProperty(name = TestKeysResource.ALL_ROLES_KEY)
    String key;

    @Override
    public <Q, A> ClientCall<Q, A> interceptCall(MethodDescriptor<Q, A> method, CallOptions options, Channel next) {
        return new BearerKey(key).interceptCall(method, options, next);
    }
}
