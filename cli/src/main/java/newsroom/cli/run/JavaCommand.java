package newsroom.cli.run;

import java.nio.file.Path;

/** The java launcher that runs this process, used to run the services and the supervisor too. */
final class JavaCommand {

    private JavaCommand() {
    }

    static String executable() {
        return ProcessHandle.current().info().command()
                .filter(command -> Path.of(command).getFileName().toString().startsWith("java"))
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    }
}
