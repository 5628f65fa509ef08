package newsroom.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongSupplier;

/**
 * A key file on disk, read again when its content changes: a key issued or revoked takes
 * effect within a second ({@link #CHECK_INTERVAL_NANOS}), without restarting the service.
 * The file is read and hashed (SHA-256) on each check rather than trusting its modification
 * time, which an edit within the file system's time resolution, a copy that keeps times
 * ({@code cp -p}, {@code rsync -t}) or a Kubernetes Secret swap can leave unchanged. Checks
 * are at most a second apart because reading and hashing costs tens of microseconds (a
 * 1,000-key file about 0.25 ms), too much for every call.
 *
 * <p>It fails closed: when the file turns malformed or unreadable while the service runs,
 * every key is rejected until it is fixed, and the problem (file and line) is reported once
 * per broken version. Keeping the last good keys instead would keep a revoked key working
 * when the edit that revoked it went wrong.
 */
public final class KeyFile {

    /** How long a check of the file holds: a second. */
    static final long CHECK_INTERVAL_NANOS = 1_000_000_000L;

    private final Path path;
    private final Consumer<String> problems;
    private final LongSupplier nanoClock;
    private long checkedAt;
    private byte[] readHash;
    private String reportedProblem;
    private KeyRegistry registry;

    /**
     * Reads the file once now, so a missing or malformed file stops the service at start.
     *
     * @param problems told, once per broken version of the file, why every key is now rejected
     *                 (the service logs it as an error)
     */
    public KeyFile(Path path, Consumer<String> problems) {
        this(path, problems, System::nanoTime);
    }

    /** @param nanoClock {@link System#nanoTime}, or a test's clock */
    KeyFile(Path path, Consumer<String> problems, LongSupplier nanoClock) {
        this.path = path;
        this.problems = problems;
        this.nanoClock = nanoClock;
        this.checkedAt = nanoClock.getAsLong();
        byte[] content = read();
        registry = parse(content);
        readHash = sha256(content);
    }

    public Path path() {
        return path;
    }

    /**
     * The registry as the file said at the last check, at most a second ago; empty (no key
     * accepted) while the file is unreadable or malformed.
     */
    public synchronized KeyRegistry current() {
        long now = nanoClock.getAsLong();
        if (now - checkedAt < CHECK_INTERVAL_NANOS) {
            return registry;
        }
        checkedAt = now;
        byte[] content;
        try {
            content = read();
        } catch (UncheckedIOException e) {
            return failClosed(null, e.getMessage());
        }
        byte[] hash = sha256(content);
        if (Arrays.equals(hash, readHash)) {
            return registry;
        }
        try {
            registry = parse(content);
            readHash = hash;
            reportedProblem = null;
            return registry;
        } catch (IllegalArgumentException e) {
            return failClosed(hash, e.getMessage());
        }
    }

    private KeyRegistry failClosed(byte[] hash, String problem) {
        registry = KeyRegistry.EMPTY;
        // An unreadable file has no content to remember: the next check reads it again.
        readHash = hash;
        if (!problem.equals(reportedProblem)) {
            reportedProblem = problem;
            problems.accept("every API key is rejected until the key file is fixed: " + problem);
        }
        return registry;
    }

    private byte[] read() {
        try {
            return Files.readAllBytes(path);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the key file " + path + ": " + e, e);
        }
    }

    private KeyRegistry parse(byte[] content) {
        List<String> lines = new String(content, StandardCharsets.UTF_8).lines().toList();
        return KeyRegistry.parse(lines, path.toString());
    }

    private static byte[] sha256(byte[] content) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(content);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
