package newsroom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * The machine's load average as {@code /proc/loadavg} gives it: the number of
 * runnable (and uninterruptible) tasks averaged over 1, 5 and 15 minutes, and
 * the tasks runnable at the moment it was read out of all tasks. A benchmark
 * prints it with each timed run because on a shared machine how busy the cores
 * were explains a figure as much as the code does; the 1-minute average also
 * counts the run's own client threads, service and database.
 *
 * @param oneMinute      load averaged over the last minute
 * @param fiveMinutes    load averaged over the last 5 minutes
 * @param fifteenMinutes load averaged over the last 15 minutes
 * @param tasks          runnable tasks / all tasks when read, e.g. "3/120"; "?" when unknown
 */
public record LoadAverage(double oneMinute, double fiveMinutes, double fifteenMinutes, String tasks) {

    private static final Path PROC_LOADAVG = Path.of("/proc/loadavg");

    /** The load average now; NaN figures where {@code /proc/loadavg} cannot be read (not Linux). */
    public static LoadAverage now() {
        try {
            return parse(Files.readString(PROC_LOADAVG));
        } catch (IOException | RuntimeException unreadable) {
            return new LoadAverage(Double.NaN, Double.NaN, Double.NaN, "?");
        }
    }

    // "0.93 1.10 1.24 3/120 4567": the last field is the most recently created pid, not needed here.
    static LoadAverage parse(String loadavg) {
        String[] fields = loadavg.strip().split("\\s+");
        return new LoadAverage(Double.parseDouble(fields[0]), Double.parseDouble(fields[1]),
                Double.parseDouble(fields[2]), fields[3]);
    }

    /** "load 0.93 1.10 1.24 (3 of 120 tasks runnable)": over 1, 5 and 15 minutes. */
    @Override
    public String toString() {
        return String.format(Locale.ROOT, "load %.2f %.2f %.2f (%s tasks runnable)",
                oneMinute, fiveMinutes, fifteenMinutes, tasks.replace("/", " of "));
    }
}
