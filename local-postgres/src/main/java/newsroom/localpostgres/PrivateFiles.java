package newsroom.localpostgres;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files and folders only their owner may read: the local run's passwords, keys and PostgreSQL data
 * directories. On a file system without POSIX permissions (Windows) they are plain files and folders.
 */
public final class PrivateFiles {

    private PrivateFiles() {
    }

    /** Creates {@code directory} (and its parents) if absent, and makes it its owner's alone. */
    public static void createDirectory(Path directory) throws IOException {
        Files.createDirectories(directory);
        if (isPosix()) {
            // PostgreSQL refuses a data directory that others may read; keys and passwords want the same.
            Files.setPosixFilePermissions(directory, PosixFilePermissions.fromString("rwx------"));
        }
    }

    /**
     * Writes {@code content} to a new file that only its owner can read, from its first byte on: the
     * file is created with its permissions rather than narrowed after the secret is in it.
     */
    public static void write(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, ownerOnly());
        Files.writeString(file, content);
    }

    /** The attribute that creates a file as its owner's alone (none where POSIX permissions do not exist). */
    public static FileAttribute<?>[] ownerOnly() {
        return isPosix()
                ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------"))}
                : new FileAttribute<?>[0];
    }

    private static boolean isPosix() {
        return FileSystems.getDefault().supportedFileAttributeViews().contains("posix");
    }
}
