package newsroom.cli.run;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import java.io.PrintStream;
import java.util.Optional;
import java.util.concurrent.Callable;
import newsroom.cli.output.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsroom status}: what runs, whether each service answers ready, and what the supervisor restarted. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = {
            "Shows whether the suite runs, and each service's port, pid, health and restarts.",
            "Exits with 1 when the supervisor gave up restarting a service or PostgreSQL, else 0."
        })
public class StatusCommand implements Callable<Integer> {

    /** The exit status when the supervisor gave up on a process: the suite needs a person. */
    static final int GAVE_UP = 1;

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        return print(SuiteSettings.fromEnvironment(System.getenv(), CliHome.repository()), json, System.out);
    }

    /** Prints the status of the suite {@code settings} name; returns the exit status. */
    static int print(SuiteSettings settings, boolean json, PrintStream out) {
        Optional<RunState> stored = new RunStateFile(settings.runDirectory()).read();
        Optional<RunState> live = stored.filter(RunState::supervisorAlive);
        ReadinessProbe probe = new ReadinessProbe();
        int exitStatus = live.filter(StatusCommand::gaveUp).isPresent() ? GAVE_UP : 0;
        if (json) {
            out.println(toJson(live, probe, settings));
            return exitStatus;
        }
        if (live.isEmpty()) {
            out.println("Nothing is running." + stored
                    .filter(state -> state.phase() == RunState.Phase.FAILED)
                    .map(state -> " The last start failed: " + state.message())
                    .orElse(""));
            return 0;
        }
        RunState state = live.get();
        out.println(switch (state.phase()) {
            case READY -> "Newsroom is running.";
            case STARTING -> "Newsroom is starting: " + state.message() + ".";
            case FAILED -> "Newsroom failed to start: " + state.message();
        });
        Table table = new Table("SERVICE", "ADDRESS", "PID", "HEALTH", "RESTARTS", "LOG");
        for (RunState.RunningService service : state.services()) {
            table.row(service.name(), "localhost:" + service.port(), service.pid(), health(state, service, probe),
                    service.restarts().count(), service.logFile());
        }
        if (state.embeddedPostgres() && state.postgresPid() != 0) {
            table.row("PostgreSQL", postgresAddress(state), state.postgresPid(), postgresHealth(state),
                    state.postgresRestarts().count(), settings.logFile("supervisor"));
        }
        if (state.replica() != null) {
            table.row("PostgreSQL replica", address(state.replica().jdbcUrl()), state.replica().pid(),
                    ReplicaLag.describe(state.replica(), settings), 0, settings.logFile("supervisor"));
        }
        if (!table.isEmpty()) {
            out.println();
            table.print(out);
        }
        RunStateReport.printRestarts(state, out);
        out.println();
        out.println("Database: " + (state.databaseUrl() == null ? "(starting)" : state.databaseUrl()));
        RunStateReport.console(state).ifPresent(console ->
                out.println("Console: " + console + " (sign in with ./newsroom console)"));
        return exitStatus;
    }

    private static boolean gaveUp(RunState state) {
        return state.postgresRestarts().givenUp()
                || state.services().stream().anyMatch(service -> service.restarts().givenUp());
    }

    /**
     * READY or NOT READY as the service's readiness endpoint answers; a dead process is
     * RESTARTING while the supervisor keeps the suite (it restarts it after a backoff), GIVEN UP
     * once it stopped trying, and EXITED while the suite was still starting.
     */
    private static String health(RunState state, RunState.RunningService service, ReadinessProbe probe) {
        if (service.restarts().givenUp()) {
            return "GIVEN UP";
        }
        if (!isAlive(service.pid())) {
            return state.phase() == RunState.Phase.READY ? "RESTARTING" : "EXITED";
        }
        return probe.isReady("localhost", service.adminPort()) ? "READY" : "NOT READY";
    }

    private static String postgresHealth(RunState state) {
        if (state.postgresRestarts().givenUp()) {
            return "GIVEN UP";
        }
        return isAlive(state.postgresPid()) ? "RUNNING" : "RESTARTING";
    }

    private static boolean isAlive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /** "localhost:54329" from "jdbc:postgresql://localhost:54329/newsroom". */
    private static String postgresAddress(RunState state) {
        return address(state.databaseUrl());
    }

    /** "localhost:54329" from "jdbc:postgresql://localhost:54329/newsroom". */
    private static String address(String jdbcUrl) {
        String url = jdbcUrl == null ? "" : jdbcUrl;
        int start = url.indexOf("//");
        if (start < 0) {
            return url;
        }
        int end = url.indexOf('/', start + 2);
        return url.substring(start + 2, end < 0 ? url.length() : end);
    }

    private static String toJson(Optional<RunState> live, ReadinessProbe probe, SuiteSettings settings) {
        JsonObject status = new JsonObject();
        status.addProperty("running", live.isPresent());
        live.ifPresent(state -> {
            status.addProperty("phase", state.phase().name());
            status.addProperty("message", state.message());
            status.addProperty("supervisorPid", state.supervisorPid());
            status.addProperty("databaseUrl", state.databaseUrl());
            JsonArray services = new JsonArray();
            for (RunState.RunningService service : state.services()) {
                JsonObject entry = new JsonObject();
                entry.addProperty("name", service.name());
                entry.addProperty("port", service.port());
                entry.addProperty("pid", service.pid());
                entry.addProperty("health", health(state, service, probe));
                entry.addProperty("logFile", service.logFile());
                entry.add("restarts", toJson(service.restarts()));
                services.add(entry);
            }
            status.add("services", services);
            RunStateReport.console(state).ifPresent(console -> status.addProperty("console", console));
            if (state.embeddedPostgres() && state.postgresPid() != 0) {
                JsonObject postgres = new JsonObject();
                postgres.addProperty("pid", state.postgresPid());
                postgres.addProperty("health", postgresHealth(state));
                postgres.add("restarts", toJson(state.postgresRestarts()));
                status.add("postgres", postgres);
            }
            if (state.replica() != null) {
                JsonObject replica = new JsonObject();
                replica.addProperty("url", state.replica().jdbcUrl());
                replica.addProperty("pid", state.replica().pid());
                ReplicaLag.Reading reading = ReplicaLag.read(state.replica(), settings);
                replica.addProperty("health", reading.health());
                if (reading.lagSeconds() != null) {
                    replica.addProperty("lag_seconds", reading.lagSeconds());
                } else {
                    replica.add("lag_seconds", JsonNull.INSTANCE);
                }
                status.add("replica", replica);
            }
        });
        return new GsonBuilder().setPrettyPrinting().serializeNulls().create().toJson(status);
    }

    private static JsonObject toJson(RunState.Restarts restarts) {
        JsonObject entry = new JsonObject();
        entry.addProperty("count", restarts.count());
        entry.addProperty("lastAt", restarts.lastAt());
        entry.addProperty("lastReason", restarts.lastReason());
        entry.addProperty("givenUp", restarts.givenUp());
        entry.addProperty("givenUpWhy", restarts.givenUpWhy());
        return entry;
    }
}
