package newsroom.ingest;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads of the service's background work (analysis, source fetches, partition upkeep):
 * daemons, so that one still busy never keeps the JVM from exiting once shutdown has given it
 * its grace, and named for what they do, as thread dumps and logs show them.
 */
public final class DaemonThreads {

    private DaemonThreads() {
    }

    /** A daemon thread named {@code name}, not yet started. */
    public static Thread daemon(Runnable task, String name) {
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        return thread;
    }

    /** A pool of {@code count} daemon threads named {@code name-1}, {@code name-2}, and so on. */
    public static ExecutorService pool(String name, int count) {
        AtomicInteger number = new AtomicInteger();
        return Executors.newFixedThreadPool(count, task -> daemon(task, name + "-" + number.incrementAndGet()));
    }
}
