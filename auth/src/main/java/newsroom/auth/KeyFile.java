package newsroom.auth;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;

/**
 * A key file on disk, read again when it changes: a key issued or revoked takes
 * effect on the next call, without restarting the service.
 */
public final class KeyFile {

    private final Path path;
    private FileTime readAt;
    private KeyRegistry registry;

    /** Reads the file once now, so a missing or malformed file stops the service at start. */
    public KeyFile(Path path) {
        this.path = path;
        current();
    }

    public Path path() {
        return path;
    }

    /**
     * The registry as the file says now. If the file became unreadable or malformed after
     * start, the last good registry stays in force rather than locking everyone out.
     */
    public synchronized KeyRegistry current() {
        try {
            FileTime modified = Files.getLastModifiedTime(path);
            if (registry == null || !modified.equals(readAt)) {
                KeyRegistry fresh = KeyRegistry.parse(Files.readAllLines(path), path.toString());
                registry = fresh;
                readAt = modified;
            }
            return registry;
        } catch (IOException e) {
            if (registry != null) {
                return registry;
            }
            throw new UncheckedIOException("cannot read the key file " + path + ": " + e, e);
        } catch (IllegalArgumentException e) {
            if (registry != null) {
                return registry;
            }
            throw e;
        }
    }
}
