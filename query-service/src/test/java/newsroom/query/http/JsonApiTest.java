package newsroom.query.http;

import io.quarkus.test.common.http.TestHTTPResource;
import jakarta.inject.Inject;
import java.net.URI;
import newsroom.query.TestStore;
import newsroom.testkeys.TestKeysResource;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the tests of one path of the JSON API: before each test the store holds the
 * fixture, and {@link #api} calls the service as a client with the reader role.
 */
abstract class JsonApiTest {

    @TestHTTPResource("/")
    URI server;

    @ConfigProperty(name = TestKeysResource.READER_KEY)
    String readerKey;

    @Inject
    TestStore store;

    TestStore.Fixture fixture;
    ApiClient api;

    @BeforeEach
    void writeStore() {
        fixture = store.fixture();
        api = new ApiClient(server, readerKey);
    }
}
