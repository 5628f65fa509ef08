package newsroom.cli.credentials;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import newsroom.cli.UserError;
import newsroom.cli.run.RunState;
import newsroom.cli.run.RunStateFile;
import newsroom.cli.run.SuiteSettings;

/**
 * Whether the CLI calls the services over TLS, and which CA it trusts: the CA certificate
 * (PEM) in NEWSROOM_TLS_CA_FILE, else the local CA when the suite {@code newsroom up}
 * started runs with TLS (its run state says so); else plaintext.
 */
public final class ClientTls {

    public static final String CA_FILE = "NEWSROOM_TLS_CA_FILE";

    private ClientTls() {
    }

    public static Optional<Path> find(Map<String, String> environment) {
        String given = environment.get(CA_FILE);
        if (given != null && !given.isBlank()) {
            Path ca = Path.of(given.strip());
            if (!Files.isRegularFile(ca)) {
                throw new UserError(CA_FILE + " names " + ca + ", which is not a file: set it to the CA"
                        + " certificate (PEM) that signed the services' certificates, or unset it");
            }
            return Optional.of(ca);
        }
        SuiteSettings settings = SuiteSettings.fromEnvironment(environment, Path.of("."));
        boolean localSuiteUsesTls = new RunStateFile(settings.runDirectory()).read()
                .filter(RunState::supervisorAlive)
                .map(RunState::tls)
                .orElse(false);
        return localSuiteUsesTls ? Optional.of(settings.tlsFiles().ca()) : Optional.empty();
    }
}
