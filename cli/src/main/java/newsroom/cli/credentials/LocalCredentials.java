package newsroom.cli.credentials;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import newsroom.auth.ApiKey;
import newsroom.auth.KeyRegistry;
import newsroom.auth.Role;

/**
 * The API keys of a suite run on this machine, in one directory
 * ({@code $NEWSROOM_STATE_DIR/credentials}), readable by its owner only:
 * <ul>
 *   <li>{@code keys}: the key file every service checks callers against (hashes only)</li>
 *   <li>{@code client.key}: the key the CLI sends, with every role</li>
 *   <li>{@code ingest-service.key}: the key ingest-service sends to nlp-service (analyzer)</li>
 *   <li>{@code query-page-token.key}: the key query-service signs page tokens with, so a
 *       client cannot write its own (issue 19)</li>
 * </ul>
 * Created on first use and kept, so keys issued later stay valid across restarts; a file
 * added since (the page-token key) is created when a directory lacks it.
 */
public final class LocalCredentials {

    public static final String CLIENT_KEY_NAME = "newsroom-cli";
    private static final String INGEST_KEY_NAME = "ingest-service";

    private final Path directory;

    private LocalCredentials(Path directory) {
        this.directory = directory;
    }

    /** The credentials in {@code directory}, generated there first if it holds none. */
    public static synchronized LocalCredentials ensure(Path directory) throws IOException {
        LocalCredentials credentials = new LocalCredentials(directory.toAbsolutePath());
        if (!Files.isRegularFile(credentials.keysFile())) {
            createPrivateDirectory(directory);
            String client = ApiKey.generate();
            String ingest = ApiKey.generate();
            writePrivate(credentials.clientKeyFile(), client + "\n");
            writePrivate(credentials.ingestKeyFile(), ingest + "\n");
            writePrivate(credentials.keysFile(), String.join("\n",
                    "# API keys the Newsroom services accept: <sha-256 of the key> <roles> <name>.",
                    "# Delete a line to revoke its key; `newsroom credentials issue` adds one.",
                    KeyRegistry.entry(client, EnumSet.allOf(Role.class), CLIENT_KEY_NAME),
                    KeyRegistry.entry(ingest, Set.of(Role.ANALYZER), INGEST_KEY_NAME)) + "\n");
        }
        if (!Files.isRegularFile(credentials.pageTokenKeyFile())) {
            writePrivate(credentials.pageTokenKeyFile(), randomSecret() + "\n");
        }
        return credentials;
    }

    public Path directory() {
        return directory;
    }

    /** What services get as NEWSROOM_AUTH_KEYS_FILE. */
    public Path keysFile() {
        return directory.resolve("keys");
    }

    public Path clientKeyFile() {
        return directory.resolve("client.key");
    }

    /** What ingest-service gets as NEWSROOM_NLP_KEY_FILE. */
    public Path ingestKeyFile() {
        return directory.resolve("ingest-service.key");
    }

    /** What query-service gets as NEWSROOM_QUERY_PAGE_TOKEN_KEY_FILE. */
    public Path pageTokenKeyFile() {
        return directory.resolve("query-page-token.key");
    }

    /**
     * What a service process gets to use these credentials: the key file to check callers
     * against (NEWSROOM_AUTH_KEYS_FILE), the key ingest-service sends to nlp-service
     * (NEWSROOM_NLP_KEY_FILE) and the key query-service signs page tokens with
     * (NEWSROOM_QUERY_PAGE_TOKEN_KEY_FILE); each service reads only its own.
     */
    public Map<String, String> serviceEnvironment() {
        return Map.of("NEWSROOM_AUTH_KEYS_FILE", keysFile().toString(),
                "NEWSROOM_NLP_KEY_FILE", ingestKeyFile().toString(),
                "NEWSROOM_QUERY_PAGE_TOKEN_KEY_FILE", pageTokenKeyFile().toString());
    }

    /** The CLI's key: writer, reader and analyzer. */
    public String clientKey() throws IOException {
        return Files.readString(clientKeyFile()).strip();
    }

    /**
     * Issues a new key with {@code roles}: adds its line to the key file (the running
     * services read it again on their next call) and returns the key, which is kept nowhere else.
     *
     * @return the new key and its key-file line
     */
    public synchronized IssuedKey issue(Set<Role> roles, String name) throws IOException {
        IssuedKey issued = newKey(roles, name);
        Files.writeString(keysFile(), issued.entry() + "\n", StandardOpenOption.APPEND);
        return issued;
    }

    /** A new key and its key-file line, recorded nowhere: for services elsewhere. */
    public static IssuedKey newKey(Set<Role> roles, String name) {
        String key = ApiKey.generate();
        return new IssuedKey(key, KeyRegistry.entry(key, roles, name));
    }

    /**
     * @param key   the secret to hand to the client
     * @param entry its line in a key file, for services elsewhere (a Kubernetes Secret)
     */
    public record IssuedKey(String key, String entry) {
    }

    /** 256 random bits as base64url text. */
    private static String randomSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    }

    private static void createPrivateDirectory(Path directory) throws IOException {
        Files.createDirectories(directory);
        if (isPosix()) {
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        }
    }

    private static void writePrivate(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        if (isPosix()) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        }
        Files.writeString(file, content);
    }

    private static boolean isPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
