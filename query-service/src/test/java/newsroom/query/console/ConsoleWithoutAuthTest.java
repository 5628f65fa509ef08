package newsroom.query.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.grpc.ManagedChannel;
import io.grpc.ManagedChannelBuilder;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import newsroom.query.TestStore;
import newsroom.query.v1.ConsoleServiceGrpc;
import newsroom.query.v1.CreateSignInLinkRequest;
import org.junit.jupiter.api.Test;

/** With authentication off (a private test machine) the console opens without signing in. */
@QuarkusTest
@TestProfile(ConsoleWithoutAuthTest.AuthOff.class)
class ConsoleWithoutAuthTest {

    public static class AuthOff implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("newsroom.auth.enabled", "false");
        }
    }

    @TestHTTPResource("/")
    URI server;

    @Inject
    TestStore store;

    @Test
    void pagesOpenWithoutASessionAndSignInLeadsToThem() throws InterruptedException {
        TestStore.Fixture fixture = store.fixture();
        Browser browser = new Browser(server);
        HttpResponse<String> page = browser.get("/entities/" + fixture.lavrov());
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("<h1 id=\"entity-name\">Sergey Lavrov</h1>"), page.body());
        assertFalse(page.body().contains("sign-out"), "nothing to sign out of");
        assertTrue(Browser.setCookie(page, "newsroom_session").isEmpty());
        assertEquals(303, browser.get("/sign-in").statusCode());

        ManagedChannel channel = ManagedChannelBuilder.forAddress(server.getHost(), server.getPort()).usePlaintext()
                .build();
        try {
            String link = ConsoleServiceGrpc.newBlockingStub(channel)
                    .createSignInLink(CreateSignInLinkRequest.getDefaultInstance()).getPath();
            HttpResponse<String> opened = new Browser(server).get(link);
            assertEquals(303, opened.statusCode());
            assertEquals("/search", opened.headers().firstValue("Location").map(URI::create).orElseThrow().getPath());
        } finally {
            channel.shutdownNow().awaitTermination(5, TimeUnit.SECONDS);
        }
    }
}
