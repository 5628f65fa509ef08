package newsroom.cli.credentials;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code newsroom credentials}: the API keys of the suite on this machine. */
@Command(name = "credentials", mixinStandardHelpOptions = true,
        description = "API keys: 'newsroom credentials issue --role reader' issues one.",
        subcommands = IssueCommand.class)
public class CredentialsCommand implements Runnable {

    @Spec
    CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }
}
