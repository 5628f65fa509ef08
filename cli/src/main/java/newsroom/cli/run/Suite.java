package newsroom.cli.run;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.BooleanSupplier;
import newsroom.auth.tls.ServerTlsConfigSource;
import newsroom.auth.tls.TlsFiles;
import newsroom.cli.credentials.ClientTls;
import newsroom.cli.credentials.LocalCredentials;
import newsroom.cli.grpc.Endpoint;
import newsroom.cli.grpc.ServiceChannel;

/**
 * The services of one running suite, sharing one database and one set of ports:
 * starts them as processes, waits until they are ready, and stops them.
 */
public final class Suite implements AutoCloseable {

    /** Told which services are not ready yet while {@link #awaitReady} waits. */
    @FunctionalInterface
    public interface Progress {
        void waiting(List<String> notReady, Duration elapsed);
    }

    /**
     * ingest-service's setting that lets sources resolve to loopback, link-local and private
     * addresses (docs/sources.md). The suite on a user's machine turns it on: feeds on that
     * machine or the office intranet are the user's own, and nobody else can add sources to
     * it. The Kubernetes overlays keep it off.
     */
    static final String ALLOW_PRIVATE_ADDRESSES = "NEWSROOM_SOURCES_ALLOW_PRIVATE_ADDRESSES";

    private static final Duration STOP_GRACE = Duration.ofSeconds(30);
    private static final Duration POLL_INTERVAL = Duration.ofMillis(500);

    private final Path home;
    private final DatabaseConnection database;
    private final ServicePorts ports;
    private final Path logDirectory;
    private final LocalCredentials credentials;
    private final Optional<TlsFiles> tls;
    private final List<ServiceProcess> started = new ArrayList<>();

    /**
     * @param home         the repository; each service's jar is under its module's target/quarkus-app
     * @param logDirectory where each service's log goes, as {@code <service>.log}
     * @param credentials  the API keys the services accept and send ({@link #channel} uses the client's)
     * @param tls          the certificate the services serve and the CA their clients trust; plaintext if empty
     */
    public Suite(Path home, DatabaseConnection database, ServicePorts ports, Path logDirectory,
                 LocalCredentials credentials, Optional<TlsFiles> tls) {
        this.home = home;
        this.database = database;
        this.ports = ports;
        this.logDirectory = logDirectory;
        this.credentials = credentials;
        this.tls = tls;
    }

    /** A plaintext suite. */
    public Suite(Path home, DatabaseConnection database, ServicePorts ports, Path logDirectory,
                 LocalCredentials credentials) {
        this(home, database, ports, logDirectory, credentials, Optional.empty());
    }

    /**
     * A suite whose API keys live beside its logs, in {@code <logDirectory>/../credentials}
     * (generated on first use): what tests and benchmarks use.
     */
    public Suite(Path home, DatabaseConnection database, ServicePorts ports, Path logDirectory) throws IOException {
        this(home, database, ports, logDirectory,
                LocalCredentials.ensure(logDirectory.toAbsolutePath().resolveSibling("credentials")));
    }

    public LocalCredentials credentials() {
        return credentials;
    }

    /**
     * A channel to one of this suite's services on localhost that sends the key the CLI
     * sends it ({@link LocalCredentials#cliKey}): how tests and benchmarks call the services they started.
     */
    public ServiceChannel channel(Service service) throws IOException {
        return ServiceChannel.open(Endpoint.of(service.displayName(), "localhost:" + ports.of(service)),
                Optional.of(credentials.cliKey(service)), tls.map(TlsFiles::ca));
    }

    public ServiceProcess start(Service service) throws IOException {
        ServiceProcess process = ServiceProcess.start(specOf(service));
        synchronized (started) {
            started.add(process);
        }
        return process;
    }

    /**
     * Starts a service again in place of its process that ended ({@link ServiceProcess#startAgain}):
     * {@link #processes} and {@link #close} then mean the new one.
     */
    public ServiceProcess restart(ServiceProcess ended, String why) throws IOException {
        ServiceProcess process = ended.startAgain(why);
        synchronized (started) {
            started.set(started.indexOf(ended), process);
        }
        return process;
    }

