package newsroom.cli.run;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import sun.misc.Signal;

/**
 * A request to stop, from SIGTERM ({@code newsroom down}), SIGINT (Ctrl-C) or SIGHUP.
 * The supervisor handles these signals itself instead of in a JVM shutdown hook, so it
 * can stop the services and PostgreSQL in order and then exit normally.
 */
public final class StopSignal {

    private final CountDownLatch requested = new CountDownLatch(1);

    /** A stop signal that the TERM, INT and HUP signals trigger. */
    public static StopSignal fromProcessSignals() {
        StopSignal stop = new StopSignal();
        for (String name : new String[] {"TERM", "INT", "HUP"}) {
            try {
                Signal.handle(new Signal(name), signal -> stop.request());
            } catch (IllegalArgumentException unsupported) {
                // Not every platform has every signal (no HUP on Windows); the rest still work.
            }
        }
        return stop;
    }

    public void request() {
        requested.countDown();
    }

    public boolean isRequested() {
        return requested.getCount() == 0;
    }

    /** Waits up to {@code timeout} for a stop request; true if one came. */
    public boolean await(Duration timeout) {
        try {
            return requested.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        }
    }
}
