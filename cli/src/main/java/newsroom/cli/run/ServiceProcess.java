package newsroom.cli.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * One service running as a child process: {@code java <options> -jar quarkus-run.jar}
 * with its settings in environment variables and its output in a log file.
 */
public final class ServiceProcess {

    /**
     * What to run.
     *
     * @param name        what people call it ("nlp-service")
     * @param jar         the runnable jar
     * @param port        where it serves gRPC
     * @param adminPort   where it serves {@code /q/health} and {@code /q/metrics}, plaintext
     * @param jvmOptions  options before {@code -jar}
     * @param environment variables added to this process's environment
     * @param logFile     where its standard output and error go (overwritten)
     */
    public record Spec(String name, Path jar, int port, int adminPort, List<String> jvmOptions,
                       Map<String, String> environment, Path logFile) {
    }

    private final Spec spec;
    private final Process process;

    private ServiceProcess(Spec spec, Process process) {
        this.spec = spec;
        this.process = process;
    }

    public static ServiceProcess start(Spec spec) throws IOException {
        if (!Files.isRegularFile(spec.jar())) {
            throw new IOException(spec.name() + " is not built: " + spec.jar()
                    + " is missing (build it with ./mvnw -DskipTests install)");
        }
        Files.createDirectories(spec.logFile().toAbsolutePath().getParent());
        List<String> command = new ArrayList<>();
        command.add(JavaCommand.executable());
        command.addAll(spec.jvmOptions());
        command.add("-jar");
        command.add(spec.jar().toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(spec.logFile().toFile()));
        builder.environment().putAll(spec.environment());
        Process process = builder.start();
        // The services never read standard input; closing it keeps them from holding our terminal.
        process.getOutputStream().close();
        return new ServiceProcess(spec, process);
    }

    public Spec spec() {
        return spec;
    }

    public String name() {
        return spec.name();
    }

    public int port() {
        return spec.port();
    }

    public int adminPort() {
        return spec.adminPort();
    }

    public long pid() {
        return process.pid();
    }

    public boolean isAlive() {
        return process.isAlive();
    }

    /** The exit code; only meaningful once {@link #isAlive()} is false. */
    public int exitCode() {
        return process.exitValue();
    }

    public boolean isReady(ReadinessProbe probe) {
        return process.isAlive() && probe.isReady("localhost", spec.adminPort());
    }

    /**
     * Stops the service: SIGTERM (Quarkus shuts down gracefully), then SIGKILL if it is
     * still running after {@code grace}.
     */
    public void stop(Duration grace) {
        if (!process.isAlive()) {
            return;
        }
        process.destroy();
        try {
            if (!process.waitFor(grace.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly();
                process.waitFor(10, TimeUnit.SECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    /** The last lines of the service's log, for error reports. */
    public String logTail(int lines) {
        return LogTail.of(spec.logFile(), lines);
    }
}
