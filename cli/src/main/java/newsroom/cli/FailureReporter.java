package newsroom.cli;

import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Reports a failed command as {@code newsroom: <what went wrong>} on standard error
 * and exits with 1. NEWSROOM_DEBUG=1 adds the stack trace, for bug reports.
 */
public final class FailureReporter implements IExecutionExceptionHandler {

    public static final int EXIT_FAILURE = 1;

    @Override
    public int handleExecutionException(Exception failure, CommandLine commandLine, ParseResult parseResult) {
        commandLine.getErr().println("newsroom: " + ErrorMessages.describe(failure));
        if (System.getenv("NEWSROOM_DEBUG") != null) {
            failure.printStackTrace(commandLine.getErr());
        }
        commandLine.getErr().flush();
        return EXIT_FAILURE;
    }
}
