package newsroom.cli.run;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import java.util.Optional;
import java.util.concurrent.Callable;
import newsroom.cli.output.Table;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code newsroom status}: what runs, and whether each service answers ready. */
@Command(name = "status", mixinStandardHelpOptions = true,
        description = "Shows whether the suite runs, and each service's port, pid and health.")
public class StatusCommand implements Callable<Integer> {

    @Option(names = "--json", description = "Print JSON instead of a table.")
    boolean json;

    @Override
    public Integer call() {
        SuiteSettings settings = SuiteSettings.fromEnvironment(System.getenv(), CliHome.repository());
        Optional<RunState> stored = new RunStateFile(settings.runDirectory()).read();
        Optional<RunState> live = stored.filter(RunState::supervisorAlive);
        ReadinessProbe probe = new ReadinessProbe();
        if (json) {
            System.out.println(toJson(live, probe));
            return 0;
        }
        if (live.isEmpty()) {
            System.out.println("Nothing is running." + stored
                    .filter(state -> state.phase() == RunState.Phase.FAILED)
                    .map(state -> " The last start failed: " + state.message())
                    .orElse(""));
            return 0;
        }
        RunState state = live.get();
        System.out.println(switch (state.phase()) {
            case READY -> "Newsroom is running.";
            case STARTING -> "Newsroom is starting: " + state.message() + ".";
            case FAILED -> "Newsroom failed to start: " + state.message();
        });
        Table table = new Table("SERVICE", "ADDRESS", "PID", "HEALTH", "LOG");
        for (RunState.RunningService service : state.services()) {
            table.row(service.name(), "localhost:" + service.port(), service.pid(), health(service, probe),
                    service.logFile());
        }
        if (!table.isEmpty()) {
            System.out.println();
            table.print(System.out);
        }
        System.out.println();
        System.out.println("Database: " + (state.databaseUrl() == null ? "(starting)" : state.databaseUrl()));
        return 0;
    }

    private static String health(RunState.RunningService service, ReadinessProbe probe) {
        boolean alive = ProcessHandle.of(service.pid()).map(ProcessHandle::isAlive).orElse(false);
        if (!alive) {
            return "EXITED";
        }
        return probe.isReady("localhost", service.adminPort()) ? "READY" : "NOT READY";
    }

    private static String toJson(Optional<RunState> live, ReadinessProbe probe) {
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
                entry.addProperty("health", health(service, probe));
                entry.addProperty("logFile", service.logFile());
                services.add(entry);
            }
            status.add("services", services);
        });
        return new GsonBuilder().setPrettyPrinting().create().toJson(status);
    }
}
