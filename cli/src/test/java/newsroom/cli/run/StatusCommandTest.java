package newsroom.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What {@code newsroom status} shows of the supervisor's restarts, and its exit status. */
class StatusCommandTest {

    private static final String KILLED = "was killed by signal 9 (SIGKILL): kill -9, or the kernel's out-of-memory killer";
    private static final String GAVE_UP = "5 restarts within 10 min did not keep it running"
            + " (NEWSROOM_RESTART_LIMIT, NEWSROOM_RESTART_WINDOW)";

    @Test
    void restartsAreCountedPerProcessWithTheLastReason(@TempDir Path state) throws Exception {
        SuiteSettings settings = settings(state);
        long alive = ProcessHandle.current().pid();
        int nothingListens = PortCheck.freePort();
        new RunStateFile(settings.runDirectory()).write(running(alive)
                .withServices(List.of(
                        new RunState.RunningService("ingest-service", alive, nothingListens, nothingListens, "/logs/ingest-service.log",
                                new RunState.Restarts(2, "2026-12-07T03:00:00Z", KILLED, false, null)),
                        new RunState.RunningService("query-service", alive, nothingListens, nothingListens, "/logs/query-service.log",
                                RunState.Restarts.NONE)))
                .withPostgres(alive, new RunState.Restarts(1, "2026-12-07T03:01:00Z",
                        "exited (its messages, if it left any, are in the supervisor's log)", false, null)));

        Printed status = print(settings, false);
        assertEquals(0, status.exitStatus(), "nothing was given up on");
        assertTrue(status.text().contains("RESTARTS"), status.text());
        assertTrue(status.text().contains("ingest-service: restarted 2 times. At 2026-12-07T03:00:00Z it " + KILLED + "."),
                status.text());
        assertTrue(status.text().contains("PostgreSQL: restarted once. At 2026-12-07T03:01:00Z it exited"), status.text());
        assertTrue(status.text().lines().noneMatch(line -> line.startsWith("query-service:")),
                "a service that never died gets no line: " + status.text());
        assertTrue(status.text().lines().anyMatch(line -> line.startsWith("PostgreSQL") && line.contains("RUNNING")
                && line.contains("localhost:54329")), status.text());

        JsonObject json = JsonParser.parseString(print(settings, true).text()).getAsJsonObject();
        JsonObject ingest = json.getAsJsonArray("services").get(0).getAsJsonObject();
        assertEquals(2, ingest.getAsJsonObject("restarts").get("count").getAsInt());
        assertEquals(KILLED, ingest.getAsJsonObject("restarts").get("lastReason").getAsString());
        assertEquals("NOT READY", ingest.get("health").getAsString());
        assertEquals(1, json.getAsJsonObject("postgres").getAsJsonObject("restarts").get("count").getAsInt());
        assertEquals("http://localhost:" + nothingListens + "/", json.get("console").getAsString(),
                "the console is on query-service's port");
        assertTrue(status.text().contains("Console: http://localhost:" + nothingListens + "/"), status.text());
    }

    @Test
    void theConsoleIsHttpsWhenTheSuiteSpeaksTls(@TempDir Path state) throws Exception {
        SuiteSettings settings = settings(state);
        long alive = ProcessHandle.current().pid();
        RunState ready = running(alive).withServices(List.of(new RunState.RunningService("query-service", alive, 19093,
                PortCheck.freePort(), "/logs/query-service.log", RunState.Restarts.NONE)));
        new RunStateFile(settings.runDirectory()).write(new RunState(ready.phase(), ready.supervisorPid(),
                ready.message(), ready.databaseUrl(), ready.embeddedPostgres(), ready.postgresDataDirectory(),
                ready.services(), true, ready.postgresPid(), ready.postgresRestarts(), null));

        JsonObject json = JsonParser.parseString(print(settings, true).text()).getAsJsonObject();
        assertEquals("https://localhost:19093/", json.get("console").getAsString());
    }

    @Test
    void nothingRunningHasNoConsole(@TempDir Path state) {
        JsonObject json = JsonParser.parseString(print(settings(state), true).text()).getAsJsonObject();
        assertTrue(!json.get("running").getAsBoolean() && !json.has("console"), json.toString());
    }

    @Test
    void aProcessGivenUpOnIsShownAsSuchAndStatusExitsWithOne(@TempDir Path state) throws Exception {
        SuiteSettings settings = settings(state);
        long alive = ProcessHandle.current().pid();
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        new RunStateFile(settings.runDirectory()).write(running(alive)
                .withServices(List.of(new RunState.RunningService("nlp-service", finished.pid(), PortCheck.freePort(), PortCheck.freePort(),
                        "/logs/nlp-service.log",
                        new RunState.Restarts(5, "2026-12-07T03:09:00Z", "exited with code 1", true, GAVE_UP)))));

        Printed status = print(settings, false);
        assertEquals(StatusCommand.GAVE_UP, status.exitStatus());
        assertTrue(status.text().lines().anyMatch(line -> line.startsWith("nlp-service") && line.contains("GIVEN UP")),
                status.text());
        assertTrue(status.text().contains("nlp-service: GIVEN UP after restarting it 5 times. At 2026-12-07T03:09:00Z it"
                + " exited with code 1; " + GAVE_UP + ". Find the cause in its log, then run ./newsroom down and"
                + " ./newsroom up."), status.text());

        Printed json = print(settings, true);
        assertEquals(StatusCommand.GAVE_UP, json.exitStatus(), "--json exits the same way");
        JsonObject nlp = JsonParser.parseString(json.text()).getAsJsonObject()
                .getAsJsonArray("services").get(0).getAsJsonObject();
        assertEquals("GIVEN UP", nlp.get("health").getAsString());
        assertTrue(nlp.getAsJsonObject("restarts").get("givenUp").getAsBoolean());
        assertEquals(GAVE_UP, nlp.getAsJsonObject("restarts").get("givenUpWhy").getAsString());
    }

    @Test
    void aDeadServiceTheSupervisorWillRestartIsShownRestarting(@TempDir Path state) throws Exception {
        SuiteSettings settings = settings(state);
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        new RunStateFile(settings.runDirectory()).write(running(ProcessHandle.current().pid())
                .withServices(List.of(new RunState.RunningService("query-service", finished.pid(), PortCheck.freePort(), PortCheck.freePort(),
                        "/logs/query-service.log", new RunState.Restarts(0, "2026-12-07T03:09:00Z", KILLED, false, null)))));
        Printed status = print(settings, false);
        assertEquals(0, status.exitStatus());
        assertTrue(status.text().lines().anyMatch(line -> line.startsWith("query-service") && line.contains("RESTARTING")),
                status.text());
        assertTrue(status.text().contains("query-service: restarting. At 2026-12-07T03:09:00Z it " + KILLED + "."),
                status.text());
    }

    private static SuiteSettings settings(Path state) {
        return new SuiteSettings(Path.of("/repo"), state, 54329, new ServicePorts(9091, 9092, 9093, 9191, 9192, 9193), Optional.empty());
    }

    private static RunState running(long supervisorPid) {
        return RunState.starting(supervisorPid, "starting")
                .withDatabase("jdbc:postgresql://localhost:54329/newsroom", true, "/state/pgdata")
                .withPhase(RunState.Phase.READY, "ready");
    }

    private record Printed(int exitStatus, String text) {
    }

    private static Printed print(SuiteSettings settings, boolean json) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        int exitStatus = StatusCommand.print(settings, json, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return new Printed(exitStatus, bytes.toString(StandardCharsets.UTF_8));
    }
}
