package newsroom.localpostgres;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The password of each {@link DatabaseRole}, generated on first use. Kept in one file,
 * {@value #FILE_NAME}, readable by its owner only (mode 0600, in a 0700 directory):
 * lines of {@code <role name> <password>}.
 */
public final class DatabasePasswords {

    public static final String FILE_NAME = "postgres-passwords";

    /** What {@link #generate} makes: base64url, so a password never needs quoting in SQL. */
    private static final Pattern PASSWORD = Pattern.compile("[A-Za-z0-9_-]{32,}");
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Map<DatabaseRole, String> passwords;

    private DatabasePasswords(Map<DatabaseRole, String> passwords) {
        this.passwords = passwords;
    }

    /** New passwords kept nowhere: for a throw-away server. */
    public static DatabasePasswords generate() {
        Map<DatabaseRole, String> passwords = new EnumMap<>(DatabaseRole.class);
        for (DatabaseRole role : DatabaseRole.values()) {
            passwords.put(role, newPassword());
        }
        return new DatabasePasswords(passwords);
    }

    /** Whether {@code directory} holds a password file. */
    public static boolean existIn(Path directory) {
        return Files.isRegularFile(directory.resolve(FILE_NAME));
    }

    /**
     * The passwords in {@code directory}'s file; a role it lacks gets a new password, and the
     * file is written again (owner-only) when one was added.
     */
    public static DatabasePasswords ensure(Path directory) throws IOException {
        Path file = directory.resolve(FILE_NAME);
        Map<DatabaseRole, String> passwords = new EnumMap<>(DatabaseRole.class);
        if (Files.isRegularFile(file)) {
            for (String line : Files.readAllLines(file)) {
                String[] fields = line.strip().split("\\s+");
                if (fields.length != 2 || line.isBlank()) {
                    continue;
                }
                for (DatabaseRole role : DatabaseRole.values()) {
                    if (role.roleName().equals(fields[0])) {
                        if (!PASSWORD.matcher(fields[1]).matches()) {
                            throw new IOException(file + ": the password of " + fields[0]
                                    + " is not one Newsroom generated (32 or more of A-Z a-z 0-9 _ -)");
                        }
                        passwords.put(role, fields[1]);
                    }
                }
            }
        }
        if (passwords.size() < DatabaseRole.values().length) {
            for (DatabaseRole role : DatabaseRole.values()) {
                passwords.computeIfAbsent(role, missing -> newPassword());
            }
            write(directory, passwords);
        }
        return new DatabasePasswords(passwords);
    }

    public String of(DatabaseRole role) {
        return passwords.get(role);
    }

    public DatabaseLogin login(DatabaseRole role) {
        return new DatabaseLogin(role.roleName(), of(role));
    }

    private static String newPassword() {
        byte[] bytes = new byte[24];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static void write(Path directory, Map<DatabaseRole, String> passwords) throws IOException {
        if (!Files.isDirectory(directory)) {
            PrivateFiles.createDirectory(directory);
        }
        StringBuilder content = new StringBuilder(
                "# Passwords of the embedded PostgreSQL's roles (written by Newsroom): <role> <password>.\n");
        passwords.forEach((role, password) -> content.append(role.roleName()).append(' ').append(password).append('\n'));
        Path file = directory.resolve(FILE_NAME);
        Path partial = directory.resolve(FILE_NAME + ".new");
        PrivateFiles.write(partial, content.toString());
        Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
