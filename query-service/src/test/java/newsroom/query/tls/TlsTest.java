package newsroom.query.tls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import grpc.health.v1.HealthGrpc;
import grpc.health.v1.HealthOuterClass.HealthCheckRequest;
import grpc.health.v1.HealthOuterClass.HealthCheckResponse;
import io.grpc.ChannelCredentials;
import io.grpc.Grpc;
import io.grpc.InsecureChannelCredentials;
import io.grpc.ManagedChannel;
import io.grpc.Status;
import io.grpc.StatusRuntimeException;
import io.grpc.TlsChannelCredentials;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

/**
 * query-service with a certificate from the local certificate authority ({@link WithTls}), as
 * {@code newsroom up --tls} runs it: its one port speaks TLS only.
 */
@QuarkusTest
@TestProfile(WithTls.class)
class TlsTest {

    private static String target() {
        return "localhost:" + ConfigProvider.getConfig().getValue("quarkus.http.test-ssl-port", Integer.class);
    }

    private static HealthCheckResponse.ServingStatus check(ChannelCredentials credentials) {
        return call(credentials, channel -> HealthGrpc.newBlockingStub(channel)
                .withDeadlineAfter(20, TimeUnit.SECONDS)
                .check(HealthCheckRequest.getDefaultInstance()).getStatus());
    }

    private static <T> T call(ChannelCredentials credentials, Function<ManagedChannel, T> body) {
        ManagedChannel channel = Grpc.newChannelBuilder(target(), credentials).build();
        try {
            return body.apply(channel);
        } finally {
            channel.shutdownNow();
        }
    }

    @Test
    void aClientTrustingTheLocalCaIsServed() throws IOException {
        ChannelCredentials trustingCa = TlsChannelCredentials.newBuilder()
                .trustManager(WithTls.FILES.ca().toFile()).build();

        assertEquals(HealthCheckResponse.ServingStatus.SERVING, check(trustingCa));
    }

    @Test
    void aPlaintextClientIsRefused() {
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
                () -> check(InsecureChannelCredentials.create()));

        assertEquals(Status.Code.UNAVAILABLE, refused.getStatus().getCode(), refused.getMessage());
    }

    @Test
    void aClientThatDoesNotTrustTheCaIsRefused() {
        // The JDK's default trust store: the local CA is in no public list.
        StatusRuntimeException refused = assertThrows(StatusRuntimeException.class,
                () -> check(TlsChannelCredentials.create()));

        assertEquals(Status.Code.UNAVAILABLE, refused.getStatus().getCode(), refused.getMessage());
    }
}
