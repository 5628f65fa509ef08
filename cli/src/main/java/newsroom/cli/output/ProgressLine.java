package newsroom.cli.output;

import java.io.PrintStream;

/**
 * A status line that rewrites itself on a terminal ("waiting for nlp-service... 12 s")
 * and, in a log file, appears now and then instead of on every update.
 */
public final class ProgressLine {

    private static final long LOG_INTERVAL_NANOS = 10_000_000_000L;

    private final PrintStream out;
    private final boolean interactive;
    private boolean lineOpen;
    private long lastLogged = Long.MIN_VALUE;

    public ProgressLine(PrintStream out, boolean interactive) {
        this.out = out;
        this.interactive = interactive;
    }

    /** A progress line on standard error, rewriting itself when a person is watching. */
    public static ProgressLine onStandardError() {
        return new ProgressLine(System.err, System.console() != null);
    }

    /** A transient status; replaces the previous one. */
    public synchronized void update(String text) {
        if (interactive) {
            out.print("\r" + text + "\033[K");
            out.flush();
            lineOpen = true;
        } else {
            long now = System.nanoTime();
            if (lastLogged == Long.MIN_VALUE || now - lastLogged >= LOG_INTERVAL_NANOS) {
                out.println(text);
                lastLogged = now;
            }
        }
    }

    /** A line that stays, such as "PostgreSQL is ready". */
    public synchronized void milestone(String text) {
        clear();
        out.println(text);
        lastLogged = Long.MIN_VALUE;
    }

    /** Removes the transient status. */
    public synchronized void clear() {
        if (lineOpen) {
            out.print("\r\033[K");
            out.flush();
            lineOpen = false;
        }
    }
}
