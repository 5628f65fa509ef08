package newsroom.fetching;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Host slots kept in this process: enough for one fetching process (the CLI's discovery, tests). */
public final class InMemoryHostPacer implements HostPacer {

    /** Per host, the System.nanoTime() at which the next request may start. Guarded by this. */
    private final Map<String, Long> nextSlot = new HashMap<>();

    @Override
    public void awaitTurn(String host, Duration delay) throws InterruptedException {
        long slot;
        synchronized (this) {
            long now = System.nanoTime();
            slot = Math.max(now, nextSlot.getOrDefault(host, now));
            nextSlot.put(host, slot + delay.toNanos());
        }
        long wait = slot - System.nanoTime();
        if (wait > 0) {
            Thread.sleep(wait / 1_000_000, (int) (wait % 1_000_000));
        }
    }
}
