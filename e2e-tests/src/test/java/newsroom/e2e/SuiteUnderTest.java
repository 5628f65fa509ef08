package newsroom.e2e;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import newsroom.auth.tls.TlsFiles;
import newsroom.cli.credentials.LocalCredentials;
import newsroom.cli.grpc.ServiceChannel;
import newsroom.cli.run.DatabaseConnection;
import newsroom.cli.run.Service;
import newsroom.cli.run.ServicePorts;
import newsroom.cli.run.ServiceProcess;
import newsroom.cli.run.Suite;
import newsroom.ingest.v1.ArticleStatus;
import newsroom.ingest.v1.GetIngestStatusRequest;
import newsroom.ingest.v1.GetIngestStatusResponse;
import newsroom.ingest.v1.IngestServiceGrpc;
import newsroom.localpostgres.LocalPostgres;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The suite an IT class runs its tests against: the services' built jars as processes, on a
 * throw-away PostgreSQL, with free ports. Registered as a static extension, it prints the
 * services' logs when a test or the set-up fails and, after the class's own {@code @AfterAll},
 * closes the channels it opened, the processes and PostgreSQL.
 */
final class SuiteUnderTest extends ServiceLogsOnFailure implements AfterAllCallback {

    /** The repository, where the services' jars and the samples are. */
    static final Path HOME = Path.of(System.getProperty("newsroom.home", "..")).toAbsolutePath().normalize();
    /** The sample article the suite tests ingest: Lavrov and Qureshi in Islamabad. */
    static final Path SAMPLE = HOME.resolve("samples/pakistan-russia-2021-04-07.txt");
    /** Where the processes' logs go, below which each class names a folder of its own. */
    static final Path LOGS = Path.of(System.getProperty("newsroom.e2e.logs", "target/e2e-logs"));

    private final List<ServiceChannel> channels = new ArrayList<>();
    private LocalPostgres postgres;
    private ServicePorts ports;
    private Suite suite;

    /** Checks that the services are built and creates the suite, logging to {@code logs}, with none of them started. */
    Suite create(Path logs) throws IOException {
        return create(logs, null, Optional.empty());
    }

    /** As {@link #create(Path)}, with these credentials and, where given, TLS. */
    Suite create(Path logs, LocalCredentials credentials, Optional<TlsFiles> tls) throws IOException {
        for (Service service : Service.values()) {
            assertTrue(Files.isRegularFile(service.jar(HOME)),
                    service.jar(HOME) + " is missing: build the services first (./mvnw verify builds them)");
        }
        postgres = LocalPostgres.startThrowAway();
        ports = ServicePorts.free();
        DatabaseConnection database = DatabaseConnection.of(postgres);
        suite = credentials == null ? new Suite(HOME, database, ports, logs)
                : new Suite(HOME, database, ports, logs, credentials, tls);
        return suite;
    }

    /** Starts {@code services} and waits until they are all ready. */
    List<ServiceProcess> startAndAwait(Duration limit, Service... services) throws Exception {
        List<ServiceProcess> started = new ArrayList<>();
        for (Service service : services) {
            started.add(suite.start(service));
        }
        suite.awaitReady(started, limit, (notReady, elapsed) -> { }, () -> false);
        return started;
    }

    /** A channel to {@code service} as the CLI calls it, closed with the suite. */
    ServiceChannel channel(Service service) throws IOException {
        ServiceChannel channel = suite.channel(service);
        channels.add(channel);
        return channel;
    }

    /** Asks ingest-service every second until the article is ANALYZED or FAILED, and fails after {@code limit}. */
    static GetIngestStatusResponse awaitFinalStatus(ServiceChannel ingest, long articleId, Duration limit)
            throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        GetIngestStatusResponse status;
        do {
            status = IngestServiceGrpc.newBlockingStub(ingest.channel()).withDeadlineAfter(30, TimeUnit.SECONDS)
                    .getIngestStatus(GetIngestStatusRequest.newBuilder().setArticleId(articleId).build());
            if (status.getStatus() == ArticleStatus.ANALYZED || status.getStatus() == ArticleStatus.FAILED) {
                return status;
            }
            Thread.sleep(1000);
        } while (System.nanoTime() < deadline);
        fail("article " + articleId + " was not analysed within " + limit.toMinutes()
                + " min; last status " + status.getStatus() + ", attempts " + status.getAttempts()
                + ", error: " + status.getError());
        return status;
    }

    LocalPostgres postgres() {
        return postgres;
    }

    ServicePorts ports() {
        return ports;
    }

    Suite suite() {
        return suite;
    }

    @Override
    protected List<ServiceProcess> processes() {
        return suite == null ? List.of() : suite.processes();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
        channels.forEach(ServiceChannel::close);
        if (suite != null) {
            suite.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
