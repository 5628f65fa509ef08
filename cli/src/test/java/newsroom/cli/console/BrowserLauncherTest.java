package newsroom.cli.console;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which command opens the console's URL, and that without a display nothing is started. */
class BrowserLauncherTest {

    private static final String URL = "http://localhost:9093/sign-in?token=t";

    @Test
    void linuxWithADisplayUsesXdgOpenFromThePath(@TempDir Path bin) throws Exception {
        Path xdgOpen = executable(bin, "xdg-open");
        BrowserLauncher launcher = new BrowserLauncher(Map.of("PATH", "/nonexistent:" + bin, "DISPLAY", ":0"), "Linux");

        assertEquals(Optional.of(List.of(xdgOpen.toString(), URL)), launcher.openCommand(URL));
    }

    @Test
    void linuxWithoutADisplayOpensNothing(@TempDir Path bin) throws Exception {
        executable(bin, "xdg-open");
        BrowserLauncher launcher = new BrowserLauncher(Map.of("PATH", bin.toString()), "Linux");

        assertTrue(launcher.openCommand(URL).isEmpty(), "xdg-open would start a text browser in the terminal");
    }

    @Test
    void macUsesOpen(@TempDir Path bin) throws Exception {
        Path open = executable(bin, "open");
        BrowserLauncher launcher = new BrowserLauncher(Map.of("PATH", bin.toString()), "Mac OS X");

        assertEquals(Optional.of(List.of(open.toString(), URL)), launcher.openCommand(URL));
    }

    @Test
    void noOpenerOnThePathOpensNothing(@TempDir Path bin) {
        BrowserLauncher launcher = new BrowserLauncher(Map.of("PATH", bin.toString(), "WAYLAND_DISPLAY", "wayland-0"), "Linux");

        assertTrue(launcher.openCommand(URL).isEmpty());
    }

    private static Path executable(Path directory, String name) throws Exception {
        Path program = directory.resolve(name);
        Files.writeString(program, "#!/bin/sh\nexit 0\n");
        Files.setPosixFilePermissions(program, PosixFilePermissions.fromString("rwxr-xr-x"));
        return program;
    }
}
