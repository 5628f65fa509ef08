package newsroom.query.http;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.Status;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import java.net.http.HttpResponse;
import newsroom.query.RoleKeys;
import newsroom.query.v1.SearchEntitiesResponse;
import org.junit.jupiter.api.Test;

/**
 * Who may call the JSON API: a key with the reader role, in the Authorization header, as for
 * gRPC; no key, an unknown key or a bad header is 401 with WWW-Authenticate, a key without the
 * role 403. Also what the API leaves alone: other methods than GET, paths outside /api/, CORS.
 */
@QuarkusTest
class ApiAccessTest {

    private static final String QUERY = "/api/v1/entities?q=Lavrov";

    @TestHTTPResource("/")
    URI server;

    @Test
    void aReaderMayQuery() {
        new ApiClient(server, RoleKeys.reader()).getJson(QUERY, SearchEntitiesResponse.getDefaultInstance());
    }

    @Test
    void noKeyIs401WithAChallenge() {
        ApiClient anonymous = new ApiClient(server, null);
        anonymous.getError(QUERY, 401, Status.Code.UNAUTHENTICATED, "no credential");
        assertEquals("Bearer", anonymous.get(QUERY).headers().firstValue("WWW-Authenticate").orElse(""));
        // Without a console (no SessionCallers bean) a session cookie admits nobody.
        HttpResponse<String> cookie = anonymous.get(QUERY, "Cookie", SessionCallers.COOKIE + "=made-up");
        assertEquals(401, cookie.statusCode(), cookie.body());
    }

    @Test
    void anUnknownKeyOrABadHeaderIs401() {
        new ApiClient(server, RoleKeys.reader() + "x").getError(QUERY, 401, Status.Code.UNAUTHENTICATED, "unknown API key");
        HttpResponse<String> basic = new ApiClient(server, null).get(QUERY, "Authorization", "Basic " + RoleKeys.reader());
        assertEquals(401, basic.statusCode(), basic.body());
        assertTrue(basic.body().contains("malformed authorization"), basic.body());
    }

    @Test
    void aKeyWithoutTheReaderRoleIs403() {
        new ApiClient(server, RoleKeys.writer()).getError(QUERY, 403, Status.Code.PERMISSION_DENIED,
                "the API key \"test-writer\" lacks the reader role");
    }

    @Test
    void theApiOnlyReads() throws Exception {
        java.net.http.HttpRequest post = java.net.http.HttpRequest.newBuilder(server.resolve(QUERY))
                .header("Authorization", "Bearer " + RoleKeys.reader())
                .POST(java.net.http.HttpRequest.BodyPublishers.ofString("{}")).build();
        HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(post,
                HttpResponse.BodyHandlers.ofString());
        assertEquals(405, response.statusCode(), response.body());
        assertEquals("GET", response.headers().firstValue("Allow").orElse(""));
    }

    @Test
    void noCorsUnlessConfigured() {
        HttpResponse<String> response = new ApiClient(server, RoleKeys.reader()).get(QUERY, "Origin", "https://evil.example");
        assertEquals(200, response.statusCode());
        assertFalse(response.headers().firstValue("Access-Control-Allow-Origin").isPresent(), response.headers().toString());
    }

    @Test
    void theOpenApiDocumentListsEveryPathFromTheRules() {
        HttpResponse<String> response = new ApiClient(server, null).get("/q/openapi?format=json");
        assertEquals(200, response.statusCode(), response.body());
        String document = response.body();
        for (String path : new String[] {"/api/v1/articles", "/api/v1/articles/{article_id}", "/api/v1/entities",
                "/api/v1/entities/{entity_id}", "/api/v1/entities/{entity_id}/timeline",
                "/api/v1/entities/{entity_id}/comentions", "/api/v1/quotes", "/api/v1/events", "/api/v1/stories",
                "/api/v1/stories/{story_id}"}) {
            assertTrue(document.contains("\"" + path + "\""), path + " in " + document);
        }
        assertTrue(document.contains("\"newsroom.query.v1.GetEntityTimelineResponse\""), document);
        assertTrue(document.contains("\"google.rpc.Status\""), document);
        assertTrue(document.contains("\"name\" : \"by\"") || document.contains("\"name\": \"by\""), document);
    }
}
