package newsroom.query;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;

/**
 * For every {@code @QuarkusTest} of the query service: a page-token key file of this run
 * ({@code newsroom.query.page-token-key-file}), as `newsroom up` or a Kubernetes Secret
 * gives one in production.
 */
@QuarkusTestResource(value = TestPageTokenKey.class, restrictToAnnotatedClass = false)
public class TestPageTokenKey implements QuarkusTestResourceLifecycleManager {

    private Path file;

    @Override
    public Map<String, String> start() {
        try {
            file = Files.createTempFile("newsroom-test-page-token", ".key");
            Files.writeString(file, UUID.randomUUID() + "-" + UUID.randomUUID() + "\n");
            return Map.of("newsroom.query.page-token-key-file", file.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        try {
            if (file != null) {
                Files.deleteIfExists(file);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
