package newsroom.cli.run;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/**
 * The background process {@code up} starts: owns PostgreSQL and the services until
 * {@code down} sends it SIGTERM. Hidden: people use {@code up} and {@code down}.
 */
@Command(name = "supervise", hidden = true, mixinStandardHelpOptions = true,
        description = "Runs the suite in this process until SIGTERM (used by 'up').")
public class SuperviseCommand implements Callable<Integer> {

    @Override
    public Integer call() {
        SuiteSettings settings = SuiteSettings.fromEnvironment(System.getenv(), CliHome.repository());
        return new Supervisor(settings, System.out, false, StopSignal.fromProcessSignals()).run();
    }
}
