package newsroom.ingest.analysis;

import java.time.Duration;

/**
 * Lets idle workers sleep until there may be work. A worker notes the
 * generation before it looks for work and sleeps only if nothing was
 * signalled since, so a wake-up that arrives while it looks is never lost.
 */
final class WakeUpSignal {

    private long generation;

    synchronized long generation() {
        return generation;
    }

    synchronized void wakeAll() {
        generation++;
        notifyAll();
    }

    /** Sleeps up to {@code timeout} unless the generation has moved past {@code seen}. */
    synchronized void awaitAfter(long seen, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (generation == seen) {
            long remaining = deadline - System.nanoTime();
            if (remaining <= 0) {
                return;
            }
            wait(Math.max(1, remaining / 1_000_000));
        }
    }
}
