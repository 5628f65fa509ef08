package newsroom.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The machine's CPUs split in two halves, with processes pinned to one half by
 * {@code taskset(1)}: on one machine, the nearest thing to a read replica on a machine
 * of its own. The primary PostgreSQL and ingest-service get the writers' half, the replica,
 * the query-service reading it and the benchmark's own clients the readers' half, so that
 * what a replica takes off the primary can be measured here (QueryBenchmark
 * {@code -Dreplica.own.cores=true}). Pinning a process pins every thread it has and every
 * process it started; a PostgreSQL server's later backends inherit its postmaster's CPUs.
 * Linux only.
 */
public final class CoreSplit implements AutoCloseable {

    private final String writers;
    private final String readers;
    private final String all;
    /** Each pinned process, and whether the processes it started were pinned with it. */
    private final Map<Long, Boolean> pinned = new LinkedHashMap<>();

    private CoreSplit(int cpus) {
        if (cpus < 2) {
            throw new IllegalStateException("splitting the cores needs at least 2 CPUs, this machine has " + cpus);
        }
        int half = cpus / 2;
        this.writers = half == 1 ? "0" : "0-" + (half - 1);
        this.readers = half == cpus - 1 ? Integer.toString(half) : half + "-" + (cpus - 1);
        this.all = "0-" + (cpus - 1);
    }

    /** This machine's CPUs, split; read before anything is pinned (a pinned JVM sees only its own half). */
    public static CoreSplit ofThisMachine() {
        return new CoreSplit(Runtime.getRuntime().availableProcessors());
    }

    /** Pins {@code pids} (PostgreSQL postmasters, service processes) to the writers' half. */
    public void pinWriters(List<Long> pids) throws IOException, InterruptedException {
        for (long pid : pids) {
            pin(pid, writers, true);
        }
    }

    /**
     * Pins {@code pids} and this JVM (the benchmark's clients) to the readers' half; this JVM
     * alone, not the services it started, which each have their own half.
     */
    public void pinReaders(List<Long> pids) throws IOException, InterruptedException {
        for (long pid : pids) {
            pin(pid, readers, true);
        }
        pin(ProcessHandle.current().pid(), readers, false);
    }

    /** What is where, for the run's output. */
    public String describe() {
        return String.format(Locale.ROOT, "writers on CPU %s, readers and the clients on CPU %s", writers, readers);
    }

    /** Gives every pinned process that still runs, and what it started, all the CPUs again. */
    @Override
    public void close() throws IOException, InterruptedException {
        Map<Long, Boolean> unpin = new LinkedHashMap<>(pinned);
        for (Map.Entry<Long, Boolean> process : unpin.entrySet()) {
            if (ProcessHandle.of(process.getKey()).map(ProcessHandle::isAlive).orElse(false)) {
                pin(process.getKey(), all, process.getValue());
            }
        }
        pinned.clear();
    }

    private void pin(long pid, String cpus, boolean withDescendants) throws IOException, InterruptedException {
        ProcessHandle process = ProcessHandle.of(pid)
                .orElseThrow(() -> new IllegalStateException("no process " + pid + " to pin to CPU " + cpus));
        pinned.putIfAbsent(pid, withDescendants);
        taskset(pid, cpus, true);
        if (withDescendants) {
            for (ProcessHandle child : process.descendants().toList()) {
                taskset(child.pid(), cpus, false);
            }
        }
    }

    // A child may end between listing and pinning (a backend whose client left): that is not an error.
    private static void taskset(long pid, String cpus, boolean mustExist) throws IOException, InterruptedException {
        Process taskset = new ProcessBuilder("taskset", "--all-tasks", "--cpu-list", "--pid", cpus, Long.toString(pid))
                .redirectErrorStream(true).start();
        String output = new String(taskset.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        if (taskset.waitFor() != 0 && (mustExist || ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false))) {
            throw new IOException("taskset could not pin process " + pid + " to CPU " + cpus + ": " + output);
        }
    }
}
