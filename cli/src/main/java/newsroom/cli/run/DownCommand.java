package newsroom.cli.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import newsroom.cli.output.ProgressLine;
import picocli.CommandLine.Command;

/** {@code newsroom down}: stops what {@code up} started. */
@Command(name = "down", mixinStandardHelpOptions = true,
        description = "Stops the services and the embedded PostgreSQL that 'newsroom up' started.")
public class DownCommand implements Callable<Integer> {

    /** The services get 30 s each to stop, PostgreSQL some more. */
    private static final Duration STOP_TIMEOUT = Duration.ofSeconds(90);

    @Override
    public Integer call() throws Exception {
        SuiteSettings settings = SuiteSettings.fromEnvironment(System.getenv(), CliHome.repository());
        RunStateFile stateFile = new RunStateFile(settings.runDirectory());
        Optional<RunState> state = stateFile.read();
        if (state.isEmpty()) {
            System.out.println("Nothing is running.");
            return 0;
        }
        if (!state.get().supervisorAlive()) {
            List<String> leftovers = stopLeftovers(state.get(), settings);
            stateFile.delete();
            System.out.println(leftovers.isEmpty()
                    ? "Nothing is running."
                    : "Stopped what a supervisor that is gone had left running: " + String.join(", ", leftovers) + ".");
            return 0;
        }
        ProcessHandle supervisor = ProcessHandle.of(state.get().supervisorPid()).orElseThrow();
        ProgressLine progress = ProgressLine.onStandardError();
        supervisor.destroy();
        long start = System.nanoTime();
        while (supervisor.isAlive()) {
            long seconds = Duration.ofNanos(System.nanoTime() - start).toSeconds();
            if (seconds > STOP_TIMEOUT.toSeconds()) {
                progress.clear();
                supervisor.destroyForcibly();
                List<String> leftovers = stopLeftovers(state.get(), settings);
                stateFile.delete();
                System.out.println("The supervisor did not stop in " + STOP_TIMEOUT.toSeconds()
                        + " s and was killed; also stopped: " + String.join(", ", leftovers) + ".");
                return 1;
            }
            progress.update("Stopping Newsroom... " + seconds + " s");
            waitForExit(supervisor, Duration.ofMillis(500));
        }
        progress.clear();
        List<String> stopped = new ArrayList<>();
        state.get().services().forEach(service -> stopped.add(service.name()));
        if (state.get().replica() != null) {
            stopped.add("the PostgreSQL replica");
        }
        if (state.get().embeddedPostgres()) {
            stopped.add("PostgreSQL");
        }
        System.out.println(stopped.isEmpty() ? "Stopped." : "Stopped " + listed(stopped) + ".");
        return 0;
    }

    /**
     * Kills the services and embedded PostgreSQL of a supervisor that died without
     * stopping them (killed with SIGKILL, machine out of memory).
     */
    private static List<String> stopLeftovers(RunState state, SuiteSettings settings) {
        List<String> stopped = new ArrayList<>();
        for (RunState.RunningService service : state.services()) {
            ProcessHandle.of(service.pid())
                    .filter(ProcessHandle::isAlive)
                    .filter(process -> process.info().commandLine().map(line -> line.contains("quarkus-run.jar")).orElse(true))
                    .ifPresent(process -> {
                        stop(process);
                        stopped.add(service.name());
                    });
        }
        if (state.replica() != null && state.replica().dataDirectory() != null) {
            Postmaster.of(Path.of(state.replica().dataDirectory())).ifPresent(replica -> {
                stop(replica);
                stopped.add("the PostgreSQL replica");
            });
        }
        if (state.embeddedPostgres() && state.postgresDataDirectory() != null) {
            Postmaster.of(Path.of(state.postgresDataDirectory())).ifPresent(postgres -> {
                stop(postgres);
                stopped.add("PostgreSQL");
            });
        }
        return stopped;
    }

    /** "a, b and c" */
    private static String listed(List<String> names) {
        if (names.size() == 1) {
            return names.get(0);
        }
        return String.join(", ", names.subList(0, names.size() - 1)) + " and " + names.get(names.size() - 1);
    }

    private static void waitForExit(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException stillRunning) {
            // checked again by the caller
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException impossible) {
            // onExit never completes exceptionally
        }
    }

    private static void stop(ProcessHandle process) {
        process.destroy();
        try {
            process.onExit().get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            process.destroyForcibly();
        }
    }
}
