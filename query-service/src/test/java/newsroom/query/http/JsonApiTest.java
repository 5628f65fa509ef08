package newsroom.query.http;

import io.quarkus.test.common.http.TestHTTPResource;
import java.net.URI;
import newsroom.query.RoleKeys;
import newsroom.query.StoreFixtureTest;
import org.junit.jupiter.api.BeforeEach;

/**
 * Base of the tests of one path of the JSON API: before each test the store holds the
 * fixture, and {@link #api} calls the service as a client with the reader role.
 */
abstract class JsonApiTest extends StoreFixtureTest {

    @TestHTTPResource("/")
    URI server;

    ApiClient api;

    @BeforeEach
    void connect() {
        api = new ApiClient(server, RoleKeys.reader());
    }
}
