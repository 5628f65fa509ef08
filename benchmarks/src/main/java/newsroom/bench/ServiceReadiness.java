package newsroom.bench;

import java.time.Duration;
import java.time.Instant;
import newsroom.cli.run.ReadinessProbe;
import newsroom.cli.run.ServiceProcess;

/** Waiting for a service a benchmark started to become ready, as every benchmark that starts one does. */
public final class ServiceReadiness {

    private ServiceReadiness() {
    }

    /**
     * Asks the service whether it is ready every {@code poll} until it is; a service that dies or is
     * not ready within {@code timeout} is reported with the end of its log.
     */
    public static void await(ServiceProcess service, String name, ReadinessProbe probe, Duration timeout, Duration poll)
            throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (!service.isReady(probe)) {
            if (!service.isAlive() || Instant.now().isAfter(deadline)) {
                throw new IllegalStateException(name + " did not become ready:\n" + service.logTail(30));
            }
            Thread.sleep(poll.toMillis());
        }
    }
}
