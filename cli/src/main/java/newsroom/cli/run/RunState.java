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
 */
public record RunState(
        Phase phase,
        long supervisorPid,
        String message,
        String databaseUrl,
        boolean embeddedPostgres,
        String postgresDataDirectory,
        List<RunningService> services,
        boolean tls) {

    public enum Phase { STARTING, READY, FAILED }

    /** One service process: gRPC on {@code port}, health and metrics on {@code adminPort}. */
    public record RunningService(String name, long pid, int port, int adminPort, String logFile) {
    }

    public RunState {
        services = services == null ? List.of() : List.copyOf(services);
    }

    public static RunState starting(long supervisorPid, String message) {
        return new RunState(Phase.STARTING, supervisorPid, message, null, false, null, List.of(), false);
    }

    public RunState withPhase(Phase newPhase, String newMessage) {
        return new RunState(newPhase, supervisorPid, newMessage, databaseUrl, embeddedPostgres,
                postgresDataDirectory, services, tls);
    }

    public RunState withDatabase(String url, boolean embedded, String dataDirectory) {
        return new RunState(phase, supervisorPid, message, url, embedded, dataDirectory, services, tls);
    }

    public RunState withServices(List<RunningService> newServices) {
        return new RunState(phase, supervisorPid, message, databaseUrl, embeddedPostgres,
                postgresDataDirectory, newServices, tls);
    }

    public RunState withTls(boolean on) {
        return new RunState(phase, supervisorPid, message, databaseUrl, embeddedPostgres,
                postgresDataDirectory, services, on);
    }

    /** Whether the supervisor that wrote this state is still running. */
    public boolean supervisorAlive() {
        return ProcessHandle.of(supervisorPid).map(ProcessHandle::isAlive).orElse(false);
    }
}
