package newsroom.cli.run;

import java.nio.file.Files;
import java.nio.file.Path;

/** Where this CLI runs from: its own jar, and the repository it was built in. */
public final class CliHome {

    private CliHome() {
    }

    /** The cli's quarkus-run.jar when running from it; empty in tests and IDEs. */
    public static java.util.Optional<Path> runningJar() {
        String classPath = System.getProperty("java.class.path", "");
        if (!classPath.contains(java.io.File.pathSeparator) && classPath.endsWith("quarkus-run.jar")) {
            return java.util.Optional.of(Path.of(classPath).toAbsolutePath().normalize());
        }
        return java.util.Optional.empty();
    }

    /**
     * The repository: NEWSROOM_HOME (set by the {@code newsroom} launcher), else the one
     * this jar was built in (cli/target/quarkus-app/quarkus-run.jar), else the working directory.
     */
    public static Path repository() {
        String home = System.getenv("NEWSROOM_HOME");
        if (home != null && !home.isBlank()) {
            return Path.of(home).toAbsolutePath().normalize();
        }
        return runningJar()
                .map(jar -> jar.getParent().getParent().getParent().getParent())
                .filter(repository -> Files.isDirectory(repository.resolve("cli")))
                .orElse(Path.of("").toAbsolutePath());
    }

    /** This cli's runnable jar, to start the supervisor with. */
    public static Path jar(Path repository) {
        return runningJar().orElse(repository.resolve("cli/target/quarkus-app/quarkus-run.jar"));
    }
}
