package newsroom.cli.console;

import java.awt.Desktop;
import java.awt.GraphicsEnvironment;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Opens a URL in the user's browser where there is one: the desktop's own way when Java can
 * reach a desktop, else {@code open} (macOS) or {@code xdg-open} (Linux with a display).
 * Never fails: without a browser the user copies the printed URL.
 */
final class BrowserLauncher {

    private final Map<String, String> environment;
    private final String osName;

    BrowserLauncher(Map<String, String> environment, String osName) {
        this.environment = environment;
        this.osName = osName;
    }

    static BrowserLauncher ofThisMachine() {
        return new BrowserLauncher(System.getenv(), System.getProperty("os.name", ""));
    }

    /** Whether a browser was asked to open {@code url}; it may still fail on its own later. */
    boolean open(String url) {
        if (openOnDesktop(url)) {
            return true;
        }
        Optional<List<String>> command = openCommand(url);
        if (command.isEmpty()) {
            return false;
        }
        try {
            new ProcessBuilder(command.get())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .start();
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean openOnDesktop(String url) {
        try {
            if (GraphicsEnvironment.isHeadless() || !Desktop.isDesktopSupported()
                    || !Desktop.getDesktop().isSupported(Desktop.Action.BROWSE)) {
                return false;
            }
            Desktop.getDesktop().browse(URI.create(url));
            return true;
        } catch (IOException | RuntimeException | LinkageError e) {
            // A JDK without java.desktop, or a desktop that refuses: fall back to the commands.
            return false;
        }
    }

    /**
     * The command that opens {@code url}, if this machine has one. On Linux only with a display:
     * without one xdg-open would start a text browser in the user's terminal.
     */
    Optional<List<String>> openCommand(String url) {
        if (osName.startsWith("Mac")) {
            return onPath("open").map(open -> List.of(open.toString(), url));
        }
        if (osName.startsWith("Windows")) {
            return Optional.empty();
        }
        if (isBlank(environment.get("DISPLAY")) && isBlank(environment.get("WAYLAND_DISPLAY"))) {
            return Optional.empty();
        }
        return onPath("xdg-open").map(xdgOpen -> List.of(xdgOpen.toString(), url));
    }

    private Optional<Path> onPath(String program) {
        String path = environment.getOrDefault("PATH", "");
        for (String directory : path.split(File.pathSeparator)) {
            if (directory.isEmpty()) {
                continue;
            }
            Path candidate = Path.of(directory, program);
            if (Files.isExecutable(candidate)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
