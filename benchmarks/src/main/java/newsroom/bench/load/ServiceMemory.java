package newsroom.bench.load;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A service's memory at one moment: its live heap (used heap right after a full
 * collection, asked with {@code jcmd}, so that garbage not yet collected does not count as
 * growth) and its resident set size from {@code /proc}.
 *
 * @param liveHeapMiB used heap after {@code GC.run}
 * @param rssMiB      VmRSS
 */
record ServiceMemory(double liveHeapMiB, double rssMiB) {

    private static final Pattern HEAP_USED = Pattern.compile("total \\d+K, used (\\d+)K");

    static ServiceMemory of(long pid) throws IOException, InterruptedException {
        // Twice: the first full collection may leave objects that only finalization or a cleared
        // reference frees; the second settles the figure.
        jcmd(pid, "GC.run");
        jcmd(pid, "GC.run");
        Matcher used = HEAP_USED.matcher(jcmd(pid, "GC.heap_info"));
        if (!used.find()) {
            throw new IOException("jcmd " + pid + " GC.heap_info: no heap figure");
        }
        return new ServiceMemory(Long.parseLong(used.group(1)) / 1024.0, rss(pid));
    }

    private static double rss(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("\\D", "")) / 1024.0;
            }
        }
        throw new IOException("no VmRSS for process " + pid);
    }

    private static String jcmd(long pid, String command) throws IOException, InterruptedException {
        Path jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd");
        Process process = new ProcessBuilder(Files.isExecutable(jcmd) ? jcmd.toString() : "jcmd",
                Long.toString(pid), command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!process.waitFor(60, TimeUnit.SECONDS) || process.exitValue() != 0) {
            throw new IOException("jcmd " + pid + " " + command + " failed: " + output);
        }
        return output;
    }
}
