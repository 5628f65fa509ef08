package newsroom.cli.run;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps one {@link Supervised} process running: notices when it has died, says how in the
 * supervisor's log (with the last lines of its own log), restarts it when the
 * {@link RestartPolicy} says so, and gives up when that says so. The supervisor's loop drives
 * it ({@link #check}); it never waits for a backoff itself, so one watch cannot hold up another.
 */
final class ProcessWatch {

    private final Supervised process;
    private final RestartPolicy policy;
    private final PrintStream log;
    /** When the process was restarted: what the policy judges a new death by. */
    private final List<Instant> restartTimes = new ArrayList<>();
    /** While a restart waits out its backoff, when it is due; else null. */
    private Instant restartDue;
    private RunState.Restarts restarts = RunState.Restarts.NONE;

    ProcessWatch(Supervised process, RestartPolicy policy, PrintStream log) {
        this.process = process;
        this.policy = policy;
        this.log = log;
    }

    /** What the supervisor did so far, for the run state. */
    RunState.Restarts restarts() {
        return restarts;
    }

    /** True while the process is down and a restart is due (now or after its backoff). */
    boolean restartPending() {
        return restartDue != null;
    }

    /**
     * Looks at the process once: notices a death, or restarts the process when its backoff is over.
     *
     * @param mayRestart false to hold a due restart back for now (a service while PostgreSQL,
     *                   which it needs to start, is itself waiting for its restart)
     * @return true when something {@link #restarts()} or the pid shows has changed
     */
    boolean check(Instant now, boolean mayRestart) {
        if (restarts.givenUp()) {
            return false;
        }
        if (restartDue == null) {
            if (process.isAlive()) {
                return false;
            }
            died(now, process.howItEnded(), process.logTail());
            return true;
        }
        if (now.isBefore(restartDue) || !mayRestart) {
            return false;
        }
        restartDue = null;
        restartTimes.add(now);
        restartTimes.removeIf(time -> time.isBefore(now.minus(policy.window())));
        restarts = new RunState.Restarts(restarts.count() + 1, restarts.lastAt(), restarts.lastReason(), false, null);
        try {
            process.restart(restarts.lastReason());
            log.println(timestamp(now) + process.name() + " restarted (pid " + process.pid() + ", restart "
                    + restarts.count() + " since up).");
        } catch (IOException | RuntimeException e) {
            String message = e.getMessage() == null ? e.toString() : e.getMessage();
            died(now, "could not be restarted: " + message, "");
        }
        return true;
    }

    private void died(Instant now, String how, String logTail) {
        StringBuilder report = new StringBuilder(timestamp(now)).append(process.name())
                .append(" (pid ").append(process.pid()).append(") ").append(how).append('.');
        RestartPolicy.Decision decision = policy.afterDeath(restartTimes, now);
        if (decision instanceof RestartPolicy.RestartAfter restart) {
            restartDue = now.plus(restart.delay());
            restarts = new RunState.Restarts(restarts.count(), timestamp(now).strip(), how, false, null);
            report.append(" Restarting it in ").append(EnvironmentValues.describe(restart.delay())).append('.');
        } else if (decision instanceof RestartPolicy.GiveUp giveUp) {
            restarts = new RunState.Restarts(restarts.count(), timestamp(now).strip(), how, true, giveUp.why());
            report.append(" Not restarting it again: ").append(giveUp.why())
                    .append(". Find the cause in its log, then run ./newsroom down and ./newsroom up.");
        }
        if (!logTail.isBlank()) {
            report.append(System.lineSeparator()).append("  last lines of its log:");
            logTail.lines().forEach(line -> report.append(System.lineSeparator()).append("  | ").append(line));
        }
        log.println(report);
        log.flush();
    }

    private static String timestamp(Instant now) {
        return now.truncatedTo(ChronoUnit.SECONDS) + " ";
    }
}
