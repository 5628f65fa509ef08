package newsroom.cli.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.Set;
import newsroom.auth.KeyRegistry;
import newsroom.auth.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalCredentialsTest {

    @TempDir
    Path state;

    @Test
    void generatedOnceAndKeptAcrossStarts() throws Exception {
        LocalCredentials first = LocalCredentials.ensure(state.resolve("credentials"));
        String clientKey = first.clientKey();
        LocalCredentials again = LocalCredentials.ensure(state.resolve("credentials"));

        assertEquals(clientKey, again.clientKey());
        KeyRegistry registry = registry(again);
        assertEquals(EnumSet.allOf(Role.class), registry.callerOf(clientKey).orElseThrow().roles());
        String ingestKey = Files.readString(again.ingestKeyFile()).strip();
        assertEquals(Set.of(Role.ANALYZER), registry.callerOf(ingestKey).orElseThrow().roles());
        assertNotEquals(clientKey, ingestKey);
        assertFalse(Files.readString(again.keysFile()).contains(clientKey), "the key file holds hashes only");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(again.clientKeyFile())));
        assertEquals("rwx------", PosixFilePermissions.toString(Files.getPosixFilePermissions(again.directory())));
    }

    @Test
    void anIssuedKeyIsAcceptedWithItsRoleOnly() throws Exception {
        LocalCredentials credentials = LocalCredentials.ensure(state.resolve("credentials"));

        LocalCredentials.IssuedKey issued = credentials.issue(Set.of(Role.READER), "dashboard");

        var caller = registry(credentials).callerOf(issued.key()).orElseThrow();
        assertEquals("dashboard", caller.name());
        assertEquals(Set.of(Role.READER), caller.roles());
        assertTrue(Files.readAllLines(credentials.keysFile()).contains(issued.entry()));
        assertTrue(registry(credentials).callerOf(credentials.clientKey()).isPresent(), "earlier keys stay valid");
    }

    @Test
    void aPageTokenKeyIsGeneratedOnceOwnerOnlyAndGivenToTheServices() throws Exception {
        LocalCredentials first = LocalCredentials.ensure(state.resolve("credentials"));
        String key = Files.readString(first.pageTokenKeyFile()).strip();

        assertTrue(key.length() >= 43, "256 bits as base64: " + key);
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(first.pageTokenKeyFile())));
        assertEquals(key, Files.readString(LocalCredentials.ensure(state.resolve("credentials")).pageTokenKeyFile())
                .strip(), "kept across starts, so tokens stay valid across a restart");
        assertEquals(first.pageTokenKeyFile().toString(),
                first.serviceEnvironment().get("NEWSROOM_QUERY_PAGE_TOKEN_KEY_FILE"));
    }

    @Test
    void aDirectoryFromBeforeThePageTokenKeyGetsOne() throws Exception {
        LocalCredentials first = LocalCredentials.ensure(state.resolve("credentials"));
        String clientKey = first.clientKey();
        Files.delete(first.pageTokenKeyFile());

        LocalCredentials again = LocalCredentials.ensure(state.resolve("credentials"));

        assertTrue(Files.isRegularFile(again.pageTokenKeyFile()));
        assertEquals(clientKey, again.clientKey(), "the other keys are kept");
    }

    private static KeyRegistry registry(LocalCredentials credentials) throws Exception {
        return KeyRegistry.parse(Files.readAllLines(credentials.keysFile()), credentials.keysFile().toString());
    }
}
