package newsroom.e2e;

import java.util.List;
import newsroom.cli.run.ServiceProcess;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;

/**
 * Prints the end of every service's log when a test or its set-up fails: the
 * reason is almost always there, and the processes and their logs are gone after.
 * Extended by what holds a test's processes ({@link SuiteUnderTest}, {@link RigUnderTest}, and
 * deploy-tests' NlpLoadSpreadIT through this module's test jar).
 */
public abstract class ServiceLogsOnFailure implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler {

    private static final int LINES = 60;

    /** The processes started so far (none before the set-up has started any). */
    protected abstract List<ServiceProcess> processes();

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
        for (ServiceProcess process : processes()) {
            System.err.println("===== last " + LINES + " lines of " + process.spec().logFile()
                    + (process.isAlive() ? "" : " (exited with code " + process.exitCode() + ")") + " =====");
            System.err.println(process.logTail(LINES));
        }
    }
}
