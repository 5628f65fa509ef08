package newsroom.query.grpc;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Lets calls do their work a few at a time, in the order they arrived.
 *
 * <p>Without it every call the gRPC server accepts runs at once on its own
 * worker thread, and the calls race for the service's few PostgreSQL
 * connections and for the CPU; a call that loses the race again and again
 * waits several times as long as the average call, and such calls make the
 * 99th percentile (BENCHMARKS.md, issue 5: with 16 callers on 2 cores,
 * GetEntity's p99 went from 19 to 12 ms and ListQuotes' from 36 to 19, with
 * no loss of throughput). Admitted first come, first served, a call waits for
 * the calls ahead of it and no longer.
 *
 * <p>By default one call fewer than the service has connections is admitted
 * at once: an admitted call never waits for a connection, and one is left
 * for the readiness check, which then never waits behind calls.
 */
@ApplicationScoped
public class CallGate {

    private final Semaphore admissions;

    @Inject
    CallGate(@ConfigProperty(name = "newsroom.query.concurrent-calls") Optional<Integer> concurrentCalls,
             @ConfigProperty(name = "quarkus.datasource.jdbc.max-size") int connections) {
        this(concurrentCalls.orElse(Math.max(1, connections - 1)));
    }

    CallGate(int concurrentCalls) {
        if (concurrentCalls < 1) {
            throw new IllegalArgumentException("newsroom.query.concurrent-calls must be at least 1, not " + concurrentCalls);
        }
        this.admissions = new Semaphore(concurrentCalls, true);
    }

    /** Runs {@code work} once fewer than the allowed number of calls are running and every earlier caller has begun. */
    public <T> T admit(Supplier<T> work) {
        admissions.acquireUninterruptibly();
        try {
            return work.get();
        } finally {
            admissions.release();
        }
    }
}