    /** What {@link #start} runs for a service. */
    public ServiceProcess.Spec specOf(Service service) {
        return specOf(service, System.getenv());
    }

    /**
     * What {@link #start} runs for a service started from {@code inherited}, the environment
     * its process inherits: a setting the user made there is not overridden.
     */
    ServiceProcess.Spec specOf(Service service, Map<String, String> inherited) {
        Map<String, String> environment = new LinkedHashMap<>(ports.asEnvironment());
        if (service == Service.INGEST && !inherited.containsKey(ALLOW_PRIVATE_ADDRESSES)) {
            environment.put(ALLOW_PRIVATE_ADDRESSES, "true");
        }
        environment.put("NEWSROOM_NLP_HOST", "localhost");
        environment.putAll(database.environmentOf(service));
        environment.putAll(credentials.serviceEnvironment());
        tls.ifPresent(files -> {
            environment.put(ServerTlsConfigSource.CERT_FILE, files.certificate().toString());
            environment.put(ServerTlsConfigSource.KEY_FILE, files.privateKey().toString());
            environment.put(ClientTls.CA_FILE, files.ca().toString());
        });
        return new ServiceProcess.Spec(service.displayName(), service.jar(home), ports.of(service),
                ports.adminOf(service), service.jvmOptions(), environment, logDirectory.resolve(service.displayName() + ".log"));
    }

    /**
     * Waits until every one of {@code processes} answers ready.
     *
     * @param cancelled checked between polls; when it turns true the wait ends with an exception
     * @throws ServiceStartException when a process exits, {@code timeout} passes or the wait is cancelled
     */
    public void awaitReady(Collection<ServiceProcess> processes, Duration timeout, Progress progress,
                           BooleanSupplier cancelled) throws ServiceStartException {
        long start = System.nanoTime();
        ReadinessProbe probe = new ReadinessProbe();
        List<ServiceProcess> waiting = new ArrayList<>(processes);
        while (true) {
            for (ServiceProcess process : waiting) {
                if (!process.isAlive()) {
                    throw new ServiceStartException(process.name(), process.name() + " exited with code "
                            + process.exitCode() + " before it was ready; see its log: " + process.spec().logFile(),
                            process.spec().logFile());
                }
            }
            waiting.removeIf(process -> process.isReady(probe));
            Duration elapsed = Duration.ofNanos(System.nanoTime() - start);
            if (waiting.isEmpty()) {
                return;
            }
            if (elapsed.compareTo(timeout) > 0) {
                ServiceProcess late = waiting.get(0);
                throw new ServiceStartException(late.name(), late.name() + " was not ready after "
                        + timeout.toSeconds() + " s; see its log: " + late.spec().logFile(), late.spec().logFile());
            }
            if (cancelled.getAsBoolean()) {
                throw new ServiceStartException(waiting.get(0).name(), "start cancelled", waiting.get(0).spec().logFile());
            }
            progress.waiting(waiting.stream().map(ServiceProcess::name).toList(), elapsed);
            try {
                Thread.sleep(POLL_INTERVAL.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new ServiceStartException(waiting.get(0).name(), "interrupted", waiting.get(0).spec().logFile());
            }
        }
    }

    /** The processes started so far, in start order. */
    public List<ServiceProcess> processes() {
        synchronized (started) {
            return List.copyOf(started);
        }
    }

    /**
     * Stops every started service: ingest-service first, so its worker stops claiming
     * articles before nlp-service goes away, then the others together.
     */
    @Override
    public void close() {
        List<ServiceProcess> others = new ArrayList<>();
        for (ServiceProcess process : processes()) {
            if (process.name().equals(Service.INGEST.displayName())) {
                process.stop(STOP_GRACE);
            } else {
                others.add(process);
            }
        }
        List<Thread> stoppers = new ArrayList<>();
        for (ServiceProcess process : others) {
            Thread stopper = new Thread(() -> process.stop(STOP_GRACE), "stop-" + process.name());
            stopper.start();
            stoppers.add(stopper);
        }
        for (Thread stopper : stoppers) {
            try {
                stopper.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
