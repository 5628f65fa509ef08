package newsroom.cli.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** The end of a log file, to show when something did not start. */
public final class LogTail {

    private LogTail() {
    }

    public static String of(Path logFile, int lines) {
        try {
            List<String> all = new String(Files.readAllBytes(logFile), StandardCharsets.UTF_8).lines().toList();
            return String.join(System.lineSeparator(), all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            return "(no log at " + logFile + ")";
        }
    }
}
