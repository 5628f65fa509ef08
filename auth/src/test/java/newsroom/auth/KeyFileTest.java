package newsroom.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyFileTest {

    /** Every write keeps this modification time, as {@code cp -p} or a same-second edit would. */
    private static final FileTime SAME_TIME = FileTime.from(Instant.ofEpochSecond(1_700_000_000L));

    @TempDir
    Path directory;

    private final List<String> problems = new ArrayList<>();
    /** The clock the key file reads; {@link #write} moves it past the check interval, as a later call would be. */
    private final AtomicLong clock = new AtomicLong();

    @Test
    void anIssuedOrRevokedKeyCountsFromTheNextCall() throws Exception {
        String first = ApiKey.generate();
        String second = ApiKey.generate();
        Path path = directory.resolve("keys");
        write(path, KeyRegistry.entry(first, Set.of(Role.READER), "first"));
        KeyFile file = new KeyFile(path, problems::add, clock::get);
        assertTrue(file.current().callerOf(first).isPresent());
        assertTrue(file.current().callerOf(second).isEmpty());

        write(path, KeyRegistry.entry(second, Set.of(Role.READER), "second"));

        assertTrue(file.current().callerOf(first).isEmpty(), "revoked although the modification time is unchanged");
        assertTrue(file.current().callerOf(second).isPresent(), "issued although the modification time is unchanged");
        assertEquals(List.of(), problems);
    }

    @Test
    void aFileBrokenWhileRunningRejectsEveryKeyAndSaysWhereOnce() throws Exception {
        String key = ApiKey.generate();
        Path path = directory.resolve("keys");
        write(path, KeyRegistry.entry(key, Set.of(Role.WRITER), "writer"));
        KeyFile file = new KeyFile(path, problems::add, clock::get);

        write(path, KeyRegistry.entry(key, Set.of(Role.WRITER), "writer") + "\nnot a key line");

        assertTrue(file.current().callerOf(key).isEmpty(), "the good line of a broken file is rejected too");
        assertTrue(file.current().callerOf(key).isEmpty());
        assertEquals(1, problems.size(), "reported once per broken version, not on every call: " + problems);
        assertTrue(problems.get(0).contains(path + " line 2: expected"), problems.get(0));

        write(path, KeyRegistry.entry(key, Set.of(Role.WRITER), "writer"));

        assertTrue(file.current().callerOf(key).isPresent(), "accepted again once fixed");
    }

    @Test
    void aFileUnreadableWhileRunningRejectsEveryKey() throws Exception {
        String key = ApiKey.generate();
        Path path = directory.resolve("keys");
        write(path, KeyRegistry.entry(key, Set.of(Role.WRITER), "writer"));
        KeyFile file = new KeyFile(path, problems::add, clock::get);

        Files.delete(path);
        clock.addAndGet(KeyFile.CHECK_INTERVAL_NANOS);

        assertTrue(file.current().callerOf(key).isEmpty());
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).contains("cannot read the key file " + path), problems.get(0));

        write(path, KeyRegistry.entry(key, Set.of(Role.WRITER), "writer"));

        assertTrue(file.current().callerOf(key).isPresent(), "accepted again once readable");
    }

    @Test
    void aMissingOrMalformedFileStopsTheStart() throws Exception {
        assertThrows(RuntimeException.class, () -> new KeyFile(directory.resolve("absent"), problems::add, clock::get));
        Path path = directory.resolve("keys");
        write(path, "not a key line");
        IllegalArgumentException malformed = assertThrows(IllegalArgumentException.class,
                () -> new KeyFile(path, problems::add, clock::get));
        assertTrue(malformed.getMessage().startsWith(path + " line 1: expected"), malformed.getMessage());
    }

    private void write(Path path, String content) throws Exception {
        Files.writeString(path, content + "\n");
        Files.setLastModifiedTime(path, SAME_TIME);
        clock.addAndGet(KeyFile.CHECK_INTERVAL_NANOS);
    }

    @Test
    void aChangeCountsFromTheFirstCheckAfterTheInterval() throws Exception {
        String key = ApiKey.generate();
        Path path = directory.resolve("keys");
        write(path, KeyRegistry.entry(key, Set.of(Role.READER), "reader"));
        KeyFile file = new KeyFile(path, problems::add, clock::get);

        Files.writeString(path, "# every key revoked\n");
        clock.addAndGet(KeyFile.CHECK_INTERVAL_NANOS - 1);
        assertTrue(file.current().callerOf(key).isPresent(), "within the interval the last check holds");
        clock.addAndGet(1);
        assertTrue(file.current().callerOf(key).isEmpty());
    }
}
