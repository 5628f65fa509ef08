package newsroom.cli.run;

import java.io.IOException;

/** One of a {@link Suite}'s services, as the supervisor keeps it running. */
final class SupervisedService implements Supervised {

    private static final int LOG_LINES = 20;

    private final Suite suite;
    private ServiceProcess process;

    SupervisedService(Suite suite, ServiceProcess process) {
        this.suite = suite;
        this.process = process;
    }

    /** The service's current process. */
    ServiceProcess process() {
        return process;
    }

    @Override
    public String name() {
        return process.name();
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
        return ExitStatus.describe(process.exitCode(), process.logTail(LOG_LINES));
    }

    @Override
    public String logTail() {
        return process.logTail(LOG_LINES);
    }

    @Override
    public void restart(String why) throws IOException {
        process = suite.restart(process, why);
    }
}
