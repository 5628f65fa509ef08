package newsroom.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time used by the three parties of a benchmark run, read from
 * {@code /proc/<pid>/stat} (user + system time): this benchmark's own JVM
 * (the gRPC clients), the service processes measured (query-service, or every
 * ingest-service replica), and PostgreSQL (each server measured: its postmaster,
 * the postmaster's live children and the children it has reaped; a primary and
 * its streaming replica count together). Linux only; elsewhere every figure
 * reads 0.
 */
public final class CpuMeter {

    /** CPU seconds used so far by each party. */
    public record Sample(double client, double service, double postgres) {

        /** The CPU milliseconds each party used since {@code before}, per call. */
        public String perCall(Sample before, long calls) {
            double n = Math.max(1, calls);
            return String.format(java.util.Locale.ROOT, "client %.3f  service %.3f  postgres %.3f  total %.3f ms CPU/call",
                    (client - before.client) * 1000 / n, (service - before.service) * 1000 / n,
                    (postgres - before.postgres) * 1000 / n,
                    (client + service + postgres - before.client - before.service - before.postgres) * 1000 / n);
        }
    }

    // USER_HZ: the unit of /proc/<pid>/stat times, 100 on every Linux build we know.
    private static final double TICKS_PER_SECOND = 100;

    private final List<Long> servicePids;
    private final List<Long> postmasterPids;

    /**
     * Measures the services {@code servicePids} and the PostgreSQL servers whose postmasters are
     * {@code postmasterPids}, each party summed.
     */
    public CpuMeter(List<Long> servicePids, List<Long> postmasterPids) {
        this.servicePids = List.copyOf(servicePids);
        this.postmasterPids = List.copyOf(postmasterPids);
    }

    /** The pid of the postmaster of the PostgreSQL that {@code connection} is connected to (-1 if unknown). */
    public static long postmasterPid(Connection connection) throws SQLException {
        try (Statement statement = connection.createStatement();
             ResultSet pid = statement.executeQuery("SELECT pg_backend_pid()")) {
            pid.next();
            return ProcessHandle.of(pid.getLong(1)).flatMap(ProcessHandle::parent).map(ProcessHandle::pid).orElse(-1L);
        }
    }

    public Sample sample() {
        double postgres = 0;
        for (long postmasterPid : postmasterPids) {
            postgres += ticks(postmasterPid, true);
        }
        try (Stream<Path> processes = Files.list(Path.of("/proc"))) {
            for (Path process : (Iterable<Path>) processes::iterator) {
                String name = process.getFileName().toString();
                if (name.chars().allMatch(Character::isDigit) && postmasterPids.contains(parent(Long.parseLong(name)))) {
                    postgres += ticks(Long.parseLong(name), false);
                }
            }
        } catch (IOException e) {
            return new Sample(0, 0, 0);
        }
        double services = 0;
        for (long servicePid : servicePids) {
            services += ticks(servicePid, false);
        }
        return new Sample(ticks(ProcessHandle.current().pid(), false) / TICKS_PER_SECOND,
                services / TICKS_PER_SECOND, postgres / TICKS_PER_SECOND);
    }

    // Fields after the command name (which may hold spaces): state ppid ... utime(14) stime(15) cutime(16) cstime(17).
    private static String[] fields(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
            return stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static long parent(long pid) {
        String[] fields = fields(pid);
        return fields == null ? -1 : Long.parseLong(fields[1]);
    }

    private static double ticks(long pid, boolean withReapedChildren) {
        String[] fields = fields(pid);
        if (fields == null) {
            return 0;
        }
        double ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        if (withReapedChildren) {
            ticks += Long.parseLong(fields[13]) + Long.parseLong(fields[14]);
        }
        return ticks;
    }
}
