package newsroom.cli.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The supervisor's watch over real processes (small shell commands standing in for a
 * service): a process killed with SIGKILL is restarted after its backoff, one that keeps
 * dying is given up on, and the log says what happened each time. The clock is passed in,
 * so the backoffs are checked exactly and the test waits for nothing but the processes.
 */
class ProcessWatchTest {

    private static final Instant T0 = Instant.parse("2026-12-07T03:00:00Z");
    private static final RestartPolicy POLICY =
            new RestartPolicy(Duration.ofSeconds(1), Duration.ofSeconds(30), 3, Duration.ofMinutes(10));

    private final ByteArrayOutputStream logged = new ByteArrayOutputStream();
    private final PrintStream log = new PrintStream(logged, true, StandardCharsets.UTF_8);
    private final List<CommandProcess> started = new ArrayList<>();

    @AfterEach
    void stopWhatIsLeft() {
        started.forEach(CommandProcess::destroy);
    }

    @Test
    void aKilledProcessIsRestartedOnceItsBackoffIsOverAndTheLogSaysWhy() throws Exception {
        CommandProcess service = start("sleep 600");
        ProcessWatch watch = new ProcessWatch(service, POLICY, log);
        assertFalse(watch.check(T0, true), "nothing to do while it runs");

        long killed = service.pid();
        service.killWithSigkill();
        assertTrue(watch.check(T0, true), "the death is noticed");
        assertTrue(watch.restartPending());
        assertEquals(new RunState.Restarts(0, "2026-12-07T03:00:00Z",
                "was killed by signal 9 (SIGKILL): kill -9, or the kernel's out-of-memory killer", false, null), watch.restarts());
        assertTrue(logged().contains("2026-12-07T03:00:00Z sleep 600 (pid " + killed + ") was killed by signal 9 (SIGKILL)"),
                logged());
        assertTrue(logged().contains("Restarting it in 1 s."), logged());

        assertFalse(watch.check(T0.plusMillis(999), true), "the backoff is not over");
        assertEquals(killed, service.pid());
        assertTrue(watch.check(T0.plusSeconds(1), true), "restarted once the backoff is over");
        assertNotEquals(killed, service.pid());
        assertTrue(service.isAlive());
        assertFalse(watch.restartPending());
        assertEquals(1, watch.restarts().count());
        assertTrue(logged().contains("sleep 600 restarted (pid " + service.pid() + ", restart 1 since up)."), logged());
        assertEquals(List.of("was killed by signal 9 (SIGKILL): kill -9, or the kernel's out-of-memory killer"),
                service.restartReasons, "the process is told why, for its own log");

        // Killed again soon: the backoff doubles.
        service.killWithSigkill();
        assertTrue(watch.check(T0.plusSeconds(5), true));
        assertFalse(watch.check(T0.plusSeconds(6), true));
        assertTrue(watch.check(T0.plusSeconds(7), true));
        assertEquals(2, watch.restarts().count());
        assertTrue(service.isAlive());
    }

    @Test
    void aProcessThatKeepsDyingIsGivenUpOnAndLeftDown() throws Exception {
        CommandProcess service = start("echo 'cannot open the model files' >&2; exit 3");
        ProcessWatch watch = new ProcessWatch(service, POLICY, log);
        Instant now = T0;
        List<Long> backoffs = new ArrayList<>();
        while (!watch.restarts().givenUp()) {
            service.awaitExit();
            assertTrue(watch.check(now, true), "the death is noticed");
            if (watch.restartPending()) {
                Instant died = now;
                while (watch.restartPending()) {
                    now = now.plusMillis(100);
                    watch.check(now, true);
                }
                backoffs.add(Duration.between(died, now).toMillis());
            }
            assertTrue(watch.restarts().count() <= POLICY.maxRestarts(), "never more restarts than the limit");
        }
        assertEquals(List.of(1000L, 2000L, 4000L), backoffs);
        RunState.Restarts restarts = watch.restarts();
        assertEquals(3, restarts.count());
        assertTrue(restarts.givenUp());
        assertEquals("exited with code 3", restarts.lastReason());
        assertEquals("3 restarts within 10 min did not keep it running (NEWSROOM_RESTART_LIMIT, NEWSROOM_RESTART_WINDOW)",
                restarts.givenUpWhy());
        assertTrue(logged().contains("exited with code 3. Not restarting it again: 3 restarts within 10 min did not keep"
                + " it running (NEWSROOM_RESTART_LIMIT, NEWSROOM_RESTART_WINDOW). Find the cause in its log,"
                + " then run ./newsroom down and ./newsroom up."), logged());
        assertTrue(logged().contains("  | cannot open the model files"), "the last lines of its log come with it: " + logged());

        long last = service.pid();
        assertFalse(watch.check(now.plus(Duration.ofHours(1)), true), "a process given up on stays down");
        assertEquals(last, service.pid());
        assertEquals(3, service.restartReasons.size());
    }

