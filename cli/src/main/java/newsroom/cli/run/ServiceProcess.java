package newsroom.cli.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
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
     * @param logFile     where its standard output and error go (overwritten at start, appended to at a restart)
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
        Files.createDirectories(spec.logFile().toAbsolutePath().getParent());
        return launch(spec, ProcessBuilder.Redirect.to(spec.logFile().toFile()));
    }

    /**
     * Starts the same service again once this process has ended. Its output goes on in the
     * same log, after a line saying when and why, so what the old process wrote last (often
     * the reason it died) stays there to read.
     *
     * @param why what happened to this process ("was killed by signal 9 (SIGKILL)")
     */
    public ServiceProcess startAgain(String why) throws IOException {
        String line = System.lineSeparator() + "--- " + Instant.now().truncatedTo(ChronoUnit.SECONDS)
                + " newsroom supervisor: " + spec.name() + " (pid " + pid() + ") " + why + "; starting it again ---"
                + System.lineSeparator();
        Files.writeString(spec.logFile(), line, StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        return launch(spec, ProcessBuilder.Redirect.appendTo(spec.logFile().toFile()));
    }

    private static ServiceProcess launch(Spec spec, ProcessBuilder.Redirect output) throws IOException {
        if (!Files.isRegularFile(spec.jar())) {
            throw new IOException(spec.name() + " is not built: " + spec.jar()
                    + " is missing (build it with ./mvnw -DskipTests install)");
        }
        List<String> command = new ArrayList<>();
        command.add(JavaCommand.executable());
        command.addAll(spec.jvmOptions());
        command.add("-jar");
        command.add(spec.jar().toString());
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(output);
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
