package newsroom.cli;

import io.quarkus.picocli.runtime.PicocliCommandLineFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import picocli.CommandLine;

/** The command line with Newsroom's error reporting: one line per failure, no stack traces. */
@ApplicationScoped
class CommandLineSetup {

    @Produces
    CommandLine commandLine(PicocliCommandLineFactory factory) {
        return factory.create()
                .setCaseInsensitiveEnumValuesAllowed(true)
                .setExecutionExceptionHandler(new FailureReporter());
    }
}
