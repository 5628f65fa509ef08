package newsroom.cli.run;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import newsroom.auth.tls.TlsFiles;

/**
 * Everything {@code newsroom up} needs to know, read from the environment with the
 * documented defaults.
 *
 * @param home          the repository, where the services' jars are built
 * @param stateDirectory data, logs and run state ({@code ~/.newsroom})
 * @param postgresPort  the port of the embedded PostgreSQL
 * @param ports         the services' ports
 * @param externalDatabase the server named by NEWSROOM_DB_URL, if any; else the embedded one is used
 * @param tls           whether the services speak TLS with a local CA (NEWSROOM_TLS=true, or {@code up --tls})
 * @param restartPolicy when the supervisor restarts a service or PostgreSQL that died (NEWSROOM_RESTART_*)
 * @param readyTimeout  how long {@code up} waits for every service to be ready (NEWSROOM_READY_TIMEOUT)
 * @param replica       whether a streaming replica of the embedded PostgreSQL serves query-service's reads
 *                      (NEWSROOM_REPLICA=true, or {@code up --replica})
 * @param replicaPort   the replica's port (NEWSROOM_PG_REPLICA_PORT)
 */
public record SuiteSettings(
        Path home,
        Path stateDirectory,
        int postgresPort,
        ServicePorts ports,
        Optional<DatabaseConnection> externalDatabase,
        boolean tls,
        RestartPolicy restartPolicy,
        Duration readyTimeout,
        boolean replica,
        int replicaPort) {

    /** nlp-service loads its models in about 11 s on a quiet 2-core machine; a busy CI machine needs many times that. */
    public static final Duration DEFAULT_READY_TIMEOUT = Duration.ofSeconds(180);

    /** Settings without TLS, restarting as {@link RestartPolicy#DEFAULT} does, with the default ready timeout. */
    public SuiteSettings(Path home, Path stateDirectory, int postgresPort, ServicePorts ports,
                         Optional<DatabaseConnection> externalDatabase) {
        this(home, stateDirectory, postgresPort, ports, externalDatabase, false, RestartPolicy.DEFAULT,
                DEFAULT_READY_TIMEOUT, false, DEFAULT_REPLICA_PORT);
    }

    public static final int DEFAULT_POSTGRES_PORT = 54329;
    public static final int DEFAULT_REPLICA_PORT = 54330;

    public static SuiteSettings fromEnvironment(Map<String, String> environment, Path defaultHome) {
        Path home = Path.of(EnvironmentValues.text(environment, "NEWSROOM_HOME", defaultHome.toString()));
        Path stateDirectory = Path.of(EnvironmentValues.text(environment, "NEWSROOM_STATE_DIR",
                Path.of(System.getProperty("user.home"), ".newsroom").toString()));
        Optional<DatabaseConnection> external = Optional.ofNullable(environment.get("NEWSROOM_DB_URL"))
                .filter(url -> !url.isBlank())
                .map(url -> DatabaseConnection.oneLogin(url,
                        EnvironmentValues.text(environment, "NEWSROOM_DB_USER", "postgres"),
                        environment.getOrDefault("NEWSROOM_DB_PASSWORD", "")));
        return new SuiteSettings(
                home.toAbsolutePath().normalize(),
                stateDirectory.toAbsolutePath().normalize(),
                EnvironmentValues.port(environment, "NEWSROOM_PG_PORT", DEFAULT_POSTGRES_PORT),
                ServicePorts.fromEnvironment(environment),
                external,
                Boolean.parseBoolean(EnvironmentValues.text(environment, "NEWSROOM_TLS", "false").strip()),
                RestartPolicy.fromEnvironment(environment),
                EnvironmentValues.duration(environment, "NEWSROOM_READY_TIMEOUT", DEFAULT_READY_TIMEOUT),
                Boolean.parseBoolean(EnvironmentValues.text(environment, "NEWSROOM_REPLICA", "false").strip()),
                EnvironmentValues.port(environment, "NEWSROOM_PG_REPLICA_PORT", DEFAULT_REPLICA_PORT));
    }

    public SuiteSettings withTls(boolean on) {
        return new SuiteSettings(home, stateDirectory, postgresPort, ports, externalDatabase, on, restartPolicy,
                readyTimeout, replica, replicaPort);
    }

    public SuiteSettings withReplica(boolean on) {
        return new SuiteSettings(home, stateDirectory, postgresPort, ports, externalDatabase, tls, restartPolicy,
                readyTimeout, on, replicaPort);
    }

    public Path logDirectory() {
        return stateDirectory.resolve("logs");
    }

    /** The suite's API keys ({@link newsroom.cli.credentials.LocalCredentials}). */
    public Path credentialsDirectory() {
        return stateDirectory.resolve("credentials");
    }

    /** The local CA and the services' certificate, made by {@code up} when {@link #tls} is on. */
    public TlsFiles tlsFiles() {
        return TlsFiles.in(credentialsDirectory().resolve("tls"));
    }

    public Path runDirectory() {
        return stateDirectory.resolve("run");
    }

    public Path postgresDataDirectory() {
        return stateDirectory.resolve("pgdata");
    }

    /** The data directory of the embedded server's streaming replica ({@link #replica}). */
    public Path replicaDataDirectory() {
        return stateDirectory.resolve("pgdata-replica");
    }

    public Path logFile(String processName) {
        return logDirectory().resolve(processName + ".log");
    }
}
