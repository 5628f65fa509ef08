package newsroom.bench.load;

import io.grpc.Status;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** The calls of one operation: their latencies, and the failed ones by gRPC status code. */
final class OperationStats {

    private final String name;
    private final List<Long> latencyNanos = new ArrayList<>();
    private final Map<String, Integer> errorsByStatus = new TreeMap<>();

    OperationStats(String name) {
        this.name = name;
    }

    synchronized void succeeded(long nanos) {
        latencyNanos.add(nanos);
    }

    synchronized void failed(Throwable failure) {
        errorsByStatus.merge(Status.fromThrowable(failure).getCode().name(), 1, Integer::sum);
    }

    synchronized int errors() {
        return errorsByStatus.values().stream().mapToInt(Integer::intValue).sum();
    }

    synchronized void reset() {
        latencyNanos.clear();
        errorsByStatus.clear();
    }

    /** One line: calls, calls per second over {@code seconds}, p50 and p99 in ms, errors by status. */
    synchronized String report(double seconds) {
        List<Long> sorted = latencyNanos.stream().sorted().toList();
        return String.format(Locale.ROOT, "%-16s %7d ok %8.2f/s   p50 %8.1f ms   p99 %8.1f ms   errors %s",
                name, sorted.size(), sorted.size() / seconds, percentile(sorted, 0.50), percentile(sorted, 0.99),
                errorsByStatus.isEmpty() ? "0" : errorsByStatus.toString());
    }

    private static double percentile(List<Long> sorted, double p) {
        if (sorted.isEmpty()) {
            return Double.NaN;
        }
        int index = (int) Math.ceil(p * sorted.size()) - 1;
        return sorted.get(Math.max(0, index)) / 1e6;
    }
}
