package newsroom.query.grpc;

import io.grpc.Status;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Lets calls do their work a few at a time, each client (API key) a fair share.
 *
 * <p>Without a limit every call the gRPC server accepts runs at once on its own
 * worker thread, and the calls race for the service's few PostgreSQL
 * connections and for the CPU; a call that loses the race again and again
 * waits several times as long as the average call, and such calls make the
 * 99th percentile. Admitted a few at a time, calls do not race, and the
 * 99th percentile falls at no cost in throughput (BENCHMARKS.md, "Calls in
 * arrival order, one-statement reads without a transaction"). By default one call fewer than the service has
 * connections is admitted at once: an admitted call never waits for a
 * connection, and one is left for the readiness check.
 *
 * <p>A single first-come queue would let one client stall all the others: a
 * client sending many expensive searches at once would fill every admission
 * and the queue, and another client's cheap lookup would wait behind all of
 * them. So each client has its own queue, and:
 * <ul>
 *   <li>a client runs at most {@code callsPerClient} calls at once (by default
 *       half the admissions), so the other half is always there for the
 *       others: a slow client waits for itself;</li>
 *   <li>a freed admission goes to the clients with waiting calls in turn
 *       (round robin), each client's calls in the order they arrived;</li>
 *   <li>a client may keep at most {@code waitingPerClient} calls waiting; one
 *       more is refused with RESOURCE_EXHAUSTED, so one client cannot take
 *       every worker thread of the server by waiting on them.</li>
 * </ul>
 */
@ApplicationScoped
public class CallGate {

    private final int admissions;
    private final int callsPerClient;
    private final int waitingPerClient;
    private final ReentrantLock lock = new ReentrantLock();
    private final Map<String, Client> clients = new HashMap<>();
    /** Clients with waiting calls, in the order they get the next turn. */
    private final ArrayDeque<Client> turns = new ArrayDeque<>();
    private int running;

    @Inject
    CallGate(@ConfigProperty(name = "newsroom.query.concurrent-calls") Optional<Integer> concurrentCalls,
             @ConfigProperty(name = "newsroom.query.concurrent-calls-per-key") Optional<Integer> callsPerClient,
             @ConfigProperty(name = "newsroom.query.waiting-calls-per-key", defaultValue = "32") int waitingPerClient,
             @ConfigProperty(name = "quarkus.datasource.jdbc.max-size") int connections) {
        this(concurrentCalls.orElse(Math.max(1, connections - 1)), callsPerClient, waitingPerClient);
    }

    private CallGate(int admissions, Optional<Integer> callsPerClient, int waitingPerClient) {
        this(admissions, callsPerClient.orElse(Math.max(1, admissions / 2)), waitingPerClient);
    }

    CallGate(int admissions, int callsPerClient, int waitingPerClient) {
        if (admissions < 1) {
            throw new IllegalArgumentException("newsroom.query.concurrent-calls must be at least 1, not " + admissions);
        }
        if (callsPerClient < 1 || callsPerClient > admissions) {
            throw new IllegalArgumentException("newsroom.query.concurrent-calls-per-key must be between 1 and"
                    + " newsroom.query.concurrent-calls (" + admissions + "), not " + callsPerClient);
        }
        if (waitingPerClient < 0) {
            throw new IllegalArgumentException("newsroom.query.waiting-calls-per-key must not be negative, not "
                    + waitingPerClient);
        }
        this.admissions = admissions;
        this.callsPerClient = callsPerClient;
        this.waitingPerClient = waitingPerClient;
    }

    /**
     * Runs {@code work} for {@code client} once an admission is free, the client runs fewer
     * than its share, and the client's earlier calls have begun.
     *
     * @throws io.grpc.StatusRuntimeException RESOURCE_EXHAUSTED when the client already has
     *                                        as many calls waiting as it may
     */
    public <T> T admit(String client, Supplier<T> work) {
        Client admitted = enter(client);
        try {
            return work.get();
        } finally {
            leave(admitted);
        }
    }

    private Client enter(String name) {
        lock.lock();
        try {
            Client client = clients.computeIfAbsent(name, Client::new);
            if (running < admissions && client.running < callsPerClient && client.waiting.isEmpty()) {
                start(client);
                return client;
            }
            if (client.waiting.size() >= waitingPerClient) {
                forgetIfIdle(client);
                throw Status.RESOURCE_EXHAUSTED.withDescription("client \"" + name + "\" already has "
                        + client.running + " calls running and " + client.waiting.size() + " waiting, the most one"
                        + " client may (newsroom.query.concurrent-calls-per-key=" + callsPerClient
                        + ", newsroom.query.waiting-calls-per-key=" + waitingPerClient
                        + "); wait for answers before sending more").asRuntimeException();
            }
            Ticket ticket = new Ticket(lock.newCondition());
            if (client.waiting.isEmpty()) {
                turns.addLast(client);
            }
            client.waiting.addLast(ticket);
            while (!ticket.admitted) {
                ticket.turn.awaitUninterruptibly();
            }
            return client;
        } finally {
            lock.unlock();
        }
    }

    private void leave(Client client) {
        lock.lock();
        try {
            running--;
            client.running--;
            dispatch();
            forgetIfIdle(client);
        } finally {
            lock.unlock();
        }
    }

    // Hands free admissions to waiting calls, one client after the other; a client at its share
    // keeps its place in the turns but is passed over.
    private void dispatch() {
        int passedOver = 0;
        while (running < admissions && passedOver < turns.size()) {
            Client next = turns.pollFirst();
            if (next.running >= callsPerClient) {
                turns.addLast(next);
                passedOver++;
                continue;
            }
            Ticket ticket = next.waiting.pollFirst();
            start(next);
            ticket.admitted = true;
            ticket.turn.signal();
            if (!next.waiting.isEmpty()) {
                turns.addLast(next);
            }
            passedOver = 0;
        }
    }

    private void start(Client client) {
        running++;
        client.running++;
    }

    private void forgetIfIdle(Client client) {
        if (client.running == 0 && client.waiting.isEmpty()) {
            clients.remove(client.name);
        }
    }

    /** One client's calls: how many run, and those waiting, first come first. */
    private static final class Client {

        final String name;
        final ArrayDeque<Ticket> waiting = new ArrayDeque<>();
        int running;

        Client(String name) {
            this.name = name;
        }
    }

    /** A waiting call, told by its condition when it may start. */
    private static final class Ticket {

        final Condition turn;
        boolean admitted;

        Ticket(Condition turn) {
            this.turn = turn;
        }
    }
}
