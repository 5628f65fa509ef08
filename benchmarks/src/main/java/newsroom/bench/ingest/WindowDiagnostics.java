package newsroom.bench.ingest;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Where one timed window of {@link IntakeBenchmark} went (with {@code -Ddiagnose=true}; the
 * sampling costs some CPU itself, so figures for BENCHMARKS.md come from runs without it):
 * WAL written per article (records, full-page images, bytes), flushes, checkpoints and
 * autovacuum runs, from {@code pg_stat_wal}, {@code pg_stat_bgwriter} and
 * {@code pg_stat_user_tables} before and after (the statistics are flushed every half second,
 * so the article count is approximate); CPU-seconds of the machine, of PostgreSQL, and of the
 * ingest-service and benchmark JVMs split into JIT compiler, GC and other threads, from
 * {@code /proc}; and what PostgreSQL's client backends were waiting on, sampled from
 * {@code pg_stat_activity} every 10 ms by a thread of its own.
 */
final class WindowDiagnostics implements AutoCloseable {

    private static final String WAL = "SELECT wal_records, wal_fpi, wal_bytes::bigint, wal_sync, wal_write,"
            + " (SELECT checkpoints_timed + checkpoints_req FROM pg_stat_bgwriter),"
            + " (SELECT buffers_backend FROM pg_stat_bgwriter),"
            + " (SELECT coalesce(sum(n_tup_ins), 0) FROM pg_stat_user_tables WHERE relname = 'article'),"
            + " (SELECT coalesce(sum(autovacuum_count + autoanalyze_count), 0) FROM pg_stat_user_tables)"
            + " FROM pg_stat_wal";
    private static final String WAITS = "SELECT coalesce(wait_event_type, 'CPU') || ':' || coalesce(wait_event, state),"
            + " count(*) FROM pg_stat_activity WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()"
            + " AND state <> 'idle' GROUP BY 1";

    private final String jdbcUrl;
    private final String label;
    private final long[] before;
    private final long startedNanos = System.nanoTime();
    private final java.time.Instant startedAt = java.time.Instant.now();
    private final Map<String, Long> waits = new TreeMap<>();
    private final AtomicBoolean sampling = new AtomicBoolean(true);
    private final Thread sampler;
    private long samples;
    private final Map<String, Long> cpuBefore = cpu();

    WindowDiagnostics(String jdbcUrl, String label) throws Exception {
        this.jdbcUrl = jdbcUrl;
        this.label = label;
        this.before = wal(jdbcUrl);
        this.sampler = new Thread(this::sample, "wait-sampler");
        sampler.setDaemon(true);
        sampler.start();
    }

