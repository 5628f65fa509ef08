package newsroom.query.replica;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.Arc;
import io.quarkus.arc.InjectableContext;
import io.quarkus.arc.ManagedContext;
import io.quarkus.runtime.Startup;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.EnumMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Predicate;
import java.util.function.Supplier;
import newsroom.store.DatabaseFailures;

/**
 * Sends each read to the replica while it is usable ({@link ReadReplica}), else to the primary,
 * and answers a read from the primary when the replica fails it on the way: unreachable (it
 * stopped, or the connection broke) or the statement cancelled by a conflict with the replay.
 * So a replica going away costs no call an answer, only the time of its failed attempt.
 *
 * <p>A read runs in a request context of its own, so the Hibernate session it opens (and the
 * datasource {@link ReadStoreTenants} chose for that session) lives exactly as long as the
 * read: the retry on the primary gets a new session, and no session outlives a switch.
 *
 * <p>Metric: {@code newsroom_query_reads_total{store="primary"|"replica"}}, the reads each store
 * answered (a retried read counts once, for the primary).
 */
@ApplicationScoped
@Startup // its counters are on /q/metrics before the first read
public class ReadRouting {

    private final ReadReplica replica;
    private final Map<ReadStore, Counter> reads = new EnumMap<>(ReadStore.class);
    /** The store of the read running on this thread; none outside a read. */
    private final ThreadLocal<ReadStore> current = new ThreadLocal<>();

    ReadRouting(ReadReplica replica, MeterRegistry registry) {
        this.replica = replica;
        for (ReadStore store : ReadStore.values()) {
            reads.put(store, Counter.builder("newsroom.query.reads")
                    .description("reads answered, by the store that answered them")
                    .tag("store", store.storeName())
                    .register(registry));
        }
    }

    /** Runs {@code read} against the replica if usable, else (or if the replica fails it) the primary. */
    public <T> T read(Supplier<T> read) {
        if (!replica.configured()) {
            reads.get(ReadStore.PRIMARY).increment();
            return read.get();
        }
        if (replica.inUse()) {
            try {
                T answer = readFrom(ReadStore.REPLICA, read);
                reads.get(ReadStore.REPLICA).increment();
                return answer;
            } catch (RuntimeException e) {
                if (anyCause(e, DatabaseFailures::isConnectionFailure)) {
                    replica.unreachable(e);
                } else if (!anyCause(e, DatabaseFailures::isTransactionConflict)) {
                    reads.get(ReadStore.REPLICA).increment();
                    throw e;
                }
            }
        }
        reads.get(ReadStore.PRIMARY).increment();
        return readFrom(ReadStore.PRIMARY, read);
    }

    /** The store of the read running on this thread, the primary outside one. */
    ReadStore currentStore() {
        ReadStore store = current.get();
        return store == null ? ReadStore.PRIMARY : store;
    }

    /**
     * Whether {@code failure}, its causes or the exceptions suppressed along the way match: a
     * connection lost at commit reaches us as the transaction manager's RollbackException, with
     * the driver's exception suppressed in it.
     */
    private static boolean anyCause(Throwable failure, Predicate<Throwable> test) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>(List.of(failure));
        while (!pending.isEmpty()) {
            Throwable next = pending.pop();
            if (!seen.add(next)) {
                continue;
            }
            if (test.test(next)) {
                return true;
            }
            if (next.getCause() != null) {
                pending.push(next.getCause());
            }
            pending.addAll(Arrays.asList(next.getSuppressed()));
        }
        return false;
    }

    private <T> T readFrom(ReadStore store, Supplier<T> read) {
        ManagedContext requestContext = Arc.container().requestContext();
        InjectableContext.ContextState outer = requestContext.getStateIfActive();
        ReadStore outerStore = current.get();
        current.set(store);
        if (outer != null) {
            requestContext.deactivate();
        }
        requestContext.activate();
        try {
            return read.get();
        } finally {
            requestContext.terminate();
            if (outer != null) {
                requestContext.activate(outer);
            }
            if (outerStore == null) {
                current.remove();
            } else {
                current.set(outerStore);
            }
        }
    }
}
