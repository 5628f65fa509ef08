package newsroom.cli.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * The running PostgreSQL server of a data directory, found through the pid on the first line
 * of its {@code postmaster.pid}: pg_ctl starts the server, so it is no child of the supervisor.
 */
final class Postmaster {

    private Postmaster() {
    }

    /** The server's process, if one runs on {@code dataDirectory}. */
    static Optional<ProcessHandle> of(Path dataDirectory) {
        Path pidFile = dataDirectory.resolve("postmaster.pid");
        try {
            if (!Files.isRegularFile(pidFile)) {
                return Optional.empty();
            }
            String firstLine = Files.readAllLines(pidFile, StandardCharsets.UTF_8).get(0).strip();
            return ProcessHandle.of(Long.parseLong(firstLine))
                    .filter(ProcessHandle::isAlive)
                    .filter(process -> process.info().command().map(command -> command.contains("postgres")).orElse(true));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }
}
