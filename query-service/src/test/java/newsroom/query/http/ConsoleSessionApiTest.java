package newsroom.query.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Set;
import newsroom.query.RoleKeys;
import org.junit.jupiter.api.Test;

/**
 * A request without an Authorization header may carry the console's session cookie instead,
 * resolved by the console's {@link SessionCallers} (here {@link TestSessionCallers}); the header,
 * when sent, is what counts.
 */
@QuarkusTest
@TestProfile(ConsoleSessionApiTest.WithSessions.class)
class ConsoleSessionApiTest {

    private static final String QUERY = "/api/v1/entities?q=Lavrov";

    public static class WithSessions implements QuarkusTestProfile {
        @Override
        public Set<Class<?>> getEnabledAlternatives() {
            return Set.of(TestSessionCallers.class);
        }
    }

    @TestHTTPResource("/")
    URI server;

    @Test
    void aReadersSessionMayQuery() {
        HttpResponse<String> response = new ApiClient(server, null).get(QUERY,
                "Cookie", SessionCallers.COOKIE + "=" + TestSessionCallers.READER_SESSION);
        assertEquals(200, response.statusCode(), response.body());
    }

    @Test
    void anUnknownSessionIs401AndAWritersIs403() {
        HttpResponse<String> unknown = new ApiClient(server, null).get(QUERY, "Cookie", SessionCallers.COOKIE + "=expired");
        assertEquals(401, unknown.statusCode(), unknown.body());
        assertTrue(unknown.body().contains("the console session is unknown or has expired"), unknown.body());
        assertEquals("Bearer", unknown.headers().firstValue("WWW-Authenticate").orElse(""));
        HttpResponse<String> writer = new ApiClient(server, null).get(QUERY,
                "Cookie", SessionCallers.COOKIE + "=" + TestSessionCallers.WRITER_SESSION);
        assertEquals(403, writer.statusCode(), writer.body());
    }

    @Test
    void theAuthorizationHeaderWinsOverTheCookie() {
        HttpResponse<String> response = new ApiClient(server, RoleKeys.writer()).get(QUERY,
                "Cookie", SessionCallers.COOKIE + "=" + TestSessionCallers.READER_SESSION);
        assertEquals(403, response.statusCode(), response.body());
    }
}
