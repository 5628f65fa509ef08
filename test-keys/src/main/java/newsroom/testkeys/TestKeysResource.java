package newsroom.testkeys;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import newsroom.auth.ApiKey;
import newsroom.auth.KeyRegistry;
import newsroom.auth.Role;

/**
 * For {@code @QuarkusTest}s: fresh random keys for this test run, a key file admitting
 * them ({@code newsroom.auth.keys-file}), and the keys themselves as test-only
 * properties, so tests call the service as a real client would, with auth on:
 * <ul>
 *   <li>{@code newsroom.test.key.all}: writer, reader and analyzer</li>
 *   <li>{@code newsroom.test.key.writer}, {@code .reader}, {@code .analyzer}: that role only</li>
 * </ul>
 * It also writes the analyzer key to a file named by {@code newsroom.nlp.key-file}, the
 * key ingest-service sends to nlp-service.
 *
 * <p>Every {@code @QuarkusTest} of a module that depends on this one gets it: it is registered
 * in {@code META-INF/services/io.quarkus.test.common.QuarkusTestResourceLifecycleManager}.
 */
public class TestKeysResource implements QuarkusTestResourceLifecycleManager {

    /** The property holding this run's key with every role, which {@link TestClientKey} sends. */
    public static final String ALL_ROLES_KEY = "newsroom.test.key.all";
    /** The property holding this run's key with the writer role only. */
    public static final String WRITER_KEY = "newsroom.test.key.writer";
    /** The property holding this run's key with the reader role only. */
    public static final String READER_KEY = "newsroom.test.key.reader";
    /** The property holding this run's key with the analyzer role only. */
    public static final String ANALYZER_KEY = "newsroom.test.key.analyzer";

    private Path directory;

    @Override
    public Map<String, String> start() {
        try {
            directory = Files.createTempDirectory("newsroom-test-keys");
            String all = ApiKey.generate();
            String writer = ApiKey.generate();
            String reader = ApiKey.generate();
            String analyzer = ApiKey.generate();
            Path keys = directory.resolve("keys");
            Files.write(keys, List.of(
                    KeyRegistry.entry(all, EnumSet.allOf(Role.class), "test-all"),
                    KeyRegistry.entry(writer, Set.of(Role.WRITER), "test-writer"),
                    KeyRegistry.entry(reader, Set.of(Role.READER), "test-reader"),
                    KeyRegistry.entry(analyzer, Set.of(Role.ANALYZER), "test-analyzer")));
            Path analyzerKey = directory.resolve("analyzer.key");
            Files.writeString(analyzerKey, analyzer + "\n");
            return Map.of(
                    "newsroom.auth.keys-file", keys.toString(),
                    "newsroom.nlp.key-file", analyzerKey.toString(),
                    ALL_ROLES_KEY, all,
                    WRITER_KEY, writer,
                    READER_KEY, reader,
                    ANALYZER_KEY, analyzer);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        try {
            if (directory != null) {
                for (String name : List.of("keys", "analyzer.key")) {
                    Files.deleteIfExists(directory.resolve(name));
                }
                Files.deleteIfExists(directory);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
