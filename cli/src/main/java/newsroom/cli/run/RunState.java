package newsroom.cli.run;

import java.util.List;

/**
 * What {@code newsroom up} started, as the supervisor writes it to
 * {@code $NEWSROOM_STATE_DIR/run/state.json} for {@code up}, {@code status} and {@code down}.
 *
 * @param phase              how far the start got
 * @param supervisorPid      the process that owns PostgreSQL and the services
 * @param message            while STARTING, what is being waited for; when FAILED, why
 * @param databaseUrl        the JDBC URL the services use
 * @param embeddedPostgres   whether the supervisor runs that PostgreSQL itself
 * @param postgresDataDirectory the embedded server's data directory; null for an external server
 * @param services           the running services
 * @param tls                whether the services speak TLS, with the local CA ({@link SuiteSettings#tlsFiles})
 * @param postgresPid        the embedded server's postmaster; 0 for an external server
 * @param postgresRestarts   what the supervisor did when the embedded server died
 * @param replica            the embedded server's streaming replica ({@code up --replica}); null without one
 */
public record RunState(
        Phase phase,
        long supervisorPid,
        String message,
        String databaseUrl,
        boolean embeddedPostgres,
        String postgresDataDirectory,
        List<RunningService> services,
        boolean tls,
        long postgresPid,
        Restarts postgresRestarts,
        Replica replica) {

    public enum Phase { STARTING, READY, FAILED }

    /**
     * One service process: gRPC on {@code port}, health and metrics on {@code adminPort}; and
     * what the supervisor did when it died.
     */
    public record RunningService(String name, long pid, int port, int adminPort, String logFile, Restarts restarts) {

        public RunningService {
            restarts = restarts == null ? Restarts.NONE : restarts;
        }
    }

    /**
     * How the supervisor has kept one process running ({@link ProcessWatch}).
     *
     * @param count      restarts since {@code up}
     * @param lastAt     when the last death was noticed (ISO-8601, UTC); null before the first
     * @param lastReason how the process last died, or why a restart failed; null before the first
     * @param givenUp    true once the supervisor stopped restarting it ({@link RestartPolicy})
     * @param givenUpWhy why it stopped; null unless {@code givenUp}
     */
    public record Restarts(int count, String lastAt, String lastReason, boolean givenUp, String givenUpWhy) {

        public static final Restarts NONE = new Restarts(0, null, null, false, null);
    }

    /**
     * The streaming replica query-service reads from.
     *
     * @param jdbcUrl       its JDBC URL
     * @param pid           its postmaster
     * @param dataDirectory its data directory
     */
    public record Replica(String jdbcUrl, long pid, String dataDirectory) {
    }

    public RunState {
        services = services == null ? List.of() : List.copyOf(services);
        postgresRestarts = postgresRestarts == null ? Restarts.NONE : postgresRestarts;
    }

    public static RunState starting(long supervisorPid, String message) {
        return new RunState(Phase.STARTING, supervisorPid, message, null, false, null, List.of(), false, 0, Restarts.NONE, null);
    }

    public RunState withPhase(Phase newPhase, String newMessage) {
        return new RunState(newPhase, supervisorPid, newMessage, databaseUrl, embeddedPostgres,
                postgresDataDirectory, services, tls, postgresPid, postgresRestarts, replica);
    }

    public RunState withDatabase(String url, boolean embedded, String dataDirectory) {
        return new RunState(phase, supervisorPid, message, url, embedded, dataDirectory, services, tls,
                postgresPid, postgresRestarts, replica);
    }

    public RunState withServices(List<RunningService> newServices) {
        return new RunState(phase, supervisorPid, message, databaseUrl, embeddedPostgres,
                postgresDataDirectory, newServices, tls, postgresPid, postgresRestarts, replica);
    }

    public RunState withTls(boolean on) {
        return new RunState(phase, supervisorPid, message, databaseUrl, embeddedPostgres,
                postgresDataDirectory, services, on, postgresPid, postgresRestarts, replica);
    }

    /** The embedded server's current postmaster and its restarts. */
    public RunState withReplica(Replica newReplica) {
        return new RunState(phase, supervisorPid, message, databaseUrl, embeddedPostgres,
                postgresDataDirectory, services, tls, postgresPid, postgresRestarts, newReplica);
    }

    public RunState withPostgres(long pid, Restarts restarts) {
        return new RunState(phase, supervisorPid, message, databaseUrl, embeddedPostgres,
                postgresDataDirectory, services, tls, pid, restarts, replica);
    }

    /** Whether the supervisor that wrote this state is still running. */
    public boolean supervisorAlive() {
        return ProcessHandle.of(supervisorPid).map(ProcessHandle::isAlive).orElse(false);
    }
}
