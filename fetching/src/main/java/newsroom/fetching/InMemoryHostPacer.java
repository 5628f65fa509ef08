package newsroom.fetching;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Host turns kept in this process: enough for one fetching process (the CLI's discovery, tests). */
public final class InMemoryHostPacer implements HostPacer {

    /**
     * Per host, the System.nanoTime() from which the next turn may start: while a turn is held,
     * the end of its hold; once closed, the close plus the delay. Guarded by this.
     */
    private final Map<String, Long> freeFrom = new HashMap<>();

    @Override
    public synchronized Turn take(String host, Duration delay, Duration hold) throws InterruptedException {
        while (true) {
            long now = System.nanoTime();
            long free = freeFrom.getOrDefault(host, now);
            if (free <= now) {
                long heldUntil = now + hold.toNanos();
                freeFrom.put(host, heldUntil);
                return () -> close(host, heldUntil, delay);
            }
            TimeUnit.NANOSECONDS.timedWait(this, free - now);
        }
    }

    private synchronized void close(String host, long heldUntil, Duration delay) {
        // A turn held past its hold may have been taken over since; then the newer holder owns the host.
        if (freeFrom.getOrDefault(host, 0L) == heldUntil) {
            freeFrom.put(host, System.nanoTime() + delay.toNanos());
            notifyAll();
        }
    }
}
