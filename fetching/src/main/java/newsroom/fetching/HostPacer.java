package newsroom.fetching;

import java.time.Duration;

/**
 * Keeps requests to one host apart. {@link #awaitTurn} returns when the caller may send its
 * request; the next caller for the same host then waits {@code delay} longer. ingest-service
 * keeps the slots in PostgreSQL so that all its replicas share them; {@link InMemoryHostPacer}
 * serves one process.
 */
public interface HostPacer {

    /**
     * Reserves the next request slot for {@code host} and waits until it starts.
     *
     * @param host  the host, lower case, with its port when not the scheme's default
     * @param delay the least time between two requests to the host
     */
    void awaitTurn(String host, Duration delay) throws InterruptedException;
}
