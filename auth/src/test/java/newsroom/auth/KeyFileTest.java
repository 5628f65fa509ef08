package newsroom.auth;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFileTest {

    @TempDir
    Path directory;

    @Test
    void anIssuedOrRevokedKeyCountsFromTheNextCall() throws Exception {
        String first = ApiKey.generate();
        String second = ApiKey.generate();
        Path path = directory.resolve("keys");
        write(path, 1, KeyRegistry.entry(first, Set.of(Role.READER), "first"));
        KeyFile file = new KeyFile(path);
        assertTrue(file.current().callerOf(first).isPresent());
        assertTrue(file.current().callerOf(second).isEmpty());

        write(path, 2, KeyRegistry.entry(second, Set.of(Role.READER), "second"));

        assertTrue(file.current().callerOf(first).isEmpty(), "revoked");
        assertTrue(file.current().callerOf(second).isPresent(), "issued");
    }

    @Test
    void aFileBrokenWhileRunningKeepsTheLastGoodKeys() throws Exception {
        String key = ApiKey.generate();
        Path path = directory.resolve("keys");
        write(path, 1, KeyRegistry.entry(key, Set.of(Role.WRITER), "writer"));
        KeyFile file = new KeyFile(path);

        write(path, 2, "not a key line");

        assertTrue(file.current().callerOf(key).isPresent());
    }

    @Test
    void aMissingFileStopsTheStart() {
        assertThrows(RuntimeException.class, () -> new KeyFile(directory.resolve("absent")));
    }

    /** Writes the file with a distinct modification time, as a later edit would have. */
    private static void write(Path path, int second, String line) throws Exception {
        Files.write(path, List.of(line));
        Files.setLastModifiedTime(path, FileTime.from(Instant.ofEpochSecond(1_700_000_000L + second)));
    }
}