    @Test
    void aDueRestartWaitsWhileItMayNotHappen() throws Exception {
        CommandProcess service = start("sleep 600");
        ProcessWatch watch = new ProcessWatch(service, POLICY, log);
        long killed = service.pid();
        service.killWithSigkill();
        assertTrue(watch.check(T0, false), "a death is noticed even while restarts are held back");
        assertFalse(watch.check(T0.plusSeconds(30), false), "held back: PostgreSQL is not up again yet");
        assertEquals(killed, service.pid());
        assertTrue(watch.check(T0.plusSeconds(31), true));
        assertTrue(service.isAlive());
        assertEquals(1, watch.restarts().count());
    }

    @Test
    void aRestartThatFailsCountsAsADeathOfItsOwn() throws Exception {
        CommandProcess service = start("sleep 600");
        ProcessWatch watch = new ProcessWatch(service, POLICY, log);
        service.killWithSigkill();
        watch.check(T0, true);
        service.failNextRestart = true;
        assertTrue(watch.check(T0.plusSeconds(1), true));
        assertEquals(1, watch.restarts().count());
        assertEquals("could not be restarted: no such command", watch.restarts().lastReason());
        assertTrue(watch.restartPending(), "tried again after a longer backoff");
        assertFalse(watch.check(T0.plusSeconds(2), true));
        assertTrue(watch.check(T0.plusSeconds(3), true));
        assertTrue(service.isAlive());
        assertEquals(2, watch.restarts().count());
    }

    @Test
    void anExitStatusIsPutInWords() {
        assertEquals("exited with code 1", ExitStatus.describe(1, ""));
        assertEquals("was killed by signal 15 (SIGTERM)", ExitStatus.describe(143, ""));
        assertEquals("was killed by signal 11 (SIGSEGV)", ExitStatus.describe(139, ""));
        assertEquals("ran out of memory (exit code 3, \"Terminating due to java.lang.OutOfMemoryError\" in its log)",
                ExitStatus.describe(3, "Terminating due to java.lang.OutOfMemoryError: Java heap space"));
    }

    private CommandProcess start(String command) throws IOException {
        CommandProcess process = new CommandProcess(command);
        started.add(process);
        return process;
    }

    private String logged() {
        return logged.toString(StandardCharsets.UTF_8);
    }

    /** A shell command run as a real child process, started again as it was on restart. */
    private static final class CommandProcess implements Supervised {

        private final String command;
        private final List<String> restartReasons = new ArrayList<>();
        private final StringBuilder output = new StringBuilder();
        private Process process;
        private boolean failNextRestart;

        CommandProcess(String command) throws IOException {
            this.command = command;
            this.process = launch();
        }

        private Process launch() throws IOException {
            return new ProcessBuilder("sh", "-c", command).redirectErrorStream(true).start();
        }

        void killWithSigkill() throws InterruptedException {
            process.destroyForcibly();
            process.waitFor();
        }

        void awaitExit() throws Exception {
            process.waitFor();
            output.append(new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
        }

        void destroy() {
            process.destroyForcibly();
        }

        @Override
        public String name() {
            return command;
        }

        @Override
        public long pid() {
            return process.pid();
        }

        @Override
        public boolean isAlive() {
            return process.isAlive();
        }

        @Override
        public String howItEnded() {
            return ExitStatus.describe(process.exitValue(), logTail());
        }

        @Override
        public String logTail() {
            return output.toString();
        }

        @Override
        public void restart(String why) throws IOException {
            restartReasons.add(why);
            if (failNextRestart) {
                failNextRestart = false;
                throw new IOException("no such command");
            }
            process = launch();
        }
    }
}
