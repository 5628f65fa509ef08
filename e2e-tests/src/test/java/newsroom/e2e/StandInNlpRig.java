package newsroom.e2e;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import newsroom.cli.grpc.Endpoint;
import newsroom.cli.grpc.ServiceChannel;
import newsroom.cli.run.DatabaseConnection;
import newsroom.cli.run.PortCheck;
import newsroom.cli.run.Service;
import newsroom.cli.run.ServicePorts;
import newsroom.cli.run.ServiceProcess;
import newsroom.cli.run.Suite;
import newsroom.localpostgres.DatabaseRole;
import newsroom.localpostgres.LocalPostgres;

/**
 * What the fault tests (and the sources benchmark, through this module's test jar) run:
 * ingest-service as a real process (its built jar, started as the
 * suite starts it) on a real PostgreSQL, calling a {@link CountingNlpService} stand-in on a
 * port of its own. Each part can be killed, stopped and started again; {@link #close} stops
 * whatever is still running.
 */
public final class StandInNlpRig implements AutoCloseable {

    private static final Path HOME = SuiteUnderTest.HOME;
    private static final Path LOGS = SuiteUnderTest.LOGS;
    /** A bound, not an expectation: a slow CI machine may need all of it. */
    private static final Duration START_LIMIT = Duration.ofMinutes(3);

    private final List<ServiceProcess> processes = new ArrayList<>();
    private final ServicePorts ports;
    private final Suite suite;
    private final StoreContents store;
    private LocalPostgres postgres;
    private CountingNlpService nlp;

    private StandInNlpRig(LocalPostgres postgres) throws IOException {
        this.postgres = postgres;
        this.ports = ServicePorts.free();
        this.suite = new Suite(HOME, DatabaseConnection.of(postgres), ports, LOGS);
        this.store = new StoreContents(postgres.jdbcUrl(), postgres.login(DatabaseRole.READER));
    }

    /** A rig on {@code postgres} (closed with the rig), with a stand-in NLP service taking {@code nlpDelayMillis}. */
    public static StandInNlpRig start(LocalPostgres postgres, int nlpDelayMillis) throws IOException {
        StandInNlpRig rig = new StandInNlpRig(postgres);
        rig.startNlp(nlpDelayMillis);
        return rig;
    }

    /** Starts a fresh stand-in NLP service on the rig's NLP port (after {@link CountingNlpService#crash}). */
    CountingNlpService startNlp(int delayMillis) throws IOException {
        nlp = new CountingNlpService(delayMillis);
        nlp.start(ports.nlp());
        return nlp;
    }

    public CountingNlpService nlp() {
        return nlp;
    }

    public StoreContents store() {
        return store;
    }

    /** The processes started so far, for {@link ServiceLogsOnFailure}. */
    public List<ServiceProcess> processes() {
        return processes;
    }

    /** Stops PostgreSQL (a fast shutdown: connections are cut); {@code restart} brings it back. */
    void stopPostgres() throws IOException {
        postgres.close();
        postgres = null;
    }

    /** Starts PostgreSQL again, with the data directory, passwords and port it had (see {@link #stopPostgres}). */
    void restartPostgres(Path dataDirectory, Path credentialsDirectory, int port) throws IOException {
        postgres = LocalPostgres.start(dataDirectory, credentialsDirectory, port);
    }

    /** Where the logs of the rig's processes go. */
    static Path logs() {
        return LOGS;
    }

    ServiceChannel ingestChannel() throws IOException {
        return suite.channel(Service.INGEST);
    }

    /**
     * Starts ingest-service as the suite would, with short claims and retries (so the articles
     * of a killed worker come due again within seconds) and {@code settings} on top, and waits
     * until it is ready.
     */
    ServiceProcess startIngest(String logName, Map<String, String> settings) throws Exception {
        return startIngest(logName, suite.specOf(Service.INGEST).jvmOptions(), settings);
    }

    /** As {@link #startIngest(String, Map)}, with these JVM options instead of the suite's (a smaller heap). */
    ServiceProcess startIngest(String logName, List<String> jvmOptions, Map<String, String> settings)
            throws Exception {
        ServiceProcess.Spec spec = suite.specOf(Service.INGEST);
        ServiceProcess process = launchIngest(logName, jvmOptions, spec.port(), spec.adminPort(), settings);
        awaitReady(List.of(process));
        return process;
    }

    /**
     * Starts one ingest-service replica per entry of {@code settingsByLogName} (its log's name,
     * the settings it gets on top of {@link #startIngest}'s), all on the rig's one store but each
     * on gRPC and admin ports of its own, and waits until all are ready. {@link #channelTo} calls one.
     */
    public List<ServiceProcess> startIngestReplicas(Map<String, Map<String, String>> settingsByLogName) throws Exception {
        List<ServiceProcess> replicas = new ArrayList<>();
        for (Map.Entry<String, Map<String, String>> replica : settingsByLogName.entrySet()) {
            replicas.add(launchIngest(replica.getKey(), suite.specOf(Service.INGEST).jvmOptions(),
                    PortCheck.freePort(), PortCheck.freePort(), replica.getValue()));
        }
        awaitReady(replicas);
        return replicas;
    }

    /** A channel to one ingest-service process of the rig, sending the CLI's key (writer and reader). */
    public ServiceChannel channelTo(ServiceProcess ingest) throws IOException {
        return ServiceChannel.open(Endpoint.of(ingest.name(), "localhost:" + ingest.port()),
                Optional.of(suite.credentials().cliKey(Service.INGEST)));
    }

    private ServiceProcess launchIngest(String logName, List<String> jvmOptions, int port, int adminPort,
                                        Map<String, String> settings) throws IOException {
        ServiceProcess.Spec spec = suite.specOf(Service.INGEST);
        Map<String, String> environment = new LinkedHashMap<>(spec.environment());
        environment.put(Service.INGEST.portVariable(), Integer.toString(port));
        environment.put(Service.INGEST.adminPortVariable(), Integer.toString(adminPort));
        environment.put("NEWSROOM_INGEST_NLP_DEADLINE", "5s");
        environment.put("NEWSROOM_INGEST_WRITE_MARGIN", "2s");
        environment.put("NEWSROOM_INGEST_INITIAL_BACKOFF", "200ms");
        environment.put("NEWSROOM_INGEST_MAX_BACKOFF", "1s");
        environment.putAll(settings);
        ServiceProcess process = ServiceProcess.start(new ServiceProcess.Spec(spec.name(), spec.jar(), port, adminPort,
                jvmOptions, environment, LOGS.resolve(logName + ".log")));
        processes.add(process);
        return process;
    }

    private void awaitReady(List<ServiceProcess> starting) throws Exception {
        suite.awaitReady(starting, START_LIMIT, (notReady, elapsed) -> { }, () -> false);
    }

    @Override
    public void close() throws Exception {
        for (ServiceProcess process : processes) {
            process.stop(Duration.ofSeconds(20));
        }
        if (nlp != null) {
            nlp.crash();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
