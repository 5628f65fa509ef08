package newsroom.fetching;

import java.time.Duration;

/**
 * Keeps requests to one host apart. A caller takes the host's turn, sends its request, reads the
 * response and closes the turn; the next turn starts a delay after that close. Because a turn is
 * held until the response has ended, the site sees two requests at least the delay apart however
 * late the first one reached it: the second is sent only after the first was answered.
 * ingest-service keeps the turns in PostgreSQL so that all its replicas share them;
 * {@link InMemoryHostPacer} serves one process.
 */
public interface HostPacer {

    /**
     * Waits until {@code host} is free and takes its turn.
     *
     * @param host  the host, lower case, with its port when not the scheme's default
     * @param delay the least time between the end of one request to the host and the next
     * @param hold  how long the turn may be held at most: a holder that dies (a replica killed
     *              mid-request) frees the host after this long; at least the request timeout
     */
    Turn take(String host, Duration delay, Duration hold) throws InterruptedException;

    /** A host's turn, held until closed. */
    interface Turn extends AutoCloseable {

        /** Ends the turn: the next may start {@code delay} from now. */
        @Override
        void close();
    }
}
