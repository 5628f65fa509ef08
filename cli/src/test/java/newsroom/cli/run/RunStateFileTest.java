package newsroom.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunStateFileTest {

    @Test
    void whatIsWrittenIsReadBack(@TempDir Path directory) {
        RunStateFile file = new RunStateFile(directory.resolve("run"));
        RunState state = RunState.starting(ProcessHandle.current().pid(), "starting")
                .withDatabase("jdbc:postgresql://localhost:54329/newsroom", true, "/state/pgdata")
                .withServices(List.of(new RunState.RunningService("nlp-service", 42, 9091, 9191, "/state/logs/nlp-service.log",
                        new RunState.Restarts(2, "2026-12-07T03:00:00Z", "was killed by signal 9 (SIGKILL)", false, null))))
                .withPostgres(43, new RunState.Restarts(5, "2026-12-07T03:05:00Z", "exited", true, "5 restarts within 10 min"))
                .withPhase(RunState.Phase.READY, "ready");
        file.write(state);
        assertEquals(Optional.of(state), file.read());
        assertEquals(Optional.of(state), file.readLive(), "this test's own process is alive");
    }

    @Test
    void aStateWhoseSupervisorIsGoneIsNotLive(@TempDir Path directory) throws Exception {
        Process finished = new ProcessBuilder("true").start();
        finished.waitFor();
        RunStateFile file = new RunStateFile(directory);
        file.write(RunState.starting(finished.pid(), "starting"));
        assertTrue(file.read().isPresent());
        assertEquals(Optional.empty(), file.readLive());
    }

    @Test
    void aMissingOrDamagedFileReadsAsNothing(@TempDir Path directory) throws Exception {
        RunStateFile file = new RunStateFile(directory);
        assertEquals(Optional.empty(), file.read());
        Files.writeString(file.path(), "{not json");
        assertEquals(Optional.empty(), file.read());
    }
}
