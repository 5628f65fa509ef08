package newsroom.e2e;

import java.util.List;
import java.util.function.Supplier;
import newsroom.cli.run.ServiceProcess;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Prints the end of every service's log when a test or its set-up fails: the
 * reason is almost always there, and the processes and their logs are gone after.
 */
final class ServiceLogsOnFailure implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

    private static final int LINES = 60;

    private final Supplier<List<ServiceProcess>> processes;

    ServiceLogsOnFailure(Supplier<List<ServiceProcess>> processes) {
        this.processes = processes;
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        printLogs();
        throw failure;
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable failure) throws Throwable {
        printLogs();
        throw failure;
    }

    private void printLogs() {
        for (ServiceProcess process : processes.get()) {
            System.err.println("===== last " + LINES + " lines of " + process.spec().logFile()
                    + (process.isAlive() ? "" : " (exited with code " + process.exitCode() + ")") + " =====");
            System.err.println(process.logTail(LINES));
        }
    }
}
