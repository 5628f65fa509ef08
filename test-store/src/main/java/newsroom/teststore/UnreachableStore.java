package newsroom.teststore;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import newsroom.testkeys.TestKeysResource;

/**
 * A test profile with the store unreachable: the datasource points at a port where nothing
 * listens, and a call waits briefly for a connection. There is no database, but the API keys
 * stay: auth is on here as everywhere. A service adds what it must switch off without a
 * store by overriding {@link #serviceOverrides()}.
 */
public class UnreachableStore implements QuarkusTestProfile {

    @Override
    public final Map<String, String> getConfigOverrides() {
        Map<String, String> overrides = new HashMap<>(serviceOverrides());
        overrides.put("quarkus.datasource.jdbc.url", "jdbc:postgresql://localhost:" + closedPort() + "/newsroom");
        overrides.put("quarkus.datasource.jdbc.acquisition-timeout", "2S");
        overrides.put("quarkus.flyway.migrate-at-start", "false");
        return overrides;
    }

    /** The service's own settings for a run without a store. */
    protected Map<String, String> serviceOverrides() {
        return Map.of();
    }

    @Override
    public boolean disableGlobalTestResources() {
        return true;
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(TestKeysResource.class));
    }

    private static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
