package newsroom.query.grpc;

import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Lets calls do their work a few at a time, in the order they arrived.
 *
 * <p>Without it every call the gRPC server accepts runs at once on its own
 * worker thread and the calls race for the service's few PostgreSQL
 * connections and for the CPU; whichever loses the race again and again
 * waits several times as long as the average call, and those calls make the
 * 99th percentile (BENCHMARKS.md, issue 5). Admitted first come, first
 * served, a call waits for the calls ahead of it and no longer. The number
 * admitted at once defaults to the number of connections, so an admitted
 * call never waits for one.
 */
@ApplicationScoped
public class CallGate {

    private final Semaphore admissions;

    CallGate(@ConfigProperty(name = "newsroom.query.concurrent-calls") int concurrentCalls) {
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
