package newsroom.cli.run;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import newsroom.cli.UserError;
import newsroom.cli.output.ProgressLine;

/**
 * Starts the suite in the background: a detached supervisor process ({@code newsroom
 * supervise}) that outlives this command, then waits until it reports all services ready.
 */
public final class SuiteLauncher {

    /** The supervisor gives up on a service after its ready timeout; this much more only catches a hung supervisor. */
    private static final Duration SUPERVISOR_MARGIN = Duration.ofSeconds(120);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private final SuiteSettings settings;
    private final RunStateFile stateFile;

    public SuiteLauncher(SuiteSettings settings) {
        this.settings = settings;
        this.stateFile = new RunStateFile(settings.runDirectory());
    }

    /** The running suite, if a live supervisor reports one (ready or still starting). */
    public Optional<RunState> current() {
        return stateFile.readLive().filter(state -> state.phase() != RunState.Phase.FAILED);
    }

    /**
     * Returns the running suite's state, starting it first if nothing runs.
     *
     * @param startedNow set to true when this call started it
     */
    public RunState ensureRunning(PrintStream out, ProgressLine progress, boolean[] startedNow) throws IOException {
        Optional<RunState> running = current();
        if (running.isPresent() && running.get().phase() == RunState.Phase.READY) {
            startedNow[0] = false;
            return running.get();
        }
        Process supervisor = null;
        if (running.isEmpty()) {
            checkBuilt();
            out.println("Starting Newsroom (logs in " + settings.logDirectory() + ")...");
            supervisor = startSupervisor();
        } else {
            out.println("Newsroom is starting already (supervisor pid " + running.get().supervisorPid() + ").");
        }
        startedNow[0] = true;
        return awaitReady(supervisor, progress);
    }

    private void checkBuilt() {
        List<String> missing = new ArrayList<>();
        for (Service service : Service.values()) {
            if (!Files.isRegularFile(service.jar(settings.home()))) {
                missing.add(service.jar(settings.home()).toString());
            }
        }
        if (!missing.isEmpty()) {
            throw new UserError("not built: " + String.join(", ", missing)
                    + "; build with ./mvnw -DskipTests install (./newsroom does it for you)");
        }
    }

    private Process startSupervisor() throws IOException {
        Path log = settings.logFile("supervisor");
        Files.createDirectories(log.getParent());
        stateFile.delete();
        List<String> command = new ArrayList<>();
        // setsid puts the supervisor in a session of its own: closing this terminal or
        // pressing Ctrl-C here does not reach it or the services it starts.
        if (Files.isExecutable(Path.of("/usr/bin/setsid")) || Files.isExecutable(Path.of("/bin/setsid"))) {
            command.add("setsid");
        }
        command.add(JavaCommand.executable());
        command.add("-Xmx256m");
        command.add("-Dquarkus.profile=supervisor");
        command.add("-jar");
        command.add(CliHome.jar(settings.home()).toString());
        command.add("supervise");
        ProcessBuilder builder = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.to(log.toFile()));
        builder.environment().put("NEWSROOM_HOME", settings.home().toString());
        builder.environment().put("NEWSROOM_STATE_DIR", settings.stateDirectory().toString());
        // The ports are the settings' (which a caller may have chosen), not only what this environment says.
        builder.environment().putAll(settings.ports().asEnvironment());
        builder.environment().put("NEWSROOM_PG_PORT", Integer.toString(settings.postgresPort()));
        builder.environment().put("NEWSROOM_TLS", Boolean.toString(settings.tls()));
        builder.environment().put("NEWSROOM_REPLICA", Boolean.toString(settings.replica()));
        builder.environment().put("NEWSROOM_PG_REPLICA_PORT", Integer.toString(settings.replicaPort()));
        builder.environment().putAll(settings.restartPolicy().asEnvironment());
        builder.environment().put("NEWSROOM_READY_TIMEOUT", settings.readyTimeout().toMillis() + "ms");
        Process process = builder.start();
        process.getOutputStream().close();
        return process;
    }

    /**
     * Waits for the supervisor to report READY. A supervisor this call started is stopped
     * again if this command is interrupted (Ctrl-C) before then, so nothing is left half-started.
     */
    private RunState awaitReady(Process supervisor, ProgressLine progress) {
        Thread abandon = supervisor == null ? null : new Thread(supervisor::destroy, "newsroom-up-interrupted");
        if (abandon != null) {
            Runtime.getRuntime().addShutdownHook(abandon);
        }
        long start = System.nanoTime();
        try {
            while (true) {
                Optional<RunState> state = stateFile.read();
                long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
                if (state.isPresent() && state.get().phase() == RunState.Phase.READY && state.get().supervisorAlive()) {
                    progress.clear();
                    return state.get();
                }
                if (state.isPresent() && state.get().phase() == RunState.Phase.FAILED) {
                    progress.clear();
                    throw new UserError("could not start Newsroom: " + state.get().message()
                            + " (supervisor log: " + settings.logFile("supervisor") + ")");
                }
                boolean supervisorGone = supervisor != null
                        ? !supervisor.isAlive()
                        : state.isEmpty() || !state.get().supervisorAlive();
                if (supervisorGone) {
                    progress.clear();
                    if (LogTail.of(settings.logFile("supervisor"), 10).contains("Start cancelled.")) {
                        throw new UserError("the start was cancelled ('newsroom down' or a signal stopped it)");
                    }
                    throw new UserError("the supervisor exited before the suite was ready; see "
                            + settings.logFile("supervisor") + ":" + System.lineSeparator()
                            + LogTail.of(settings.logFile("supervisor"), 15));
                }
                if (seconds > settings.readyTimeout().plus(SUPERVISOR_MARGIN).toSeconds()) {
                    progress.clear();
                    if (supervisor != null) {
                        supervisor.destroy();
                    }
                    throw new UserError("Newsroom was not ready after " + seconds + " s; see the logs in "
                            + settings.logDirectory());
                }
                String message = state.map(RunState::message).orElse("starting the supervisor");
                progress.update("  " + message + "... " + seconds + " s");
                Thread.sleep(POLL_INTERVAL.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UserError("interrupted while waiting for Newsroom to start");
        } finally {
            if (abandon != null) {
                try {
                    Runtime.getRuntime().removeShutdownHook(abandon);
                } catch (IllegalStateException alreadyShuttingDown) {
                    // Ctrl-C: the hook is stopping the supervisor
                }
            }
        }
    }
}
