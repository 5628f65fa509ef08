package newsroom.cli.run;

import java.util.Map;

/** A dead child process's exit status in words, for the supervisor's log and {@code newsroom status}. */
final class ExitStatus {

    /** Signals a service is likely to die of, by number (Linux). */
    private static final Map<Integer, String> SIGNALS = Map.of(
            1, "SIGHUP", 2, "SIGINT", 3, "SIGQUIT", 4, "SIGILL", 6, "SIGABRT",
            7, "SIGBUS", 8, "SIGFPE", 9, "SIGKILL", 11, "SIGSEGV", 15, "SIGTERM");
    /** What the JVM prints when -XX:+ExitOnOutOfMemoryError (Service#jvmOptions) ends it. */
    private static final String JVM_OUT_OF_MEMORY = "Terminating due to java.lang.OutOfMemoryError";

    private ExitStatus() {
    }

    /**
     * @param exitCode as {@link Process#exitValue()} reports it: 128 plus the signal's number
     *                 for a process a signal ended
     * @param logTail  the end of the process's log, where the JVM says it ran out of memory
     */
    static String describe(int exitCode, String logTail) {
        if (logTail.contains(JVM_OUT_OF_MEMORY)) {
            return "ran out of memory (exit code " + exitCode + ", \"" + JVM_OUT_OF_MEMORY + "\" in its log)";
        }
        int signal = exitCode - 128;
        if (signal > 0 && signal < 64) {
            String name = SIGNALS.getOrDefault(signal, "signal " + signal);
            return "was killed by signal " + signal + " (" + name + ")"
                    + (signal == 9 ? ": kill -9, or the kernel's out-of-memory killer" : "");
        }
        return "exited with code " + exitCode;
    }
}
