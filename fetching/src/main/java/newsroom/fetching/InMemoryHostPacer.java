package newsroom.fetching;

import java.time.Duration;

/** Host slots kept in this process: enough for one fetching process (the CLI's discovery, tests). */
public final class InMemoryHostPacer implements HostPacer {

    @Override
    public void awaitTurn(String host, Duration delay) throws InterruptedException {
        throw new UnsupportedOperationException("TODO");
    }
}
