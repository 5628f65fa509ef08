package newsroom.cli.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import newsroom.auth.ApiKey;
import newsroom.auth.KeyRegistry;
import newsroom.auth.Role;
import newsroom.cli.run.Service;
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
        assertEquals(Set.of(Role.WRITER, Role.READER), registry.callerOf(clientKey).orElseThrow().roles(),
                "the CLI's key has the roles of its ingest and query commands, not analyzer");
        String analyzeKey = again.cliKey(Service.NLP);
        assertEquals(Set.of(Role.ANALYZER), registry.callerOf(analyzeKey).orElseThrow().roles());
        assertEquals(clientKey, again.cliKey(Service.INGEST));
        assertEquals(clientKey, again.cliKey(Service.QUERY));
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

    /** A state directory of an older version: the CLI's key had every role, and there was no analyze key. */
    @Test
    void anOlderClientKeyWithEveryRoleIsCutDownAtTheNextStart() throws Exception {
        Path directory = state.resolve("credentials");
        Files.createDirectories(directory);
        String client = ApiKey.generate();
        String ingest = ApiKey.generate();
        String dashboard = ApiKey.generate();
        Files.writeString(directory.resolve("client.key"), client + "\n");
        Files.writeString(directory.resolve("ingest-service.key"), ingest + "\n");
        Files.write(directory.resolve("keys"), List.of("# API keys",
                KeyRegistry.entry(client, EnumSet.allOf(Role.class), LocalCredentials.CLIENT_KEY_NAME),
                KeyRegistry.entry(ingest, Set.of(Role.ANALYZER), "ingest-service"),
                KeyRegistry.entry(dashboard, Set.of(Role.READER), "dashboard")));

        LocalCredentials credentials = LocalCredentials.ensure(directory);

        KeyRegistry registry = registry(credentials);
        assertEquals(client, credentials.clientKey(), "the same key, so NEWSROOM_API_KEY copies keep working");
        assertEquals(Set.of(Role.WRITER, Role.READER), registry.callerOf(client).orElseThrow().roles());
        assertEquals(Set.of(Role.ANALYZER), registry.callerOf(credentials.cliKey(Service.NLP)).orElseThrow().roles());
        assertEquals(Set.of(Role.ANALYZER), registry.callerOf(ingest).orElseThrow().roles());
        assertEquals(Set.of(Role.READER), registry.callerOf(dashboard).orElseThrow().roles(), "other keys untouched");
        assertEquals("# API keys", Files.readAllLines(credentials.keysFile()).get(0));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(credentials.keysFile())));
        String upgraded = Files.readString(credentials.keysFile());
        LocalCredentials.ensure(directory);
        assertEquals(upgraded, Files.readString(credentials.keysFile()), "upgraded once");
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
