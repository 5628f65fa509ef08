package newsroom.testkeys;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URI;
import java.util.concurrent.TimeUnit;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the {@code @QuarkusTest}s that choose the key each call carries, or none: calls go
 * over {@link #channel}, a plain channel of the test's own, so no {@link TestClientKey} adds
 * a key behind the test's back. This run's keys with one role each are at hand.
 */
public abstract class ChosenKeyTest {

    @TestHTTPResource("/")
    URI server;

    @ConfigProperty(name = TestKeysResource.WRITER_KEY)
    protected String writerKey;

    @ConfigProperty(name = TestKeysResource.READER_KEY)
    protected String readerKey;

    @ConfigProperty(name = TestKeysResource.ANALYZER_KEY)
    protected String analyzerKey;

    /** A plaintext channel to the service under test, open for each test. */
    protected ManagedChannel channel;

    @BeforeEach
    void openChannel() {
        channel = ManagedChannelBuilder.forAddress(server.getHost(), server.getPort()).usePlaintext().build();
    }

    @AfterEach
    void closeChannel() throws InterruptedException {
        channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
    }
}
