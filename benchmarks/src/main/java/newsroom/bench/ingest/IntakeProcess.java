package newsroom.bench.ingest;

import io.grpc.Channel;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import newsroom.cli.grpc.ServiceChannel;
import newsroom.cli.run.DatabaseConnection;
import newsroom.cli.run.Service;
import newsroom.cli.run.ServicePorts;
import newsroom.cli.run.ServiceProcess;
import newsroom.cli.run.ServiceStartException;
import newsroom.cli.run.Suite;

/**
 * ingest-service as a real process ({@code java -jar}) that accepts articles without analysing
 * them: started as {@code newsroom up} starts it ({@link Suite}, on free ports), with its analysis
 * worker switched off, so that no NLP service is needed and the articles stay ACCEPTED.
 *
 * <p>{@code -Dingest.jvmOptions="..."} adds options to its JVM, after those {@code newsroom up}
 * gives it (for profiling: a flight recording, GC logging, another GC).
 */
public final class IntakeProcess implements AutoCloseable {

    private final ServiceProcess process;
    private final ServiceChannel channel;

    private IntakeProcess(ServiceProcess process, ServiceChannel channel) {
        this.process = process;
        this.channel = channel;
    }

    /**
     * Starts ingest-service on {@code database} and waits until it is ready (it migrates the
     * store first, as the owner).
     *
     * @param home         the repository, whose ingest-service/target/quarkus-app holds the service
     * @param logDirectory where its log goes; its API keys are kept beside it, in {@code ../credentials}
     * @param settings     environment variables of the service's own, over {@code newsroom up}'s
     */
    public static IntakeProcess start(Path home, DatabaseConnection database, Path logDirectory,
                                      Map<String, String> settings) throws IOException, ServiceStartException {
        Suite suite = new Suite(home, database, ServicePorts.free(), logDirectory);
        ServiceProcess.Spec spec = suite.specOf(Service.INGEST);
        Map<String, String> environment = new LinkedHashMap<>(spec.environment());
        environment.put("NEWSROOM_INGEST_WORKER_ENABLED", "false");
        environment.putAll(settings);
        List<String> jvmOptions = new ArrayList<>(spec.jvmOptions());
        String extraOptions = System.getProperty("ingest.jvmOptions", "").strip();
        if (!extraOptions.isEmpty()) {
            jvmOptions.addAll(List.of(extraOptions.split("\\s+")));
        }
        System.out.println("ingest-service JVM options: " + String.join(" ", jvmOptions));
        ServiceProcess process = ServiceProcess.start(new ServiceProcess.Spec(spec.name(), spec.jar(), spec.port(),
                spec.adminPort(), jvmOptions, environment, spec.logFile()));
        try {
            suite.awaitReady(List.of(process), Duration.ofMinutes(3), (notReady, elapsed) -> { }, () -> false);
            return new IntakeProcess(process, suite.channel(Service.INGEST));
        } catch (IOException | ServiceStartException | RuntimeException e) {
            process.stop(Duration.ofSeconds(30));
            throw e;
        }
    }

    /** A channel to the service that sends the key the CLI sends it. */
    public Channel channel() {
        return channel.channel();
    }

    public long pid() {
        return process.pid();
    }

    @Override
    public void close() {
        channel.close();
        process.stop(Duration.ofSeconds(30));
    }
}
