package newsroom.cli.credentials;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Collections;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import newsroom.auth.ApiKey;
import newsroom.auth.KeyRegistry;
import newsroom.auth.Role;
import newsroom.cli.run.Service;
import newsroom.localpostgres.PrivateFiles;

/**
 * The API keys of a suite run on this machine, in one directory
 * ({@code $NEWSROOM_STATE_DIR/credentials}), readable by its owner only:
 * <ul>
 *   <li>{@code keys}: the key file every service checks callers against (hashes only)</li>
 *   <li>{@code client.key}: the key the CLI sends to ingest-service and query-service
 *       ({@link #CLIENT_ROLES}: writer and reader)</li>
 *   <li>{@code analyze.key}: the key {@code newsroom analyze} sends to nlp-service (analyzer)</li>
 *   <li>{@code ingest-service.key}: the key ingest-service sends to nlp-service (analyzer)</li>
 *   <li>{@code query-page-token.key}: the key query-service signs page tokens with, so a
 *       client cannot write its own</li>
 * </ul>
 * Created on first use and kept, so keys issued later stay valid across restarts; a file
 * added since (the page-token key) is created when a directory lacks it. Each
 * service gets from the CLI a key with only the roles its commands need there, so a key
 * read on the way to one service does not open the others.
 */
public final class LocalCredentials {

    public static final String CLIENT_KEY_NAME = "newsroom-cli";
    /** What the CLI's commands for ingest-service and query-service need: ingest, reanalyze, query. */
    public static final Set<Role> CLIENT_ROLES = Collections.unmodifiableSet(EnumSet.of(Role.WRITER, Role.READER));
    public static final String ANALYZE_KEY_NAME = "newsroom-cli-analyze";
    private static final String INGEST_KEY_NAME = "ingest-service";
    private static final String CLIENT_KEY_FILE = "client.key";
    private static final String ANALYZE_KEY_FILE = "analyze.key";

    private final Path directory;

    private LocalCredentials(Path directory) {
        this.directory = directory;
    }

    /**
     * The credentials in {@code directory}, generated there first if it holds none. Those of
     * an older version are brought up to date: the CLI's key, which had every role, keeps
     * only {@link #CLIENT_ROLES}, and {@code newsroom analyze} gets its own key.
     */
    public static synchronized LocalCredentials ensure(Path directory) throws IOException {
        LocalCredentials credentials = new LocalCredentials(directory.toAbsolutePath());
        if (!Files.isRegularFile(credentials.keysFile())) {
            PrivateFiles.createDirectory(directory);
            String client = ApiKey.generate();
            String analyze = ApiKey.generate();
            String ingest = ApiKey.generate();
            PrivateFiles.write(credentials.clientKeyFile(), client + "\n");
            PrivateFiles.write(credentials.analyzeKeyFile(), analyze + "\n");
            PrivateFiles.write(credentials.ingestKeyFile(), ingest + "\n");
            PrivateFiles.write(credentials.keysFile(), String.join("\n",
                    "# API keys the Newsroom services accept: <sha-256 of the key> <roles> <name>.",
                    "# Delete a line to revoke its key; `newsroom credentials issue` adds one.",
                    KeyRegistry.entry(client, CLIENT_ROLES, CLIENT_KEY_NAME),
                    KeyRegistry.entry(analyze, Set.of(Role.ANALYZER), ANALYZE_KEY_NAME),
                    KeyRegistry.entry(ingest, Set.of(Role.ANALYZER), INGEST_KEY_NAME)) + "\n");
        } else {
            credentials.upgrade();
        }
        if (!Files.isRegularFile(credentials.pageTokenKeyFile())) {
            PrivateFiles.write(credentials.pageTokenKeyFile(), randomSecret() + "\n");
        }
        return credentials;
    }

    /** The CLI's key in a key file of an older version had every role; an analyze key did not exist. */
    private void upgrade() throws IOException {
        List<String> lines = new ArrayList<>(Files.readAllLines(keysFile()));
        boolean changed = false;
        if (Files.isRegularFile(clientKeyFile())) {
            String client = clientKey();
            String entry = KeyRegistry.entry(client, CLIENT_ROLES, CLIENT_KEY_NAME);
            String hash = ApiKey.hash(client) + " ";
            for (int i = 0; i < lines.size(); i++) {
                if (lines.get(i).strip().startsWith(hash) && !lines.get(i).strip().equals(entry)) {
                    lines.set(i, entry);
                    changed = true;
                }
            }
        }
        if (!Files.isRegularFile(analyzeKeyFile())) {
            String analyze = ApiKey.generate();
            PrivateFiles.write(analyzeKeyFile(), analyze + "\n");
            lines.add(KeyRegistry.entry(analyze, Set.of(Role.ANALYZER), ANALYZE_KEY_NAME));
            changed = true;
        }
        if (changed) {
            // Replaced whole, so a running service never reads half a file (which would reject every key).
            Path next = keysFile().resolveSibling("keys.next");
            PrivateFiles.write(next, String.join("\n", lines) + "\n");
            Files.move(next, keysFile(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    public Path directory() {
        return directory;
    }

    /** What services get as NEWSROOM_AUTH_KEYS_FILE. */
    public Path keysFile() {
        return directory.resolve("keys");
    }

    public Path clientKeyFile() {
        return directory.resolve(CLIENT_KEY_FILE);
    }

    /** What {@code newsroom analyze} sends to nlp-service. */
    public Path analyzeKeyFile() {
        return directory.resolve(ANALYZE_KEY_FILE);
    }

    /**
     * The file holding the key the CLI sends to {@code service} in the credentials
     * {@code directory}: the analyze key for nlp-service, else the client key.
     */
    public static Path cliKeyFile(Path directory, Service service) {
        return directory.resolve(service == Service.NLP ? ANALYZE_KEY_FILE : CLIENT_KEY_FILE);
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

    /** The key the CLI sends to ingest-service and query-service: {@link #CLIENT_ROLES}. */
    public String clientKey() throws IOException {
        return Files.readString(clientKeyFile()).strip();
    }

    /** The key the CLI sends to {@code service} ({@link #cliKeyFile}). */
    public String cliKey(Service service) throws IOException {
        return Files.readString(cliKeyFile(directory, service)).strip();
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
}
