package newsroom.cli.run;

import java.io.IOException;

/**
 * A process the supervisor keeps running ({@link ProcessWatch}): one of the services
 * ({@link SupervisedService}) or the embedded PostgreSQL server ({@link SupervisedPostgres}).
 */
interface Supervised {

    /** What people call it: "nlp-service", "PostgreSQL". */
    String name();

    /** The current process. */
    long pid();

    boolean isAlive();

    /** How the process ended, in words ("killed by signal 9 (SIGKILL)"); asked only once it has. */
    String howItEnded();

    /** The last lines of its own log, to show with a death; empty when it has none of its own. */
    String logTail();

    /**
     * Starts it again, as the supervisor first started it, in place of the process that ended.
     *
     * @param why what happened to the old process, for its log
     */
    void restart(String why) throws IOException;
}