    /** Pages of the tables intake writes, before a size's runs. */
    static void printSizes(String jdbcUrl) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT pg_relation_size('article') / 8192,"
                     + " pg_relation_size((SELECT reltoastrelid FROM pg_class WHERE relname = 'article')) / 8192,"
                     + " pg_relation_size('story_signature') / 8192, pg_relation_size('article_url_key') / 8192")) {
            rows.next();
            System.out.printf("  pages: article %d, its TOAST %d, story_signature %d, article_url_key %d%n",
                    rows.getLong(1), rows.getLong(2), rows.getLong(3), rows.getLong(4));
        }
    }

    private void sample() {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             Statement statement = connection.createStatement()) {
            while (sampling.get()) {
                try (ResultSet rows = statement.executeQuery(WAITS)) {
                    synchronized (waits) {
                        while (rows.next()) {
                            waits.merge(rows.getString(1), rows.getLong(2), Long::sum);
                        }
                        samples++;
                    }
                }
                Thread.sleep(10);
            }
        } catch (Exception e) {
            System.out.println("(wait sampler stopped: " + e + ")");
        }
    }

    private static long[] wal(String jdbcUrl) throws Exception {
        try (Connection connection = DriverManager.getConnection(jdbcUrl);
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery(WAL)) {
            rows.next();
            long[] values = new long[9];
            for (int i = 0; i < values.length; i++) {
                values[i] = rows.getLong(i + 1);
            }
            return values;
        }
    }

    /** CPU ticks (1/100 s) so far: the machine's, and this benchmark's processes', by kind of thread. */
    static Map<String, Long> cpu() {
        Map<String, Long> ticks = new TreeMap<>();
        try {
            String[] total = java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/stat")).get(0).trim().split("\\s+");
            ticks.put("machine-busy", Long.parseLong(total[1]) + Long.parseLong(total[2]) + Long.parseLong(total[3])
                    + Long.parseLong(total[6]) + Long.parseLong(total[7]) + Long.parseLong(total[8]));
            ticks.put("machine-iowait", Long.parseLong(total[5]));
            ProcessHandle self = ProcessHandle.current();
            threads(self.pid(), "bench", ticks);
            self.descendants().forEach(child -> {
                String command = child.info().command().orElse("");
                if (command.endsWith("java")) {
                    threads(child.pid(), "ingest", ticks);
                }
            });
            // The postmaster is started by pg_ctl and outlives it: found by its data directory.
            ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().orElse("").contains("newsroom-intake-bench"))
                    .filter(p -> p.info().command().orElse("").endsWith("postgres"))
                    .forEach(postmaster -> {
                        ticks.merge("postgres", process(postmaster.pid()), Long::sum);
                        postmaster.descendants().forEach(
                                backend -> ticks.merge("postgres", process(backend.pid()), Long::sum));
                    });
        } catch (Exception e) {
            ticks.put("unreadable", 0L);
        }
        return ticks;
    }

    /**
     * A JVM's CPU as "jit" (C1/C2 compiler threads), "gc" and "other": the process's total less
     * the first two (threads that ended still count in the process's total).
     */
    private static void threads(long pid, String name, Map<String, Long> ticks) {
        java.io.File[] tasks = new java.io.File("/proc/" + pid + "/task").listFiles();
        if (tasks == null) {
            return;
        }
        long jit = 0;
        long gc = 0;
        for (java.io.File task : tasks) {
            try {
                String stat = java.nio.file.Files.readString(task.toPath().resolve("stat"));
                String comm = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (comm.startsWith("C2 ") || comm.startsWith("C1 ")) {
                    jit += ticksOf(stat);
                } else if (comm.startsWith("G1 ") || comm.startsWith("GC ")) {
                    gc += ticksOf(stat);
                }
            } catch (Exception e) {
                // the thread ended
            }
        }
        ticks.merge(name + "-jit", jit, Long::sum);
        ticks.merge(name + "-gc", gc, Long::sum);
        ticks.merge(name + "-other", process(pid) - jit - gc, Long::sum);
    }

    private static long process(long pid) {
        try {
            return ticksOf(java.nio.file.Files.readString(java.nio.file.Path.of("/proc/" + pid + "/stat")));
        } catch (Exception e) {
            return 0;
        }
    }

    private static long ticksOf(String stat) {
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
    }

    @Override
    public void close() throws Exception {
        sampling.set(false);
        sampler.join(5_000);
        long[] after = wal(jdbcUrl);
        long[] d = new long[after.length];
        for (int i = 0; i < d.length; i++) {
            d[i] = after[i] - before[i];
        }
        double inserted = Math.max(1, d[7]);
        System.out.printf("  [%s, from %s to %s]%n", label, startedAt, java.time.Instant.now());
        System.out.printf("  [%s, %.1f s] per article inserted (%d): WAL %.1f records, %.2f full-page images, %.1f kB;"
                        + " flushes %d, writes %d; checkpoints %d, backend buffer writes %d, autovacuum/analyze runs %d%n",
                label, (System.nanoTime() - startedNanos) / 1e9, d[7], d[0] / inserted, d[1] / inserted,
                d[2] / inserted / 1024, d[3], d[4], d[5], d[6], d[8]);
        Map<String, Long> cpuAfter = cpu();
        StringBuilder cpuLine = new StringBuilder("  [" + label + "] CPU-s:");
        cpuAfter.forEach((k, v) -> cpuLine.append(String.format(" %s %.2f", k, (v - cpuBefore.getOrDefault(k, 0L)) / 100.0)));
        System.out.println(cpuLine);
        synchronized (waits) {
            StringBuilder line = new StringBuilder("  [" + label + "] backends active per sample (" + samples + " samples):");
            waits.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(10)
                    .forEach(e -> line.append(String.format(" %s %.2f", e.getKey(), e.getValue() / (double) samples)));
            System.out.println(line);
        }
    }
}
